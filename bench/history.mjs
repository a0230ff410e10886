#!/usr/bin/env node
/**
 * Full-history scan speed (issue 4, acceptance 3). Builds once, deterministically, and caches in
 * the OS temp dir a repository of 5,000 commits and over 100 MB of `git log -p -U0` patch text:
 * code churn drawn from the text files under this project's node_modules (edits that replace runs
 * of lines, new files, deletions, renames), a main branch and two feature branches that fork and
 * merge back, and 24 planted tokens (GitHub and AWS shapes, built from a seeded PRNG at run time).
 * Then times, in the same run, median of 3:
 *   floor  git log -p -U0 --all --no-color --no-ext-diff > /dev/null
 *   scan   scan-secrets --history --no-baseline --format json -o FILE
 * and checks that every planted token is reported at its commit and file.
 * Goals: scan <= 1.5x floor; peak RSS <= 400 MB (measured with /usr/bin/time when present).
 * Usage: node bench/history.mjs [--runs N]   (needs `npm run build` first). Exits 1 on a missed
 * goal or token. BENCH_CACHE moves the cached repository; SCAN_SECRETS_BIN times another build.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = process.env.SCAN_SECRETS_BIN ?? join(PROJECT, "bin", "scan-secrets.js");
const COMMITS = 5000;
const PLANTED = 24;
const STAMP = `history-${COMMITS} v2`;
const REPO = join(process.env.BENCH_CACHE ?? join(tmpdir(), "scan-secrets-bench"), `history-${COMMITS}`);
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

/** mulberry32: the same history on every machine with the same node_modules. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20240401);
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];
const draw = (charset, n) => Array.from({ length: n }, () => charset[int(charset.length)]).join("");

/** Lines of source text: every .js/.ts/.md/.json file under node_modules, in a fixed order. */
function sourceLines() {
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if ([".js", ".ts", ".mjs", ".md", ".json"].includes(extname(e.name)) && statSync(p).size < 500_000) files.push(p);
    }
  };
  walk(join(PROJECT, "node_modules"));
  const lines = [];
  const paths = [];
  for (const f of files) {
    if (lines.length > 2_000_000) break;
    const text = readFileSync(f, "utf8");
    if (text.includes("\0")) continue;
    // Keep the planted tokens the only GitHub/AWS shapes in the history.
    for (const l of text.split("\n")) if (l.length < 300 && !/ghp_|AKIA/.test(l)) lines.push(l);
    paths.push(relative(join(PROJECT, "node_modules"), f).replace(/^\.+/, "_"));
  }
  return { lines, paths };
}

