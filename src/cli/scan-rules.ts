import { compileRules, RuleError, type CompiledRules } from "../engine/index.js";
import type { RuleSpec } from "../engine/types.js";
import { loadRulePack } from "../rules/load-rule-pack.js";
import type { ScanConfig } from "../baseline/index.js";
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
