import type { CompiledRules } from "../engine/compile-rules.js";
import { scanCommitBatch, type CommitBatchResult } from "../sources/scan-commits.js";

const decoder = new TextDecoder();

/** What scanning a batch needs: on a worker thread or in the main thread alike. */
export interface HistoryBatchContext {
  rules: CompiledRules;
  inlineAllow: boolean;
  /** Root-relative path predicate: true = skip the file (path allowlist). */
  skipPath: (path: string) => boolean;
}

/** Scans one batch of `git log -p` output (whole commits); `bytes` counts bytes, not characters. */
export function scanHistoryBatch(ctx: HistoryBatchContext, bytes: Uint8Array): CommitBatchResult {
  const result = scanCommitBatch(ctx.rules, decoder.decode(bytes), { inlineAllow: ctx.inlineAllow, skipPath: ctx.skipPath });
  result.bytes = bytes.length;
  return result;
}
