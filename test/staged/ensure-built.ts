/** Builds the CLI the real-git tests drive, once per test run, when dist/ is older than src/. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT } from "./git-repo.js";

/** Builds dist/ when it is missing or older than src/ (once per test run, under a lock). */
export function ensureBuilt(): void {
  if (process.env.SCAN_SECRETS_BIN) return;
  const main = join(PROJECT, "dist", "cli", "main.js");
  if (exists(main) && statSync(main).mtimeMs >= newestMtime(join(PROJECT, "src"))) return;
  const lock = join(tmpdir(), "scan-secrets-test-build.lock");
  for (let i = 0; i < 600; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      spawnSync("sleep", ["0.1"]);
    }
  }
  try {
    if (exists(main) && statSync(main).mtimeMs >= newestMtime(join(PROJECT, "src"))) return;
    spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: PROJECT, stdio: "ignore" });
    if (!exists(main)) throw new Error("npx tsc -p tsconfig.build.json did not produce dist/cli/main.js");
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}
