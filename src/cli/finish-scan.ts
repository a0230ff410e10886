import type { Finding, ScanStats } from "../engine/types.js";
import { applyAllowlists, applyBaseline } from "../baseline/scan.js";
import { renderReport, shouldUseColor, type ScanKind, type ScanReport } from "../report/index.js";
import { git } from "../sources/git.js";
import type { ScanSetup } from "./scan-setup.js";
import { writeOutput } from "./write-output.js";
import { flag, type ParsedArgs } from "./parse-args.js";
import { toolVersion } from "./tool-version.js";

/** Allowlists and baseline, then the report; returns the exit code (1 when anything is left). */
export function finishScan(args: ParsedArgs, setup: ScanSetup, kind: ScanKind, raw: Finding[], stats: ScanStats, inRepo: boolean): number {
  const judged = applyBaseline(applyAllowlists(raw, setup.config), setup.baseline, { failOnUnaudited: flag(args, "fail-on-unaudited") });
  const findings = judged.filter((f) => !f.suppressedBy);
  const suppressed = judged.filter((f) => f.suppressedBy);
  const report: ScanReport = {
    kind,
    root: setup.root,
    findings,
    suppressed: setup.showAllowed ? suppressed : undefined,
    stats,
    toolVersion: toolVersion(),
    ...(setup.format === "sarif" && inRepo ? provenance(setup.root) : {}),
  };
  const color = !setup.output && !flag(args, "no-color") && (flag(args, "color") || shouldUseColor(process.stdout, process.env));
  const text = renderReport(setup.format, report, {
    redactPercent: setup.redactPercent,
    color,
    rules: setup.specs,
  });
  if (setup.output) writeOutput(setup.output, text);
  else process.stdout.write(text);
  return findings.length > 0 ? 1 : 0;
}

function provenance(root: string): Pick<ScanReport, "repositoryUri" | "revision" | "branch"> {
  const repositoryUri = git(["config", "--get", "remote.origin.url"], root, { allowFail: true }).trim() || undefined;
  // One call for both: the commit, then the branch ("HEAD" when detached); nothing before the first commit.
  const [revision, ref] = git(["rev-parse", "HEAD", "--abbrev-ref", "HEAD"], root, { allowFail: true }).trim().split("\n");
  return { repositoryUri, revision: revision || undefined, branch: ref && ref !== "HEAD" ? ref : undefined };
}
