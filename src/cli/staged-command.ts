import type { Finding, ScanStats } from "../engine/types.js";
import { readStagedChanges, stagedFragments } from "../sources/staged-diff.js";
import { flag, stringOption, type ParsedArgs } from "./parse-args.js";

/** `scan-secrets --staged`: the lines the next commit adds (the pre-commit hook runs this). */
export async function runStagedScan(args: ParsedArgs): Promise<number> {
  const started = Date.now();
  // git reads the index while the engine, rules, config and baseline load (every commit pays this).
  const changes = readStagedChanges(process.cwd());
  changes.catch(() => undefined);
  const [{ scanFragment }, { isPathAllowlisted }, { prepareScan }, { finishScan }] = await Promise.all([
    import("../engine/index.js"),
    import("../baseline/scan.js"),
    import("./scan-setup.js"),
    import("./finish-scan.js"),
  ]);
  const { repo, patch } = await changes;
  const setup = prepareScan(args, repo.root);
  const { fragments, files, bytes } = stagedFragments(patch, (path) => isPathAllowlisted(setup.config, path));
  const findings: Finding[] = [];
  for (const fragment of fragments) {
    findings.push(...scanFragment(setup.rules, fragment, { keepSuppressed: true, inlineAllow: setup.inlineAllow }));
  }
  const stats: ScanStats = { files, bytes, commits: 0, durationMs: Date.now() - started };
  const code = finishScan(args, setup, "staged", findings, stats, true);
  if (code === 1 && setup.format === "text" && !flag(args, "quiet")) process.stderr.write(blockAdvice(stringOption(args, "baseline")));
  return code;
}

/** What the developer can do about a blocked commit (issue 3: where, what, and how to resolve). */
function blockAdvice(baseline: string | undefined): string {
  const file = baseline ?? ".secrets-baseline.json";
  return [
    "",
    "scan-secrets: commit blocked: the staged changes add the secret(s) listed above.",
    "To resolve, for each finding:",
    "  - remove the secret from the file, `git add` it again, and rotate the secret if it was ever shared;",
    "  - if it is not a secret (false positive), mark the line with a `scan-secrets:allow` comment;",
    `  - or accept it in the baseline: \`scan-secrets baseline update\`, then \`git add ${file}\`.`,
    "To skip this check for one commit (not recommended): git commit --no-verify",
    "",
  ].join("\n");
}
