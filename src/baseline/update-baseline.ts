/** Pure baseline update: old baseline + current findings -> new baseline + what changed. */
import type { Finding } from "../engine/types.js";
import { makeEntry, type BaselineEntry, type BaselineFile } from "./baseline-file.js";
import { entryKey, secretHash } from "./secret-hash.js";

/** What an update did, for the message printed to the user. */
export interface BaselineChanges {
  added: BaselineEntry[];
  removed: BaselineEntry[];
  /** Entries kept as they were (found again, or out of the update's scope, or --keep-missing). */
  kept: BaselineEntry[];
}

export interface UpdateOptions {
  previous: BaselineFile;
  /** Findings to baseline (already filtered: no inline-allowed or allowlisted ones). */
  findings: readonly Finding[];
  /** Entries this scan could have found; entries outside it are kept even when not found. */
  inScope?: (entry: BaselineEntry) => boolean;
  /** Keep entries that were not found again. */
  keepMissing?: boolean;
}

/** Adds new findings as `unaudited`, keeps audit decisions, drops entries no longer found. */
export function updateBaseline({ previous, findings, inScope = () => true, keepMissing = false }: UpdateOptions): {
  baseline: BaselineFile;
  changes: BaselineChanges;
} {
  const found = earliestByKey(previous.salt, findings);
  const changes: BaselineChanges = { added: [], removed: [], kept: [] };
  const entries: BaselineEntry[] = [];
  const old = new Set<string>();
  for (const entry of previous.entries) {
    const key = entryKey(entry.ruleId, entry.file, entry.hash);
    old.add(key);
    const finding = found.get(key);
    if (!finding && inScope(entry) && !keepMissing) {
      changes.removed.push(entry);
      continue;
    }
    // A history scan may tell where a secret first seen in the work tree was committed.
    const commit = entry.firstSeen.commit ?? finding?.commit;
    const kept = makeEntry({ ...entry, firstSeen: { file: entry.firstSeen.file, commit } });
    entries.push(kept);
    changes.kept.push(kept);
  }
  for (const [key, f] of found) {
    if (old.has(key)) continue;
    const entry = makeEntry({
      ruleId: f.ruleId,
      file: f.file,
      hash: secretHash(previous.salt, f.secret),
      firstSeen: { file: f.file, commit: f.commit },
      state: "unaudited",
    });
    entries.push(entry);
    changes.added.push(entry);
  }
  return { baseline: { version: 1, salt: previous.salt, entries }, changes };
}

/** One finding per identity; for history findings the earliest commit, chosen deterministically. */
function earliestByKey(salt: string, findings: readonly Finding[]): Map<string, Finding> {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = entryKey(f.ruleId, f.file, secretHash(salt, f.secret));
    const prev = byKey.get(key);
    if (!prev || earlier(f, prev)) byKey.set(key, f);
  }
  return byKey;
}

function earlier(a: Finding, b: Finding): boolean {
  if (!a.commit) return false;
  if (!b.commit) return true;
  const da = a.date ?? "";
  const db = b.date ?? "";
  return da !== db ? da < db : a.commit < b.commit;
}
