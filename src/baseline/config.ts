/** Loading `.scan-secrets.json` (or `--config FILE`): parse, validate once, resolve. */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { RuleSpec } from "../engine/types.js";
import { loadRulePack } from "../rules/load-rule-pack.js";
import { UsageError } from "../cli/errors.js";
import { ConfigProblem, validateConfigShape, type ConfigFile } from "./config-schema.js";
import { validateCustomRule } from "./validate-custom-rule.js";

/** Default config file name at the repository root. */
export const DEFAULT_CONFIG = ".scan-secrets.json";

/** The user's .scan-secrets.json, resolved. */
export interface ScanConfig {
  /** Extra rules, same schema as patterns/. */
  rules: RuleSpec[];
  disabledRules: string[];
  /** Per-rule minimum entropy. */
  entropy: Record<string, number>;
  /** Config file path, when one was read. */
  source?: string;
  allowlist: { paths: string[]; regexes: RegExp[]; stopwords: string[] };
  /** Root-relative files never scanned: the config itself (its rule examples are secrets by design). */
  selfPaths: string[];
}

/** Reads the config (default `.scan-secrets.json` at root when present). Throws UsageError when invalid. */
export function loadConfig({ root, path }: { root: string; path?: string }): ScanConfig {
  const abs = resolve(path ?? resolve(root, DEFAULT_CONFIG));
  const shown = displayPath(abs);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && path === undefined) return emptyConfig();
    throw new UsageError(`${shown}: cannot read config (${code === "ENOENT" ? "no such file" : code ?? (err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${shown}: invalid config: not valid JSON (${(err as Error).message})`);
  }
  try {
    return resolveConfig(raw, root, abs, shown);
  } catch (err) {
    if (err instanceof ConfigProblem) throw new UsageError(`${shown}: invalid config: ${err.message}`);
    throw err;
  }
}

/** Validates a parsed config and resolves it; throws ConfigProblem naming the key. */
export function resolveConfig(raw: unknown, root: string, abs?: string, shown?: string): ScanConfig {
  const file: ConfigFile = validateConfigShape(raw);
  const rules = (file.rules ?? []).map((r, i) => validateCustomRule(r, i));
  checkRuleIds(file, rules);
  const rel = abs ? relative(root, abs).split("\\").join("/") : undefined;
  return {
    rules,
    disabledRules: file.disabledRules ?? [],
    entropy: file.entropy ?? {},
    source: shown,
    allowlist: {
      paths: file.allowlist?.paths ?? [],
      regexes: (file.allowlist?.regexes ?? []).map((r) => new RegExp(r)),
      stopwords: (file.allowlist?.stopwords ?? []).map((w) => w.toLowerCase()),
    },
    selfPaths: rel && !rel.startsWith("..") && !isAbsolute(rel) ? [rel] : [],
  };
}

/** disabledRules and entropy must name rules that exist: a typo would silently do nothing. */
function checkRuleIds(file: ConfigFile, custom: RuleSpec[]): void {
  let pack: RuleSpec[];
  try {
    pack = loadRulePack();
  } catch {
    return; // the scan itself reports a broken rule pack
  }
  const known = new Set([...pack, ...custom].map((r) => r.id));
  (file.disabledRules ?? []).forEach((id, i) => {
    if (!known.has(id)) throw new ConfigProblem(`disabledRules[${i}]`, `unknown rule ${JSON.stringify(id)}`);
  });
  for (const id of Object.keys(file.entropy ?? {})) {
    if (!known.has(id)) throw new ConfigProblem(`entropy.${id}`, `unknown rule ${JSON.stringify(id)}`);
  }
}

function emptyConfig(): ScanConfig {
  return { rules: [], disabledRules: [], entropy: {}, allowlist: { paths: [], regexes: [], stopwords: [] }, selfPaths: [] };
}

/** A path as the user would type it: relative to the current directory when inside it. */
export function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : abs;
}
