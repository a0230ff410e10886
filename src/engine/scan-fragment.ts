import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import type { Confidence, Finding, Fragment, SuppressedBy } from "./types.js";
import { findCandidateWindows, type Window } from "./find-candidates.js";
import { shannonEntropy } from "./entropy.js";
import { isPlaceholder } from "./placeholder.js";
import { isUnlikelyGenericSecret } from "./generic-value.js";
import { validateSecret } from "./validators.js";
import { hasInlineAllow } from "./inline-allow.js";
import { LineIndex } from "./line-index.js";
import { fingerprintOf } from "./fingerprint.js";
import { findEncodedValues } from "./encoded-values.js";

export interface ScanOptions {
  /** Keep findings suppressed by inline allow comments, marked with `suppressedBy`. */
  keepSuppressed?: boolean;
  /** Honour inline allow comments (default true; CI can forbid them). */
  inlineAllow?: boolean;
}

/** A regex match that passed the rule's own filters, before locating. */
interface Candidate {
  rule: CompiledRule;
  /** Offsets in the fragment text. */
  start: number;
  end: number;
  /** Decoded when the fragment holds UTF-8 bytes. */
  secret: string;
  entropy: number;
  confidence: Confidence;
  suppressedBy?: SuppressedBy;
}

/** Finds the secrets in one fragment of text, including base64-encoded Secret values. Pure: no I/O, no globals. */
export function scanFragment(set: CompiledRules, fragment: Fragment, options: ScanOptions = {}): Finding[] {
  const findings = scanPlain(set, fragment, options);
  const encoded = findEncodedValues(fragment.text);
  if (encoded.length === 0) return findings;
  const lines = new LineIndex(fragment.text, fragment.utf8Bytes);
  for (const value of encoded) {
    const at = lines.locate(value.start);
    const line = fragment.lineMap ? fragment.lineMap[at.line - 1] ?? at.line : at.line;
    // value.text is decoded from base64 into an ordinary string, whatever the fragment's own form.
    for (const f of scanPlain(set, { path: fragment.path, text: value.text }, options)) {
      findings.push({ ...f, line, column: at.column, endLine: line, endColumn: at.column, encoding: "base64" });
    }
  }
  return findings;
}

/** The rules over the text as it is. */
function scanPlain(set: CompiledRules, fragment: Fragment, options: ScanOptions): Finding[] {
  const { text } = fragment;
  if (text.length === 0 || set.rules.length === 0) return [];
  const lines = new LineIndex(text, fragment.utf8Bytes);
  const candidates: Candidate[] = [];
  const utf8Bytes = fragment.utf8Bytes === true;
  for (const w of findCandidateWindows(set, text)) {
    const rule = set.rules[w.rule]!;
    if (rule.pathRe && !rule.pathRe.test(fragment.path)) continue;
    matchWindow(rule, text, w, lines, options, candidates, utf8Bytes);
  }
  for (const r of set.pathRules) {
    const rule = set.rules[r]!;
    if (rule.pathRe!.test(fragment.path)) matchWindow(rule, text, { rule: r, start: 0, end: text.length, cutStart: false, cutEnd: false }, lines, options, candidates, utf8Bytes);
  }
  if (candidates.length === 0) return [];
  return resolveOverlaps(candidates)
    .filter((c) => options.keepSuppressed || !c.suppressedBy)
    .map((c) => toFinding(c, fragment, lines));
}

function matchWindow(rule: CompiledRule, text: string, w: Window, lines: LineIndex, options: ScanOptions, out: Candidate[], utf8Bytes: boolean): void {
  const sub = w.start === 0 && w.end === text.length ? text : text.slice(w.start, w.end);
  for (const literal of rule.requires) if (!sub.includes(literal)) return;
  const re = rule.re;
  re.lastIndex = 0;
  for (let m = re.exec(sub); m; m = re.exec(sub)) {
    if (m[0].length === 0) re.lastIndex++;
    const secret = m[rule.secretGroup];
    if (!secret) continue;
    if (w.cutStart && m.index === 0 && isWordChar(text, w.start - 1)) continue;
    if (w.cutEnd && m.index + m[0].length === sub.length && isWordChar(text, w.end)) continue;
    const offset = secretOffset(rule, sub, m);
    if (offset < 0) continue;
    const start = w.start + offset;
    const candidate = judge(rule, secret, start, lines, options, utf8Bytes);
    if (candidate) out.push(candidate);
  }
}

