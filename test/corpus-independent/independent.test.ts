/**
 * Independent accuracy corpora, written by other hands from public provider docs and other
 * scanners' test cases (never from patterns/), in realistic files, scored by file + line against
 * our CLI (no gitleaks, no network). The comparison with gitleaks and the list of misses and false
 * alarms: `node scripts/eval-independent.mjs [--corpus test/corpus-independent-2/generate.mjs]`.
 *
 * Thresholds are the measured values minus 0.02:
 * - corpus 1 (test/corpus-independent): recall 1.000, precision 1.000 after the provider,
 *   password-context, CLI-argument and encoded-credential rules (first measured 0.886 / 0.977);
 * - corpus 2 (test/corpus-independent-2, written later, held out while corpus 1 was tuned): first
 *   measured 0.848 / 0.974, then 0.991 / 1.000 (RECALL_2 / PRECISION_2) after the rules it showed
 *   missing (0.982-0.991 at seeds 2-7; the misses left are two Sentry DSNs, which corpus 1 and our
 *   own corpus count as public, as Sentry's documentation does).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as first from "./generate.mjs";
import * as second from "../corpus-independent-2/generate.mjs";
import type { IndependentCorpus, PositiveLabel } from "./generate.mjs";

const RECALL_2 = 0.991;
const PRECISION_2 = 1.0;

const CORPORA = [
  { name: "independent corpus 1", generate: first.generateIndependentCorpus, write: first.writeCorpus, recall: 0.98, precision: 0.98 },
  { name: "independent corpus 2", generate: second.generateIndependentCorpus, write: second.writeCorpus, recall: RECALL_2 - 0.02, precision: PRECISION_2 - 0.02 },
];

const root = join(import.meta.dirname, "..", "..");

interface Found {
  file: string;
  line: number;
  ruleId: string;
}

describe.each(CORPORA)("$name", ({ name, generate, write, recall: RECALL_FLOOR, precision: PRECISION_FLOOR }) => {
  const work = mkdtempSync(join(tmpdir(), "scan-secrets-indep-"));
  const dir = join(work, "corpus");
  const corpus: IndependentCorpus = generate();
  write(dir, corpus);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("is large and varied enough to mean something", () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(80);
    expect(corpus.positives.length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.positives.map((p) => p.provider)).size).toBeGreaterThanOrEqual(60);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(150);
  });

  it(`has recall >= ${RECALL_FLOOR} and precision >= ${PRECISION_FLOOR} (file + line matching)`, () => {
    const r = spawnSync(process.execPath, [join(root, "bin/scan-secrets.js"), dir, "--format", "json", "--no-baseline", "--quiet"], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect([0, 1]).toContain(r.status);
    const findings = (JSON.parse(r.stdout) as { findings: Found[] }).findings;

    const hit = new Set<PositiveLabel>();
    const falseAlarms = new Map<string, Found>();
    for (const f of findings) {
      const label = corpus.positives.find((p) => p.path === f.file && f.line >= p.line && f.line <= p.endLine);
      if (label) hit.add(label);
      else if (!falseAlarms.has(`${f.file}:${f.line}`)) falseAlarms.set(`${f.file}:${f.line}`, f);
    }
    const misses = corpus.positives.filter((p) => !hit.has(p));
    const recall = hit.size / corpus.positives.length;
    const precision = hit.size / (hit.size + falseAlarms.size);
    const negKind = new Map(corpus.negatives.map((n) => [`${n.path}:${n.line}`, n.kind]));
    console.log(
      `${name}: ${corpus.files.length} files, ${corpus.positives.length} secrets, ${corpus.negatives.length} hard negatives\n` +
        `recall=${recall.toFixed(3)} precision=${precision.toFixed(3)}` +
        misses.map((m) => `\n  missed ${m.path}:${m.line} [${m.context}] ${m.provider}`).join("") +
        [...falseAlarms.values()].map((f) => `\n  false alarm ${f.file}:${f.line} ${f.ruleId} (${negKind.get(`${f.file}:${f.line}`) ?? "unlabelled"})`).join(""),
    );
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });
});