/** Writes the fast-import stream for the whole history; returns where each token was planted. */
function generate(fastImport) {
  const { lines: pool, paths } = sourceLines();
  const out = (s) => fastImport.write(s);
  const data = (s) => {
    out(`data ${Buffer.byteLength(s)}\n`);
    out(s);
    out("\n");
  };
  const chunk = (min, max) => {
    const at = int(pool.length - max);
    return pool.slice(at, at + min + int(max - min));
  };
  const branches = { main: { tip: 0, files: new Map() } };
  const plantAt = new Set(Array.from({ length: PLANTED }, (_, i) => Math.floor(((i + 0.5) * COMMITS) / PLANTED)));
  const planted = [];
  let due = 0; // tokens to plant at the next commit that edits or adds a file
  let mark = 0;
  for (let c = 0; c < COMMITS; c++) {
    // Two feature branches live for ~150 commits each, then merge back into main.
    let name = "main";
    if (c > 100 && rand() < 0.35) {
      name = pick(["feature-a", "feature-b"]);
      if (!branches[name]) branches[name] = { tip: branches.main.tip, files: new Map(branches.main.files), born: c };
    }
    const branch = branches[name];
    const changed = new Map();
    for (let k = 0, n = 1 + int(4); k < n; k++) {
      const existing = [...branch.files.keys()];
      const op = existing.length < 300 ? "add" : pick(["edit", "edit", "edit", "edit", "edit", "edit", "add", "delete", "rename"]);
      if (op === "add") {
        const path = `${pick(["src", "lib", "packages/core", "packages/ui", "docs"])}/${pick(paths)}`;
        branch.files.set(path, chunk(40, 400));
        changed.set(path, branch.files.get(path));
      } else if (op === "delete") {
        const path = pick(existing);
        branch.files.delete(path);
        changed.set(path, null);
      } else if (op === "rename") {
        const from = pick(existing);
        const to = from.replace(/([^/]+)$/, "renamed-$1");
        if (branch.files.has(to)) continue;
        const lines = [...branch.files.get(from)];
        lines.splice(int(lines.length), 0, ...chunk(1, 5));
        branch.files.delete(from);
        branch.files.set(to, lines);
        changed.set(from, null);
        changed.set(to, lines);
      } else {
        const path = pick(existing);
        const lines = [...branch.files.get(path)];
        for (let h = 0, hunks = 1 + int(4); h < hunks; h++) lines.splice(int(lines.length), int(40), ...chunk(5, 120));
        branch.files.set(path, lines);
        changed.set(path, lines);
      }
    }
    const where = [...changed].find(([, l]) => l && l.length > 2);
    if (plantAt.has(c)) due++;
    if (due > 0 && where) {
      due--;
      const [path, lines] = where;
      const token = planted.length % 2 ? "AKIA" + draw("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) : "ghp" + "_" + draw("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
      const line = 1 + int(lines.length);
      lines.splice(line - 1, 0, `  const credential = "${token}";`);
      planted.push({ mark: mark + 1, path, line, rule: token.startsWith("AKIA") ? "aws-access-key-id" : "github-pat" });
    }
    mark++;
    const when = 1_600_000_000 + c * 900;
    out(`commit refs/heads/${name}\nmark :${mark}\n`);
    out(`author Dev ${c % 7} <dev${c % 7}@example.com> ${when} +0000\ncommitter Dev ${c % 7} <dev${c % 7}@example.com> ${when} +0000\n`);
    data(`${pick(["fix", "feat", "refactor", "chore", "docs"])}: change ${c}`);
    if (branch.tip) out(`from :${branch.tip}\n`);
    for (const [path, lines] of changed) {
      if (lines === null) out(`D ${path}\n`);
      else {
        out(`M 100644 inline ${path}\n`);
        data(lines.join("\n") + "\n");
      }
    }
    out("\n");
    branch.tip = mark;
    if (name !== "main" && c - branch.born > 150 && rand() < 0.05) mergeIntoMain(name);
  }
  return planted;

  /** A merge commit on main taking the branch's files (the branch wins), then the branch ends. */
  function mergeIntoMain(name) {
    const side = branches[name];
    const main = branches.main;
    mark++;
    out(`commit refs/heads/main\nmark :${mark}\ncommitter Dev <dev@example.com> ${1_600_000_000 + COMMITS * 900 + mark} +0000\n`);
    data(`Merge branch '${name}'`);
    out(`from :${main.tip}\nmerge :${side.tip}\n`);
    for (const [path, lines] of side.files) if (main.files.get(path) !== lines) out(`M 100644 inline ${path}\n`), data(lines.join("\n") + "\n");
    for (const path of main.files.keys()) if (!side.files.has(path)) out(`D ${path}\n`);
    out("\n");
    main.files = new Map(side.files);
    main.tip = mark;
    delete branches[name];
  }
}

/** The cached repository, generated on first use; returns the planted tokens' commits and files. */
async function ensureRepo() {
  const stampFile = join(REPO, "bench-planted.json");
  if (existsSync(stampFile)) {
    const saved = JSON.parse(readFileSync(stampFile, "utf8"));
    if (saved.stamp === STAMP) return saved.planted;
  }
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  execFileSync("git", ["init", "-q", "--bare", REPO]);
  const marks = join(REPO, "bench-marks");
  const fi = spawn("git", ["fast-import", "--quiet", `--export-marks=${marks}`], { cwd: REPO, stdio: ["pipe", "inherit", "inherit"] });
  const buffered = [];
  let size = 0;
  const sink = {
    write(s) {
      buffered.push(s);
      size += s.length;
      if (size > 1 << 22) this.flush();
    },
    flush() {
      fi.stdin.write(buffered.join(""));
      buffered.length = 0;
      size = 0;
    },
  };
  const planted = generate(sink);
  sink.flush();
  fi.stdin.end();
  const code = await new Promise((r) => fi.on("close", r));
  if (code !== 0) throw new Error(`git fast-import failed (${code})`);
  const shaOf = new Map(readFileSync(marks, "utf8").trim().split("\n").map((l) => l.slice(1).split(" ")));
  const withSha = planted.map((p) => ({ ...p, commit: shaOf.get(String(p.mark)) }));
  execFileSync("git", ["gc", "-q"], { cwd: REPO });
  writeFileSync(stampFile, JSON.stringify({ stamp: STAMP, planted: withSha }));
  return withSha;
}

function timeMs(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26, ...opts });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const planted = await ensureRepo();
const report = join(REPO, "bench-report.json");
const scanArgs = [BIN, "--history", "--no-baseline", "--format", "json", "-o", report];
const floors = [];
const scans = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so that load from elsewhere on the machine hits both alike.
  floors.push(timeMs("bash", ["-c", "git log -p -U0 --all --no-color --no-ext-diff >/dev/null"]));
  scans.push(timeMs(process.execPath, scanArgs));
}
const { findings, stats } = JSON.parse(readFileSync(report, "utf8"));
const missed = planted.filter((p) => !findings.some((f) => f.commit === p.commit && f.file === p.path && f.line === p.line && f.ruleId === p.rule));
let rss = "n/a (no /usr/bin/time)";
let rssMb;
if (existsSync("/usr/bin/time")) {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...scanArgs], { cwd: REPO, encoding: "utf8" });
  rssMb = Math.round(Number(r.stderr.trim().split("\n").pop()) / 1024);
  rss = `${rssMb} MB`;
}
const scan = median(scans);
const floor = median(floors);
const ratio = scan / floor;
const mbps = stats.bytes / 1024 / 1024 / (scan / 1000);
console.log(
  `history: ${Math.round(scan)} ms vs git log -p ${Math.round(floor)} ms: ratio ${ratio.toFixed(2)} (goal <= 1.5), ${mbps.toFixed(1)} MB/s, RSS ${rss} (goal <= 400)` +
    `; ${stats.commits} commits, ${(stats.bytes / 1024 / 1024).toFixed(0)} MB, ${planted.length - missed.length}/${planted.length} planted tokens found`,
);
if (missed.length > 0) console.log(`missed planted tokens at: ${missed.map((m) => `${m.commit.slice(0, 8)} ${m.path}:${m.line}`).join(", ")}`);
process.exitCode = ratio <= 1.5 && (rssMb === undefined || rssMb <= 400) && missed.length === 0 ? 0 : 1;
