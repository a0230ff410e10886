/**
 * Validation of `.scan-secrets.json` (mirrors schema/scan-secrets.schema.json, which editors use
 * for completion). Every problem names the key, e.g. `allowlist.regexes[1]: not a valid regex`.
 */
import type { RuleSpec } from "../engine/types.js";

/** The config file as written by the user, once validated. */
export interface ConfigFile {
  rules?: RuleSpec[];
  disabledRules?: string[];
  entropy?: Record<string, number>;
  allowlist?: { paths?: string[]; regexes?: string[]; stopwords?: string[] };
}

/** A problem in the config: the key (JSON path) and what is wrong. */
export class ConfigProblem extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`${key}: ${problem}`);
    this.name = "ConfigProblem";
  }
}

const TOP_KEYS = ["$schema", "rules", "disabledRules", "entropy", "allowlist"];
const ALLOWLIST_KEYS = ["paths", "regexes", "stopwords"];

/** Checks the shape of a parsed config; throws ConfigProblem naming the first bad key. */
export function validateConfigShape(raw: unknown): ConfigFile {
  if (!isObject(raw)) throw new ConfigProblem("(top level)", "expected an object");
  unknownKeys(raw, TOP_KEYS, "");
  if (raw.$schema !== undefined && typeof raw.$schema !== "string") throw new ConfigProblem("$schema", "expected a string");
  if (raw.rules !== undefined && !Array.isArray(raw.rules)) throw new ConfigProblem("rules", "expected an array of rules");
  stringList(raw.disabledRules, "disabledRules");
  if (raw.entropy !== undefined) {
    if (!isObject(raw.entropy)) throw new ConfigProblem("entropy", "expected an object of rule id -> bits per character");
    for (const [id, v] of Object.entries(raw.entropy)) {
      if (typeof v !== "number" || !(v >= 0 && v <= 8)) throw new ConfigProblem(`entropy.${id}`, "expected a number from 0 to 8");
    }
  }
  if (raw.allowlist !== undefined) {
    if (!isObject(raw.allowlist)) throw new ConfigProblem("allowlist", "expected an object");
    unknownKeys(raw.allowlist, ALLOWLIST_KEYS, "allowlist.");
    stringList(raw.allowlist.paths, "allowlist.paths");
    stringList(raw.allowlist.stopwords, "allowlist.stopwords");
    stringList(raw.allowlist.regexes, "allowlist.regexes").forEach((r, i) => checkRegex(r, `allowlist.regexes[${i}]`));
  }
  return raw as ConfigFile;
}

/** Throws ConfigProblem when `source` is not a valid JavaScript regex. */
export function checkRegex(source: string, key: string): void {
  try {
    new RegExp(source);
  } catch (err) {
    throw new ConfigProblem(key, `not a valid regex (${(err as Error).message})`);
  }
}

function unknownKeys(obj: Record<string, unknown>, allowed: string[], prefix: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new ConfigProblem(`${prefix}${k}`, `unknown key (expected one of ${allowed.join(", ")})`);
  }
}

function stringList(v: unknown, key: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigProblem(key, "expected an array of strings");
  v.forEach((s, i) => {
    if (typeof s !== "string" || s === "") throw new ConfigProblem(`${key}[${i}]`, "expected a non-empty string");
  });
  return v as string[];
}

/** A plain JSON object. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
