/** Findings a baseline command works from: the work tree, plus history with --history. */
import { relative } from "node:path";
import type { Finding } from "../engine/types.js";
import { applyAllowlists, baselinePath, displayPath, readBaselineFile } from "../baseline/index.js";
import { UsageError } from "./errors.js";
import { flag, stringOption, type ParsedArgs } from "./parse-args.js";
import { prepareScan, type ScanSetup } from "./scan-setup.js";
import { collectWorktreeFindings, resolveScanPaths, type Collected } from "./worktree-command.js";

/** What a baseline command scanned and found. */
export interface BaselineScan {
  root: string;
  /** Absolute path of the baseline file. */
  target: string;
  /** Root-relative PATH arguments (empty: everything). */
  scope: string[];
  setup: ScanSetup;
  /** Reportable findings: no inline-allowed or allowlisted ones. */
  findings: Finding[];
}

type HistoryCollector = (args: ParsedArgs, setup: ScanSetup) => Promise<Collected>;

/** Scans for a baseline command; PATH arguments start at positional `from`. */
export async function scanForBaseline(args: ParsedArgs, from: number): Promise<BaselineScan> {
  const { root, inRepo, paths } = resolveScanPaths(args, from);
  const target = baselinePath({ root, path: stringOption(args, "baseline") });
  readBaselineFile(target, displayPath(target)); // malformed: exit 2 before any work
  // The baseline is read again under the lock by the command; the scan itself must not apply it.
  const setup = prepareScan({ ...args, options: { ...args.options, "no-baseline": true } }, root);
  const raw = (await collectWorktreeFindings(args, setup, { inRepo, paths })).findings;
  if (flag(args, "history")) {
    const collect = await historyCollector();
    raw.push(...(await collect(args, setup)).findings);
  }
  const findings = applyAllowlists(raw, setup.config).filter((f) => !f.suppressedBy && !isSelf(root, target, f.file));
  const scope = paths.map((p) => relativeTo(root, p)).filter((p) => p !== "");
  return { root, target, scope: paths.some((p) => relativeTo(root, p) === "") ? [] : scope, setup, findings };
}

async function historyCollector(): Promise<HistoryCollector> {
  const mod = (await import("./history-command.js")) as Record<string, unknown>;
  const fn = mod.collectHistoryFindings;
  if (typeof fn !== "function") throw new UsageError("--history: history scanning is not available in this build yet");
  return fn as HistoryCollector;
}

function isSelf(root: string, target: string, file: string): boolean {
  return relativeTo(root, target) === file;
}

function relativeTo(root: string, abs: string): string {
  return relative(root, abs).split("\\").join("/");
}
