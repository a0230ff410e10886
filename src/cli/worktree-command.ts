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
import { prepareScan } from "./scan-setup.js";
import { Notices } from "./notices.js";

const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** `scan-secrets [PATH...]`: the files of the working tree. */
export async function runWorktreeScan(args: ParsedArgs): Promise<number> {
  const started = Date.now();
  const cwd = process.cwd();
  const paths = args.positionals.map((p) => resolve(cwd, p));
  for (const p of paths) {
    try {
      lstatSync(p);
    } catch (err) {
      throw new UsageError(`${p}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (err as Error).message}`);
    }
  }
  const { root, inRepo } = scanRoot(cwd, paths);
  const maxFileSize = parseSize(stringOption(args, "max-file-size") ?? String(DEFAULT_MAX_FILE_SIZE), "max-file-size");
  const setup = prepareScan(args, root);
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
  return finishScan(args, setup, "worktree", findings, stats, inRepo);
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
