// Work-tree scan time vs a read-only floor measured in the same run: a Node process that walks the
// same directory and reads + decodes every file. Goal: scan <= 2x floor.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpus } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(tmpdir(), "scan-secrets-bench", "worktree");
if (!existsSync(join(dir, ".ok"))) {
  mkdirSync(dir, { recursive: true });
  for (const f of benchCorpus(root)) {
    const p = join(dir, f.path.replace(/^node_modules\//, "src/"));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
  execFileSync("git", ["init", "-q", dir]);
  execFileSync("git", ["-C", dir, "add", "-A"]);
  writeFileSync(join(dir, ".ok"), "");
}

const FLOOR = `const fs=require("fs"),p=require("path");let n=0;(function w(d){for(const e of fs.readdirSync(d,{withFileTypes:true})){if(e.name===".git")continue;const f=p.join(d,e.name);if(e.isDirectory())w(f);else if(e.isFile())n+=fs.readFileSync(f).toString("utf8").length}})(process.argv[1]);`;

function median(cmd, args, n = 5) {
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    spawnSync(cmd, args, { stdio: "ignore" });
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return t.sort((a, b) => a - b)[(n - 1) / 2];
}

/** Scan time and read-only floor for a repository directory. */
function measure(repo) {
  const floor = median("node", ["-e", FLOOR, repo]);
  const scan = median("node", [join(root, "bin/scan-secrets.js"), repo, "--no-baseline", "--format", "json", "-o", "/dev/null"]);
  const files = execFileSync("git", ["-C", repo, "ls-files"]).toString().split("\n").length - 1;
  return { floor, scan, files, ratio: scan / floor };
}

const main = measure(dir);
console.log(`worktree: ${main.files} files, scan ${main.scan.toFixed(0)} ms vs read-only floor ${main.floor.toFixed(0)} ms: ratio ${main.ratio.toFixed(2)} (goal <= 2)`);

// For information: the same text cut into 10,000 files of 2 KB, where per-file system calls weigh most.
const small = join(tmpdir(), "scan-secrets-bench", "small-files");
if (!existsSync(join(small, ".ok"))) {
  const text = benchCorpus(root, 24 * 1024 * 1024).filter((f) => !f.path.startsWith("dist/")).map((f) => f.text).join("\n");
  for (let i = 0; i < 10_000; i++) {
    const p = join(small, `d${Math.floor(i / 100)}`, `f${i % 100}.ts`);
    mkdirSync(dirname(p), { recursive: true });
    const at = (i * 2048) % Math.max(1, text.length - 2048);
    writeFileSync(p, text.slice(at, at + 2048));
  }
  execFileSync("git", ["init", "-q", small]);
  execFileSync("git", ["-C", small, "add", "-A"]);
  writeFileSync(join(small, ".ok"), "");
}
const many = measure(small);
console.log(`worktree (info): ${many.files} files of 2 KB, scan ${many.scan.toFixed(0)} ms vs read-only floor ${many.floor.toFixed(0)} ms: ratio ${many.ratio.toFixed(2)}`);
process.exitCode = main.ratio <= 2 ? 0 : 1;
