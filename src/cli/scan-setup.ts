import type { CompiledRules } from "../engine/index.js";
import type { RuleSpec } from "../engine/types.js";
import { compileScanRules, vetUserRegexes } from "./scan-rules.js";
import { loadBaseline, loadConfig, type Baseline, type ScanConfig } from "../baseline/scan.js";
import { isReportFormat, type ReportFormat } from "../report/index.js";
import { UsageError } from "./errors.js";
import { flag, parseIntOption, stringOption, type ParsedArgs } from "./parse-args.js";

/** Everything a scan needs besides its source: rules, config, baseline and output settings. */
export interface ScanSetup {
  root: string;
  config: ScanConfig;
  specs: RuleSpec[];
  rules: CompiledRules;
  baseline: Baseline | undefined;
  format: ReportFormat;
  output?: string;
  redactPercent?: number;
  showAllowed: boolean;
  inlineAllow: boolean;
}

/** Reads config, rule pack and baseline once; every problem is a one-line UsageError. */
export function prepareScan(args: ParsedArgs, root: string): ScanSetup {
  const format = stringOption(args, "format") ?? "text";
  if (!isReportFormat(format)) throw new UsageError(`--format: unknown format ${JSON.stringify(format)} (text, json, sarif, github)`);
  const redact = stringOption(args, "redact");
  const config = loadConfig({ root, path: stringOption(args, "config") });
  vetUserRegexes(config);
  const { specs, rules } = compileScanRules(config);
  const baseline = flag(args, "no-baseline") ? undefined : loadBaseline({ root, path: stringOption(args, "baseline") });
  return {
    root,
    config,
    specs,
    rules,
    baseline,
    format,
    output: stringOption(args, "output"),
    redactPercent: redact === undefined ? undefined : parseIntOption(redact, "redact", 0, 100),
    showAllowed: flag(args, "show-allowed"),
    inlineAllow: !flag(args, "no-inline-allow"),
  };
}
