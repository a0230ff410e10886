import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Builds dist/ (modules and the CLI bundle) before the CLI tests when any source file is newer than the last build. */
export default function setup(): void {
  const root = join(import.meta.dirname, "..", "..");
  const built = Math.min(mtime(join(root, "dist", "cli", "main.js")), mtime(join(root, "dist", "bundle", "main.js")));
  if (built > 0 && newest(join(root, "src")) <= built) return;
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

function mtime(p: string): number {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : mtime(p));
  }
  return max;
}
