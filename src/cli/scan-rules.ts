import { createRequire } from "node:module";
import { compileRules, RuleError, type CompiledRules } from "../engine/index.js";
import type { RuleSpec } from "../engine/types.js";
import { loadRulePack } from "../rules/load-rule-pack.js";
import type { ScanConfig } from "../baseline/scan.js";
import { UsageError } from "./errors.js";

/** The shipped pack plus the config's rules, compiled with its overrides (main thread and workers alike). */
export function compileScanRules(config: ScanConfig): { specs: RuleSpec[]; rules: CompiledRules } {
  const specs = [...loadRulePack(), ...config.rules];
  try {
    return { specs, rules: compileRules(specs, { disabled: config.disabledRules, entropy: config.entropy }) };
  } catch (err) {
    if (err instanceof RuleError) throw new UsageError(`${config.source ?? "rule pack"}: ${err.message}`);
    throw err;
  }
}

/** One user-supplied regex and where it came from, e.g. `rule "x": regex`. */
export interface UserRegex {
  where: string;
  source: string;
  flags: string;
}

/** Per-regex budget of the static ReDoS check; past it the regex is allowed with a warning (the V8 guard covers it). */
const CHECK_TIMEOUT_MS = 2000;

/** The config's custom rule regexes and allowlist regexes (the shipped pack is vetted by test/redos.test.ts). */
export function userRegexes(config: ScanConfig): UserRegex[] {
  const found: UserRegex[] = [];
  for (const rule of config.rules) {
    const at = `rule ${JSON.stringify(rule.id)}`;
    if (typeof rule.regex === "string") found.push({ where: `${at}: regex`, source: rule.regex, flags: rule.flags ?? "" });
    (rule.allowlist?.regexes ?? []).forEach((source, i) => found.push({ where: `${at}: allowlist.regexes[${i}]`, source, flags: "" }));
    (rule.allowlist?.lineRegexes ?? []).forEach((source, i) => found.push({ where: `${at}: allowlist.lineRegexes[${i}]`, source, flags: "" }));
  }
  config.allowlist.regexes.forEach((re, i) => found.push({ where: `allowlist.regexes[${i}]`, source: re.source, flags: re.flags }));
  return found;
}

interface CheckResult {
  status: "safe" | "vulnerable" | "unknown";
  complexity?: { summary: string };
  error?: { kind: string };
}
type CheckSync = (source: string, flags: string, params: { timeout: number }) => CheckResult;

/**
 * Static ReDoS check of user-supplied regexes (recheck): a vulnerable one is a UsageError naming the
 * rule and field, a timed-out one a warning. recheck is loaded only when the config has regexes, so
 * the pre-commit hook pays nothing without custom rules.
 */
export function vetUserRegexes(config: ScanConfig, warn: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  const regexes = userRegexes(config);
  if (regexes.length === 0) return;
  const { checkSync } = createRequire(import.meta.url)("recheck") as { checkSync: CheckSync };
  const file = config.source ?? "config";
  for (const { where, source, flags } of regexes) {
    const result = checkSync(source, flags.replace(/[^imsu]/g, ""), { timeout: CHECK_TIMEOUT_MS });
    if (result.status === "vulnerable") {
      throw new UsageError(`${file}: ${where}: regex can backtrack catastrophically (${result.complexity?.summary ?? "vulnerable"}); make it linear`);
    }
    // An invalid regex is reported by compileScanRules with the engine's own message.
    if (result.status === "unknown" && result.error?.kind !== "invalid") warn(`scan-secrets: warning: ${file}: ${where}: could not prove the regex linear in ${CHECK_TIMEOUT_MS} ms; relying on the runtime guard`);
  }
}
