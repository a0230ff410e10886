/**
 * Issue acceptance 2: scan the generated corpus with the whole rule pack and require
 * recall >= 0.97 and precision >= 0.97. Prints both, and the misses, never a full secret.
 */
import { describe, expect, it } from "vitest";
import { compileRules, scanFragment, type Finding } from "../../src/engine/index.js";
import { loadRulePack } from "../../src/rules/load-rule-pack.js";
import { generateCorpus, type ExpectedSecret } from "./generate-corpus.js";

const redact = (s: string) => `${s.slice(0, 6)}…(${s.length})`;

function overlaps(f: Finding, e: ExpectedSecret): boolean {
  return f.file === e.path && f.line === e.line && (f.secret.includes(e.secret) || e.secret.includes(f.secret));
}

describe("accuracy corpus", () => {
  const corpus = generateCorpus();
  const pack = compileRules(loadRulePack());
  const findings = corpus.files.flatMap((file) => scanFragment(pack, { path: file.path, text: file.text }));

  it("is large and varied enough to mean something", () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(30);
    expect(corpus.decoys.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(findings.filter((f) => corpus.expected.some((e) => overlaps(f, e))).map((f) => f.ruleId));
    expect(kinds.size).toBeGreaterThanOrEqual(30);
  });

  it("has recall >= 0.97 and precision >= 0.97", () => {
    const missed = corpus.expected.filter((e) => !findings.some((f) => overlaps(f, e)));
    const falseAlarms = findings.filter((f) => !corpus.expected.some((e) => overlaps(f, e)));
    const recall = (corpus.expected.length - missed.length) / corpus.expected.length;
    const precision = (findings.length - falseAlarms.length) / findings.length;
    console.log(
      `corpus: ${corpus.files.length} files, ${corpus.expected.length} secrets, ${corpus.decoys.length} hard negatives, ${findings.length} findings\n` +
        `recall=${recall.toFixed(3)} precision=${precision.toFixed(3)}` +
        missed.map((e) => `\n  missed ${e.ruleFamily} ${e.path}:${e.line} ${redact(e.secret)}`).join("") +
        falseAlarms.map((f) => `\n  false alarm ${f.ruleId} ${f.file}:${f.line} ${redact(f.secret)}`).join(""),
    );
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(precision).toBeGreaterThanOrEqual(0.97);
  });
});
