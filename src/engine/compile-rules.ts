import { createHash } from "node:crypto";
import type { RuleSpec } from "./types.js";
import { buildKeywordMatcher, type KeywordMatcher } from "./keyword-matcher.js";

/** A rule ready to run: regexes compiled, options resolved. */
export interface CompiledRule {
  spec: RuleSpec;
  id: string;
  index: number;
  /** Finds matches ("g"): without "d", so V8's linear-time fallback can take over a runaway search. */
  re: RegExp;
  /** The same regex, sticky with indices ("yd"): run only at a match, to locate the secret group. */
  locate: RegExp;
  secretGroup: number;
  entropy: number;
  maxLength: number;
  multiline: boolean;
  generic: boolean;
  requires: string[];
  pathRe?: RegExp;
  allowRegexes: RegExp[];
  stopwords: string[];
  lineRegexes: RegExp[];
}

/** The whole pack, with the one keyword automaton all rules share. */
export interface CompiledRules {
  rules: CompiledRule[];
  matcher: KeywordMatcher;
  /** keywordRules[keywordId] = indexes into `rules`. */
  keywordRules: number[][];
  /** Indexes of the rules without keywords, which run on every file their path matches. */
  pathRules: number[];
}

/** A rule that cannot be compiled; the message names the rule and the problem. */
export class RuleError extends Error {
  constructor(ruleId: string, problem: string) {
    super(`rule ${JSON.stringify(ruleId)}: ${problem}`);
    this.name = "RuleError";
  }
}

export interface CompileOptions {
  /** Per-rule minimum entropy overrides. */
  entropy?: Record<string, number>;
  /** Rule ids to leave out. */
  disabled?: readonly string[];
}

/** Validates and compiles rule specs; throws RuleError naming the first bad rule. */
export function compileRules(specs: readonly RuleSpec[], options: CompileOptions = {}): CompiledRules {
  const disabled = new Set(options.disabled ?? []);
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  for (const spec of specs) {
    if (!spec || typeof spec.id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(spec.id)) {
      throw new RuleError(String(spec?.id), "id must be kebab-case (a-z, 0-9, -)");
    }
    if (seen.has(spec.id)) throw new RuleError(spec.id, "duplicate id");
    seen.add(spec.id);
    if (disabled.has(spec.id)) continue;
    rules.push(compileRule(spec, rules.length, options.entropy?.[spec.id]));
  }
  const keywords: string[] = [];
  const keywordIds = new Map<string, number>();
  const keywordRules: number[][] = [];
  for (const rule of rules) {
    for (const kw of rule.spec.keywords) {
      let id = keywordIds.get(kw);
      if (id === undefined) {
        id = keywords.length;
        keywords.push(kw);
        keywordIds.set(kw, id);
        keywordRules.push([]);
      }
      if (!keywordRules[id]!.includes(rule.index)) keywordRules[id]!.push(rule.index);
    }
  }
  const pathRules = rules.filter((r) => r.spec.keywords.length === 0).map((r) => r.index);
  return { rules, matcher: buildKeywordMatcher(keywords), keywordRules, pathRules };
}

function compileRule(spec: RuleSpec, index: number, entropyOverride: number | undefined): CompiledRule {
  const { id } = spec;
  if (typeof spec.description !== "string" || !spec.description) throw new RuleError(id, "description is required");
  if (typeof spec.regex !== "string" || !spec.regex) throw new RuleError(id, "regex is required");
  if (!Array.isArray(spec.keywords) || (spec.keywords.length === 0 && !spec.path)) throw new RuleError(id, "keywords must list at least one literal (or the rule needs a path)");
  for (const kw of spec.keywords) {
    if (typeof kw !== "string" || !/^[\x20-\x7e]+$/.test(kw) || kw !== kw.toLowerCase()) {
      throw new RuleError(id, `keyword ${JSON.stringify(kw)} must be non-empty lower-case ASCII`);
    }
  }
  const flags = spec.flags ?? "";
  if (!/^[ims]*$/.test(flags)) throw new RuleError(id, `flags ${JSON.stringify(flags)}: only i, m, s are allowed`);
  const re = regex(id, "regex", spec.regex, `g${flags}`);
  const locate = regex(id, "regex", spec.regex, `yd${flags}`);
  const groups = countGroups(spec.regex);
  const secretGroup = spec.secretGroup ?? (groups > 0 ? 1 : 0);
  if (!Number.isInteger(secretGroup) || secretGroup < 0 || secretGroup > groups) {
    throw new RuleError(id, `secretGroup ${secretGroup} but the regex has ${groups} group(s)`);
  }
  const entropy = entropyOverride ?? spec.entropy ?? 0;
  if (typeof entropy !== "number" || !(entropy >= 0 && entropy <= 8)) throw new RuleError(id, "entropy must be a number from 0 to 8");
  const maxLength = spec.maxLength ?? 512;
  if (!Number.isInteger(maxLength) || maxLength < 8 || maxLength > 65536) throw new RuleError(id, "maxLength must be an integer from 8 to 65536");
  const requires = spec.requires ?? [];
  if (!Array.isArray(requires) || requires.some((r) => typeof r !== "string" || r.length === 0)) throw new RuleError(id, "requires must list non-empty literals");
  const al = spec.allowlist ?? {};
  return {
    spec,
    id,
    index,
    re,
    locate,
    secretGroup,
    entropy,
    maxLength,
    multiline: spec.multiline === true,
    generic: id.startsWith("generic"),
    requires,
    pathRe: spec.path ? regex(id, "path", spec.path, "") : undefined,
    allowRegexes: (al.regexes ?? []).map((r) => regex(id, "allowlist.regexes", r, "")),
    stopwords: (al.stopwords ?? []).map((w) => String(w).toLowerCase()),
    lineRegexes: (al.lineRegexes ?? []).map((r) => regex(id, "allowlist.lineRegexes", r, "")),
  };
}

/** Capturing groups in a regex source: "(" not escaped, not in a class, not "(?:"/lookaround. */
export function countGroups(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(" && (source[i + 1] !== "?" || (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!"))) n++;
  }
  return n;
}

function regex(id: string, field: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new RuleError(id, `${field} is not a valid regex (${(err as Error).message})`);
  }
}

/** Hash of the rule specs, for caches that must be invalidated when the pack changes. */
export function rulePackHash(specs: readonly RuleSpec[]): string {
  return createHash("sha256").update(JSON.stringify(specs)).digest("hex").slice(0, 16);
}
