import type { CompiledRules } from "../engine/compile-rules.js";
import { mergeAdditions } from "../sources/merge-additions.js";
import { scanCommitBatch, scanCommitFragment, type CommitBatchResult } from "../sources/scan-commits.js";

/** Merge-commit blobs larger than this are not compared line by line. */
const MAX_BLOB_BYTES = 10 * 1024 * 1024;
const decoder = new TextDecoder();

/** What scanning a batch needs: on a worker thread or in the main thread alike. */
export interface HistoryBatchContext {
  gitDir: string;
  rules: CompiledRules;
  inlineAllow: boolean;
  /** Root-relative path predicate: true = skip the file (path allowlist). */
  skipPath: (path: string) => boolean;
}

/**
 * Scans one batch of `git log -p` output: the added lines of each commit, then what the batch's
 * merge commits add on their own (merge-additions.ts). Done per batch, the merge pass runs while
 * git is still producing the rest of the log instead of after it.
 */
export function scanHistoryBatch(ctx: HistoryBatchContext, bytes: Uint8Array): CommitBatchResult {
  const options = { inlineAllow: ctx.inlineAllow, skipPath: ctx.skipPath };
  const result = scanCommitBatch(ctx.rules, decoder.decode(bytes), options);
  result.bytes = bytes.length;
  for (const { merge, fragment } of mergeAdditions(ctx.gitDir, result.merges, MAX_BLOB_BYTES)) {
    if (!ctx.skipPath(fragment.path)) result.findings.push(...scanCommitFragment(ctx.rules, fragment, merge, options));
  }
  return result;
}
