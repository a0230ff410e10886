import { lstatSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Finding, ScanStats } from "../engine/types.js";
import { findRepoRoot, git } from "../sources/git.js";
import { listWorktreeFiles } from "../sources/list-worktree-files.js";
import { scanFiles, type FilesResult } from "./scan-files.js";
import type { WorktreeJob } from "./worktree-worker.js";
import { UsageError } from "./errors.js";
import { finishScan } from "./finish-scan.js";
import { flag, parseIntOption, parseSize, stringOption, type ParsedArgs } from "./parse-args.js";
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
  // A directory scan starts its other threads first: they boot while this one lists files and reads the rules.
  const threads = scanThreads(args);
  const early = threads.count > 1 && args.positionals.every((p) => isDir(resolve(p))) ? startWorkers(threads.count - 1) : [];
  try {
    const { root, inRepo, paths } = resolveScanPaths(args);
    // git lists the files while this thread compiles the rules.
    const listed = listForScan(args, { root, inRepo, paths }, early, threads);
    listed.catch(() => undefined); // awaited below, unless the setup fails first
    const setup = prepareScan(args, root);
    const collected = await collectWorktreeFindings(args, setup, { inRepo, paths, listing: await listed });
    return finishScan(args, setup, "worktree", collected.findings, collected.stats, inRepo);
  } catch (err) {
    await Promise.all(early.map((w) => w.stop())); // a worker still booting or scanning would keep the process from exiting after the error
    throw err;
  }
}

/**
 * How many threads read and scan files: `--jobs N`, else one per core up to four, but a single
 * thread on one or two cores. There, measured on a 30 MB tree, a second scanning thread made the
 * scan no faster and cost 40% more CPU: it took the core that V8's optimizing compiler and garbage
 * collector use, and the memory bandwidth that reading and decoding share.
 */
function scanThreads(args: ParsedArgs): { count: number; explicit: boolean } {
  const text = stringOption(args, "jobs");
  if (text !== undefined) return { count: parseIntOption(text, "jobs", 1, 64), explicit: true };
  const cores = availableParallelism();
  return { count: cores <= 2 ? 1 : Math.min(cores, 4), explicit: false };
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

/** The files to scan, and the worker threads already starting when there are enough of them. */
export interface Listing {
  files: string[];
  maxFileSize: number;
  /** [next file index, then one flag per worker: it started claiming files]. */
  counters: Int32Array;
  workers: WorktreeWorker[];
}

/** A scanning thread besides the main one: booting as soon as it is created, working once assigned a job. */
interface WorktreeWorker {
  assign: (job: WorktreeJob) => void;
  result: Promise<FilesResult>;
  stop: () => Promise<unknown>;
  ref: () => void;
}

/** Lists the files and, when there are enough of them, shares them out with worker threads (started here unless `early`). */
export async function listForScan(
  args: ParsedArgs,
  { root, inRepo, paths }: { root: string; inRepo: boolean; paths: string[] },
  early: WorktreeWorker[] = [],
  threads = scanThreads(args),
): Promise<Listing> {
  const maxFileSize = parseSize(stringOption(args, "max-file-size") ?? String(DEFAULT_MAX_FILE_SIZE), "max-file-size");
  const files = await listWorktreeFiles({ root, inRepo, paths });
  // Below WORKER_MIN_FILES more threads cost more to start than they save (unless --jobs asks for them).
  const wanted = threads.explicit || files.length >= WORKER_MIN_FILES ? Math.min(threads.count - 1, files.length) : 0;
  for (const extra of early.slice(wanted)) void extra.stop();
  const workers = [...early.slice(0, wanted), ...startWorkers(wanted - Math.min(early.length, wanted))];
  const shared = new SharedArrayBuffer(4 * (1 + workers.length));
  const job = { root, configPath: stringOption(args, "config"), files, maxFileSize, inlineAllow: !flag(args, "no-inline-allow"), shared };
  workers.forEach((w, i) => w.assign({ ...job, slot: i + 1 }));
  return { files, maxFileSize, counters: new Int32Array(shared), workers };
}

/** Scans the work-tree files under `paths` (all of root when empty); findings keep suppressed ones marked. */
export async function collectWorktreeFindings(
  args: ParsedArgs,
  setup: ScanSetup,
  { inRepo, paths, listing }: { inRepo: boolean; paths: string[]; listing?: Listing },
): Promise<Collected> {
  const started = Date.now();
  const root = setup.root;
  const { files, maxFileSize, counters, workers } = listing ?? (await listForScan(args, { root, inRepo, paths }));
  const mine = scanFiles({ root, files, rules: setup.rules, config: setup.config, maxFileSize, inlineAllow: setup.inlineAllow, claim: () => Atomics.add(counters, 0, 1) });
  const parts = [mine];
  for (const [i, worker] of workers.entries()) {
    // Once every file is claimed, a worker that never started claiming holds none: don't wait for it.
    if (Atomics.load(counters, i + 1) === 1) {
      worker.ref();
      parts.push(await worker.result);
    }
  }
  await Promise.all(workers.map((w) => w.stop()));
  const notices = new Notices(args);
  notices.tooLarge = parts.flatMap((p) => p.tooLarge).sort();
  notices.unreadable = parts.flatMap((p) => p.unreadable).sort();
  notices.flush(maxFileSize);
  const stats: ScanStats = { files: 0, bytes: 0, commits: 0, durationMs: Date.now() - started };
  for (const p of parts) {
    stats.files += p.stats.files;
    stats.bytes += p.stats.bytes;
  }
  return { findings: parts.flatMap((p) => p.findings), stats, inRepo };
}

/** Below this many files another thread costs more to start than it saves. */
const WORKER_MIN_FILES = 200;

function startWorkers(count: number): WorktreeWorker[] {
  return Array.from({ length: Math.max(0, count) }, startWorker);
}

function startWorker(): WorktreeWorker {
  const w = new Worker(new URL("./worktree-worker.js", import.meta.url));
  // Unreferenced until its result is awaited: a config error in this thread must not wait for it.
  w.unref();
  const result = new Promise<FilesResult>((resolve, reject) => {
    w.once("message", resolve);
    w.once("error", reject);
  });
  result.catch(() => undefined);
  return { assign: (job) => w.postMessage(job), result, stop: () => w.terminate(), ref: () => w.ref() };
}

/** Repository root when the scanned paths are in a repository, else the directory scanned. */
function scanRoot(cwd: string, paths: string[]): { root: string; inRepo: boolean } {
  const anchor = paths.length > 0 ? (isDir(paths[0]!) ? paths[0]! : dirname(paths[0]!)) : cwd;
  const repo = findRepoRoot(anchor);
  if (repo && paths.every((p) => isInside(repo, p))) return { root: repo, inRepo: true };
  if (!repo && paths.length === 0 && git(["rev-parse", "--is-bare-repository"], cwd, { allowFail: true }).trim() === "true") {
    throw new UsageError(`${cwd}: a bare repository has no working tree to scan (use --history)`);
  }
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
