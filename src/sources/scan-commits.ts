import type { CompiledRules } from "../engine/compile-rules.js";
import { scanFragment } from "../engine/scan-fragment.js";
import type { Finding, Fragment } from "../engine/types.js";
import { parseCommitHeader, type CommitInfo } from "./history-log.js";
import { parseDiff } from "./parse-diff.js";

/** Findings of a batch of commits, with what was scanned. */
export interface CommitBatchResult {
  findings: Finding[];
  commits: number;
  bytes: number;
  /** Commit shas in stream order (for caches), with their committer times. */
  shas: string[];
  times: number[];
}

export interface CommitScanOptions {
  inlineAllow: boolean;
  /** Root-relative path predicate: true = skip the file. */
  skipPath?: (path: string) => boolean;
}

/**
 * Scans a text holding one or more commits of `git log -p -U0` output (each starting with the
 * commit mark): the added lines of every file, located in that commit's version of the file.
 */
export function scanCommitBatch(rules: CompiledRules, text: string, options: CommitScanOptions): CommitBatchResult {
  const result: CommitBatchResult = { findings: [], commits: 0, bytes: text.length, shas: [], times: [] };
  let start = text.charCodeAt(0) === 1 ? 0 : text.indexOf("\n\x01");
  while (start >= 0 && start < text.length) {
    if (text.charCodeAt(start) !== 1) start++;
    const next = text.indexOf("\n\x01", start);
    const end = next < 0 ? text.length : next;
    scanOneCommit(rules, text.slice(start + 1, end), options, result);
    start = next < 0 ? -1 : next + 1;
  }
  return result;
}

function scanOneCommit(rules: CompiledRules, chunk: string, options: CommitScanOptions, out: CommitBatchResult): void {
  const nl = chunk.indexOf("\n");
  const info = parseCommitHeader(nl < 0 ? chunk : chunk.slice(0, nl));
  out.commits++;
  out.shas.push(info.sha);
  out.times.push(info.time);
  if (nl < 0) return;
  parseDiff(chunk.slice(nl + 1), (file) => {
    if (options.skipPath?.(file.path)) return;
    const fragment = { path: file.path, text: file.lines.join("\n"), lineMap: file.lineNumbers };
    out.findings.push(...scanCommitFragment(rules, fragment, info, options));
  });
}

/** Scans one fragment of a commit and stamps the findings with the commit's metadata. */
export function scanCommitFragment(rules: CompiledRules, fragment: Fragment, info: CommitInfo, options: CommitScanOptions): Finding[] {
  const found = scanFragment(rules, fragment, { keepSuppressed: true, inlineAllow: options.inlineAllow });
  for (const f of found) {
    f.commit = info.sha;
    f.author = info.author;
    f.email = info.email;
    f.date = info.date;
    f.message = info.subject;
  }
  return found;
}
