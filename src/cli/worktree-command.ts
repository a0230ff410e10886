import { lstatSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { scanFragment } from "../engine/index.js";
import type { Finding, ScanStats } from "../engine/types.js";
import { isPathAllowlisted } from "../baseline/index.js";
import { findRepoRoot } from "../sources/git.js";
import { listWorktreeFiles } from "../sources/list-worktree-files.js";
import { readTextFile, type SkipReason } from "../sources/read-file.js";
import { UsageError } from "./errors.js";
import { finishScan } from "./finish-scan.js";
import { parseSize, stringOption, type ParsedArgs } from "./parse-args.js";
import { prepareScan, type ScanSetup } from "./scan-setup.js";
import { Notices } from "./notices.js";

const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** What a source hands to finishScan. */
export interface Collected {
  findings: Finding[];
  stats: ScanStats;
  inRepo: boolean;
}

/** `scan-secrets [PATH...]`: the files of the working tree. */
export async function runWorktreeScan(args: ParsedArgs): Promise<number> {
  const { root, inRepo, paths } = resolveScanPaths(args);
  const setup = prepareScan(args, root);
  const collected = await collectWorktreeFindings(args, setup, { inRepo, paths });
  return finishScan(args, setup, "worktree", collected.findings, collected.stats, inRepo);
}

/** The scan root for the command's PATH arguments (missing paths are a UsageError). */
export function resolveScanPaths(args: ParsedArgs, from = 0): { root: string; inRepo: boolean; paths: string[] } {
  const cwd = process.cwd();
  const paths = args.positionals.slice(from).map((p) => resolve(cwd, p));
  for (const p of paths) {
    try {
      lstatSync(p);
    } catch (err) {
      throw new UsageError(`${p}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (err as Error).message}`);
    }
  }
  return { ...scanRoot(cwd, paths), paths };
}

/** Scans the work-tree files under `paths` (all of root when empty); findings keep suppressed ones marked. */
export async function collectWorktreeFindings(
  args: ParsedArgs,
  setup: ScanSetup,
  { inRepo, paths }: { inRepo: boolean; paths: string[] },
): Promise<Collected> {
  const started = Date.now();
  const root = setup.root;
  const maxFileSize = parseSize(stringOption(args, "max-file-size") ?? String(DEFAULT_MAX_FILE_SIZE), "max-file-size");
  const files = await listWorktreeFiles({ root, inRepo, paths });
  const notices = new Notices(args);
  const stats: ScanStats = { files: 0, bytes: 0, commits: 0, durationMs: 0 };
  const findings: Finding[] = [];
  for (const rel of files) {
    if (isPathAllowlisted(setup.config, rel)) continue;
    const r = readTextFile(join(root, rel), maxFileSize);
    if ("skipped" in r) {
      noteSkip(notices, rel, r.skipped, r.detail);
      continue;
    }
    stats.files++;
    stats.bytes += r.bytes;
    findings.push(...scanFragment(setup.rules, { path: rel, text: r.text }, { keepSuppressed: true, inlineAllow: setup.inlineAllow }));
  }
  notices.flush(maxFileSize);
  stats.durationMs = Date.now() - started;
  return { findings, stats, inRepo };
}

/** Repository root when the scanned paths are in a repository, else the directory scanned. */
function scanRoot(cwd: string, paths: string[]): { root: string; inRepo: boolean } {
  const anchor = paths.length > 0 ? (isDir(paths[0]!) ? paths[0]! : dirname(paths[0]!)) : cwd;
  const repo = findRepoRoot(anchor);
  if (repo && paths.every((p) => isInside(repo, p))) return { root: repo, inRepo: true };
  if (paths.length === 1) return { root: anchor, inRepo: false };
  return { root: cwd, inRepo: false };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isInside(dir: string, p: string): boolean {
  const d = resolve(dir);
  const x = resolve(p);
  return x === d || x.startsWith(d.endsWith("/") ? d : `${d}/`);
}

function noteSkip(notices: Notices, rel: string, reason: SkipReason, detail?: string): void {
  if (reason === "too-large") notices.tooLarge.push(rel);
  else if (reason === "unreadable") notices.unreadable.push(`${rel} (${detail ?? "error"})`);
}
