// Bundles the CLI into dist/bundle/: one file for the main thread and one per worker thread.
// Node 20 spends ~0.7 ms per ES module it loads; the work-tree scan loaded ~45 of them (~30 ms of
// every run, the pre-commit hook's included) where one bundle loads in ~10 ms. Third-party
// packages stay external and are required on first use (src/lib/lazy-packages.ts).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

await build({
  absWorkingDir: root,
  // The bundle sits two levels below the root like every module in src/ does, so the paths built from
  // import.meta.url (patterns/, hooks/, package.json) and the workers' URLs stay the same.
  entryPoints: { main: "src/cli/main.ts", "worktree-worker": "src/cli/worktree-worker.ts", "history-worker": "src/cli/history-worker.ts" },
  outdir: "dist/bundle",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
