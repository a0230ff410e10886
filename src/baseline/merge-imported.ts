/** Pure merge of imported decisions into a baseline: adds what is new, never overrides an audit. */
import { makeEntry, type BaselineEntry, type BaselineFile } from "./baseline-file.js";
import type { ImportDecision } from "./import-result.js";
import { entryKey, secretHash } from "./secret-hash.js";

/** Counts for the import message. */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** New entries take the imported state; existing unaudited entries take an imported decision; audited ones stay. */
export function mergeImported(previous: BaselineFile, decisions: readonly ImportDecision[]): { baseline: BaselineFile; counts: MergeCounts } {
  const byKey = new Map<string, BaselineEntry>(previous.entries.map((e) => [entryKey(e.ruleId, e.file, e.hash), e]));
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const touched = new Set<string>();
  for (const { finding: f, state, note } of decisions) {
    const hash = secretHash(previous.salt, f.secret);
    const key = entryKey(f.ruleId, f.file, hash);
    if (touched.has(key)) continue;
    touched.add(key);
    const old = byKey.get(key);
    if (!old) {
      byKey.set(key, makeEntry({ ruleId: f.ruleId, file: f.file, hash, firstSeen: { file: f.file, commit: f.commit }, state, note }));
      counts.added++;
    } else if (old.state === "unaudited" && state !== "unaudited") {
      byKey.set(key, makeEntry({ ...old, state, note: old.note ?? note }));
      counts.updated++;
    } else counts.unchanged++;
  }
  return { baseline: { version: 1, salt: previous.salt, entries: [...byKey.values()] }, counts };
}
