#!/usr/bin/env node
// Thin launcher: the CLI is built into dist/bundle/ by `npm run build` (run by `prepare` on npm ci/install).
import("../dist/bundle/main.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist")) {
    process.stderr.write("scan-secrets: not built yet: run `npm run build` (npm ci does it through `prepare`)\n");
  } else {
    process.stderr.write(`scan-secrets: ${err && err.message ? err.message : err}\n`);
  }
  process.exit(2);
});
