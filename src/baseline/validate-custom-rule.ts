/**
 * Custom rules from the config: same schema as patterns/*.json, compiled, and their examples run
 * (STYLE: rules are data with executable examples; gitleaks refuses a rule whose example fails).
 */
import { compileRules, RuleError, scanFragment } from "../engine/index.js";
import type { RuleSpec } from "../engine/types.js";
import { ConfigProblem, isObject } from "./config-schema.js";

const RULE_KEYS = [
  "id", "description", "regex", "flags", "secretGroup", "keywords", "requires", "entropy", "validate", "maxLength", "multiline",
  "path", "severity", "remediation", "noPlaceholderFilter", "allowlist", "examples", "reference",
];

/** Validates `rules[index]`; throws ConfigProblem naming the key (and the rule id). */
export function validateCustomRule(raw: unknown, index: number): RuleSpec {
  const at = `rules[${index}]`;
  if (!isObject(raw)) throw new ConfigProblem(at, "expected a rule object");
  const name = typeof raw.id === "string" ? `${at} (${raw.id})` : at;
  for (const k of Object.keys(raw)) {
    if (!RULE_KEYS.includes(k)) throw new ConfigProblem(`${name}.${k}`, `unknown key (expected one of ${RULE_KEYS.join(", ")})`);
  }
  const spec = raw as unknown as RuleSpec;
  try {
    compileRules([spec]);
  } catch (err) {
    if (err instanceof RuleError) throw new ConfigProblem(name, err.message);
    throw err;
  }
  checkExamples(spec, name);
  return spec;
}

function checkExamples(spec: RuleSpec, name: string): void {
  const ex = spec.examples as unknown;
  if (!isObject(ex)) throw new ConfigProblem(`${name}.examples`, 'expected {"positive": [...], "negative": [...]}');
  for (const kind of ["positive", "negative"] as const) {
    const list = ex[kind];
    if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) throw new ConfigProblem(`${name}.examples.${kind}`, "expected an array of strings");
  }
  if ((ex.positive as string[]).length === 0) throw new ConfigProblem(`${name}.examples.positive`, "give at least one example the rule must find");
  // Run the rule alone and anywhere: its `path` filter is about real files, not examples.
  const rules = compileRules([{ ...spec, path: undefined }]);
  const count = (text: string) => scanFragment(rules, { path: "example", text }, { inlineAllow: false }).length;
  (ex.positive as string[]).forEach((text, i) => {
    const n = count(text);
    if (n !== 1) throw new ConfigProblem(`${name}.examples.positive[${i}]`, `the rule finds ${n} secrets in it, expected exactly 1`);
  });
  (ex.negative as string[]).forEach((text, i) => {
    if (count(text) !== 0) throw new ConfigProblem(`${name}.examples.negative[${i}]`, "the rule finds a secret in it, expected none");
  });
}