/** Where the secret group starts in `sub`: re-runs the sticky "d" copy at the match (matches are rare). */
function secretOffset(rule: CompiledRule, sub: string, m: RegExpExecArray): number {
  if (rule.secretGroup === 0) return m.index;
  rule.locate.lastIndex = m.index;
  const span = rule.locate.exec(sub)?.indices?.[rule.secretGroup];
  return span ? span[0] : -1;
}

/**
 * The rule's filters, cheapest first; undefined drops the match. In a fragment of UTF-8 bytes they
 * judge the decoded secret and line, as in a decoded fragment.
 */
function judge(rule: CompiledRule, match: string, start: number, lines: LineIndex, options: ScanOptions, utf8Bytes: boolean): Candidate | undefined {
  const secret = utf8Bytes ? decodeUtf8Bytes(match) : match;
  const entropy = shannonEntropy(secret);
  if (entropy < rule.entropy) return undefined;
  if (!rule.spec.noPlaceholderFilter && isPlaceholder(secret)) return undefined;
  if (rule.allowRegexes.some((r) => r.test(secret))) return undefined;
  if (rule.stopwords.length > 0) {
    const lower = secret.toLowerCase();
    if (rule.stopwords.some((w) => lower.includes(w))) return undefined;
  }
  const line = utf8Bytes ? decodeUtf8Bytes(lines.lineAt(start)) : lines.lineAt(start);
  if (rule.generic && isUnlikelyGenericSecret(secret, line)) return undefined;
  if (rule.lineRegexes.some((r) => r.test(line))) return undefined;
  let confidence: Confidence = rule.generic ? (entropy >= 4 ? "medium" : "low") : "medium";
  if (rule.spec.validate) {
    const verdict = validateSecret(rule.spec.validate, secret);
    if (verdict === "reject") return undefined;
    confidence = verdict;
  }
  const inline = options.inlineAllow !== false && hasInlineAllow(line);
  return { rule, start, end: start + match.length, secret, entropy, confidence, suppressedBy: inline ? "inline" : undefined };
}

/** Where two rules matched overlapping text, keep the specific rule over a generic one, then the longer. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.rule.index - b.rule.index);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    if (better(c, last)) kept[kept.length - 1] = c;
  }
  return kept;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.rule.generic !== b.rule.generic) return !a.rule.generic;
  return a.end - a.start > b.end - b.start;
}

function toFinding(c: Candidate, fragment: Fragment, lines: LineIndex): Finding {
  const from = lines.locate(c.start);
  const to = lines.locate(c.end);
  const map = fragment.lineMap;
  const line = map ? map[from.line - 1] ?? from.line : from.line;
  const endLine = map ? map[to.line - 1] ?? to.line : to.line;
  const spec = c.rule.spec;
  return {
    ruleId: c.rule.id,
    description: spec.description,
    file: fragment.path,
    line,
    column: from.column,
    endLine,
    endColumn: to.column,
    secret: c.secret,
    entropy: Math.round(c.entropy * 100) / 100,
    confidence: c.confidence,
    severity: spec.severity ?? (c.rule.generic ? "medium" : "high"),
    fingerprint: fingerprintOf(c.rule.id, fragment.path, c.secret),
    ...(c.suppressedBy ? { suppressedBy: c.suppressedBy } : {}),
  };
}

/** The string that UTF-8 bytes held one per character decode to (invalid sequences as U+FFFD). */
function decodeUtf8Bytes(bytes: string): string {
  if (!/[^\x00-\x7f]/.test(bytes)) return bytes;
  const raw = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) raw[i] = bytes.charCodeAt(i);
  return new TextDecoder().decode(raw);
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
