import { join } from "node:path";
import { scanFragment, type CompiledRules } from "../engine/index.js";
import type { Finding, ScanStats } from "../engine/types.js";
import { isPathAllowlisted, type ScanConfig } from "../baseline/scan.js";
import { readTextFile } from "../sources/read-file.js";

/** What one thread found in the files it claimed. */
export interface FilesResult {
  findings: Finding[];
  stats: ScanStats;
  tooLarge: string[];
  unreadable: string[];
}

export interface ScanFilesOptions {
  root: string;
  files: readonly string[];
  rules: CompiledRules;
  config: ScanConfig;
  maxFileSize: number;
  inlineAllow: boolean;
  /** Returns the next file index to scan (shared between threads), or >= files.length when done. */
  claim: () => number;
}

/** Reads and scans files until claim() runs out: the loop the main thread and workers share. */
export function scanFiles({ root, files, rules, config, maxFileSize, inlineAllow, claim }: ScanFilesOptions): FilesResult {
  const out: FilesResult = { findings: [], stats: { files: 0, bytes: 0, commits: 0, durationMs: 0 }, tooLarge: [], unreadable: [] };
  for (let i = claim(); i < files.length; i = claim()) {
    const rel = files[i]!;
    if (isPathAllowlisted(config, rel)) continue;
    const r = readTextFile(join(root, rel), maxFileSize);
    if ("skipped" in r) {
      if (r.skipped === "too-large") out.tooLarge.push(rel);
      else if (r.skipped === "unreadable") out.unreadable.push(`${rel} (${r.detail ?? "error"})`);
      continue;
    }
    out.stats.files++;
    out.stats.bytes += r.bytes;
    for (const f of scanFragment(rules, { path: rel, text: r.text, utf8Bytes: r.utf8Bytes }, { keepSuppressed: true, inlineAllow })) out.findings.push(f);
  }
  return out;
}
