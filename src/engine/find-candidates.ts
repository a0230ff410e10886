import type { CompiledRules } from "./compile-rules.js";
import { findKeywords } from "./keyword-matcher.js";

/** Lines longer than this are searched in windows around keyword hits rather than whole. */
const LONG_LINE = 4096;

/** A span of the text one rule's regex must search: [start, end). */
export interface Window {
  rule: number;
  start: number;
  end: number;
  /** start is not a line start (or text start): matches touching it may be cut-off words. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The prefilter: one pass of the keyword automaton, then for every rule whose keyword occurred,
 * the merged windows its regex must search (the hit's line, or a bounded span of a long line).
 * Work stays linear in the text: each window is bounded and overlapping windows are merged.
 */
export function findCandidateWindows(set: CompiledRules, text: string): Window[] {
  const pending = new Map<number, Window>();
  const done: Window[] = [];
  let lineStart = 0;
  let lineEnd = -1;
  const hits = findKeywords(set.matcher, text);
  for (let h = 0; h < hits.length; h += 2) {
    const end = hits[h]!;
    const kw = hits[h + 1]!;
    if (end > lineEnd) {
      lineStart = text.lastIndexOf("\n", end - 1) + 1;
      const nl = text.indexOf("\n", end);
      lineEnd = nl < 0 ? text.length : nl;
    }
    for (const r of set.keywordRules[kw]!) {
      const rule = set.rules[r]!;
      let start: number;
      let stop: number;
      if (rule.multiline) {
        start = Math.max(0, end - rule.maxLength);
        stop = Math.min(text.length, end + rule.maxLength);
      } else if (lineEnd - lineStart <= LONG_LINE) {
        start = lineStart;
        stop = lineEnd;
      } else {
        start = Math.max(lineStart, end - rule.maxLength);
        stop = Math.min(lineEnd, end + rule.maxLength);
      }
      const prev = pending.get(r);
      if (prev && start <= prev.end) {
        if (stop > prev.end) {
          prev.end = stop;
          prev.cutEnd = isCut(text, stop);
        }
        continue;
      }
      if (prev) done.push(prev);
      pending.set(r, { rule: r, start, end: stop, cutStart: isCutStart(text, start), cutEnd: isCut(text, stop) });
    }
  }
  for (const w of pending.values()) done.push(w);
  return done;
}

function isCutStart(text: string, start: number): boolean {
  return start > 0 && text.charCodeAt(start - 1) !== 10;
}

function isCut(text: string, end: number): boolean {
  return end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13;
}
