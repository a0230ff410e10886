/** The pure core: compile rules, then find secrets in text fragments. */
export { compileRules, rulePackHash, RuleError, type CompiledRules, type CompiledRule, type CompileOptions } from "./compile-rules.js";
export { scanFragment, type ScanOptions } from "./scan-fragment.js";
export { fingerprintOf } from "./fingerprint.js";
export { shannonEntropy } from "./entropy.js";
export { isPlaceholder } from "./placeholder.js";
export type * from "./types.js";
