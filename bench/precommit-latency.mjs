#!/usr/bin/env node
/**
 * Pre-commit latency (issue 3, acceptance 3 and 4). In a repository of 10,000 tracked files
 * (built once in the OS temp dir and cached), stages a commit and times `scan-secrets --staged`
 * against `node -e 0` measured in the same run, interleaved so drift hits both alike:
 *   code      5 files / 200 added lines of TypeScript   goal: median <= 3x node -e 0
 *   docs      5 files / 200 added lines of Markdown     goal: not slower than code
 *   lockfile  package-lock.json only, 60 new packages   goal: not slower than code
 * Usage: node bench/precommit-latency.mjs [--runs N]   (needs `npm run build` first)
 * Exits 1 when a goal is missed. BENCH_CACHE moves the cached repository; SCAN_SECRETS_BIN
 * times another build of the CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = process.env.SCAN_SECRETS_BIN ?? join(PROJECT, "bin", "scan-secrets.js");
const REPO = join(process.env.BENCH_CACHE ?? join(tmpdir(), "scan-secrets-bench"), "precommit-10k");
const STAMP = "precommit-10k v1";
const TRACKED = 10_000;
const DOCS = 5;
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;

const git = (...args) => execFileSync("git", args, { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** 9,994 TypeScript files, 5 Markdown docs and a package-lock.json: 10,000 tracked files. */
function buildRepo() {
  const stampFile = join(REPO, ".git", "bench-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === STAMP) return;
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  git("init", "-q", "-b", "main");
  for (const [k, v] of [["user.name", "Bench"], ["user.email", "bench@example.com"], ["commit.gpgsign", "false"]]) git("config", k, v);
  for (let i = 0; i < TRACKED - DOCS - 1; i++) {
    const dir = join(REPO, "src", `m${i % 100}`);
    mkdirSync(dir, { recursive: true });
    const lines = Array.from({ length: 40 }, (_, j) => `export const v${j} = compute(${i}, ${j}); // line ${j}`);
    writeFileSync(join(dir, `f${i}.ts`), `${lines.join("\n")}\n`);
  }
  mkdirSync(join(REPO, "docs"));
  for (let i = 0; i < DOCS; i++) writeFileSync(join(REPO, "docs", `guide-${i}.md`), `# Guide ${i}\n\nIntroduction.\n`);
  writeFileSync(join(REPO, "package-lock.json"), lockfile(0, 200));
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  writeFileSync(stampFile, STAMP);
}

/** A package-lock.json v3 text with packages [from, to), each with integrity and resolved URL. */
function lockfile(from, to, base = {}) {
  const packages = { "": { name: "bench", version: "1.0.0" }, ...base };
  for (let i = from; i < to; i++) {
    packages[`node_modules/pkg-${i}`] = {
      version: `1.${i % 10}.${i % 7}`,
      resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.${i % 10}.${i % 7}.tgz`,
      integrity: `sha512-${Buffer.from(`pkg-${i}`.repeat(12)).toString("base64").slice(0, 86)}==`,
      license: "MIT",
      dependencies: { [`dep-${i}`]: `^${i % 5}.0.0` },
    };
  }
  return `${JSON.stringify({ name: "bench", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

/**
 * Stages one scenario into its own index file (what `git commit` hands a hook through
 * GIT_INDEX_FILE), so the scenarios can be timed interleaved; returns its index and a description.
 */
function stage(kind) {
  git("reset", "-q", "--hard");
  git("clean", "-qfd");
  if (kind === "code") {
    for (let i = 1; i <= 5; i++) {
      const lines = Array.from({ length: 40 }, (_, j) => `export const added${j} = { url: "https://example.com/api/${j}", retries: ${j} };`);
      appendFileSync(join(REPO, "src", `m${i}`, `f${i}.ts`), `${lines.join("\n")}\n`);
    }
  } else if (kind === "docs") {
    for (let i = 0; i < DOCS; i++) {
      const lines = Array.from({ length: 40 }, (_, j) => `Step ${j}: set the \`API_TOKEN\` variable, then run \`npm test -- --grep case-${j}\`.`);
      appendFileSync(join(REPO, "docs", `guide-${i}.md`), `${lines.join("\n")}\n`);
    }
  } else {
    writeFileSync(join(REPO, "package-lock.json"), lockfile(0, 260));
  }
  const index = join(REPO, ".git", `bench-${kind}.index`);
  copyFileSync(join(REPO, ".git", "index"), index);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  execFileSync("git", ["add", "-A"], { cwd: REPO, env });
  const numstat = execFileSync("git", ["diff", "--cached", "--numstat"], { cwd: REPO, env, encoding: "utf8" }).trim().split("\n");
  const added = numstat.reduce((s, l) => s + Number(l.split("\t")[0]), 0);
  git("reset", "-q", "--hard");
  return { kind, env, what: `${numstat.length} file${numstat.length === 1 ? "" : "s"} / ${added} lines`, times: [] };
}

/** Wall time of one run in ms (stdio ignored, like a hook whose output nobody reads). */
function timeOnce(cmd, args, env, expectCode) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: REPO, env, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (expectCode !== undefined && r.status !== expectCode) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  if (!existsSync(join(dirname(BIN), "..", "dist", "bundle", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const t0 = Date.now();
  buildRepo();
  console.log(`repository: ${REPO} (${TRACKED} tracked files, ready in ${Date.now() - t0} ms); ${RUNS} rounds, node ${process.version}`);
  const rows = ["code", "docs", "lockfile"].map(stage);
  for (const r of rows) timeOnce("node", [BIN, "--staged"], r.env, 0); // warm the page cache
  // Round-robin: every round times the floor and each scenario once, so load drift hits all alike.
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(timeOnce("node", ["-e", "0"], process.env));
    for (const r of rows) r.times.push(timeOnce("node", [BIN, "--staged"], r.env, 0));
  }
  const base = median(floor);
  console.log(`node -e 0: median ${base.toFixed(1)} ms`);
  console.log("scenario  staged                  scan --staged   ratio to node -e 0");
  for (const r of rows) {
    r.median = median(r.times);
    console.log(`${r.kind.padEnd(9)} ${r.what.padEnd(23)} ${r.median.toFixed(1).padStart(10)} ms ${(r.median / base).toFixed(2).padStart(9)}`);
  }
  const [code, ...others] = rows;
  const failures = [];
  if (code.median / base > 3) failures.push(`code commit: ratio ${(code.median / base).toFixed(2)} > 3`);
  // "Never slower", with 5% (at least 2 ms) allowed for timer noise.
  for (const r of others) if (r.median > code.median + Math.max(2, code.median * 0.05)) failures.push(`${r.kind} commit slower than the code commit`);
  console.log(failures.length === 0 ? "ok: all goals met" : `FAILED: ${failures.join("; ")}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = main();
