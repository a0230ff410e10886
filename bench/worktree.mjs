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

const floor = median("node", ["-e", FLOOR, dir]);
const scan = median("node", [join(root, "bin/scan-secrets.js"), dir, "--no-baseline", "--format", "json", "-o", "/dev/null"]);
const files = execFileSync("git", ["-C", dir, "ls-files"]).toString().split("\n").length - 1;
const ratio = scan / floor;
console.log(`worktree: ${files} files, scan ${scan.toFixed(0)} ms vs read-only floor ${floor.toFixed(0)} ms: ratio ${ratio.toFixed(2)} (goal <= 2)`);
process.exitCode = ratio <= 2 ? 0 : 1;
