// `npm run bench`: every benchmark, each printing its figure as a ratio against a floor measured in
// the same run (these machines are shared and noisy: absolute times are not targets).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = ["engine", "redos", "worktree", "precommit-latency", "history", "lockfile"].filter((b) => only.length === 0 || only.includes(b));
let failed = 0;
for (const b of benches) {
  const file = join(here, `${b}.mjs`);
  if (!existsSync(file)) continue;
  const r = spawnSync("node", [file], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
console.log(failed === 0 ? "bench: all goals met" : `bench: ${failed} goal(s) missed`);
process.exitCode = failed === 0 ? 0 : 1;
