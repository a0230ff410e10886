import { availableParallelism } from "node:os";
import { createHash } from "node:crypto";
import { rulePackHash } from "../engine/compile-rules.js";
import type { Finding, ScanStats } from "../engine/types.js";
import { isPathAllowlisted } from "../baseline/scan.js";
import { CommitSplitter, spawnHistoryLog, type LogSelection } from "../sources/history-log.js";
import { gitFailure } from "../sources/git.js";
import { countReachable, listCommits, openRepository, type RepositoryInfo } from "../sources/repository.js";
import { scanCommitFragment, type CommitBatchResult } from "../sources/scan-commits.js";
import { listMergeCommits, mergeAdditions } from "../sources/merge-additions.js";
import { UsageError } from "./errors.js";
import { finishScan } from "./finish-scan.js";
import { scanHistoryBatch } from "./history-batch.js";
import { createWorkerPool, type BatchScanner } from "./history-pool.js";
import { readHistoryCache, writeHistoryCache } from "./history-cache.js";
import { flag, listOption, parseIntOption, stringOption, type ParsedArgs } from "./parse-args.js";
import { prepareScan, type ScanSetup } from "./scan-setup.js";
import { Notices } from "./notices.js";
import { Progress } from "./progress.js";
import type { Collected } from "./worktree-command.js";

/** Bytes of patch text handed to a worker at a time. */
const BATCH_BYTES = 1 << 20;
/**
 * Patch bytes queued for the scanners before git is paused: bounds memory, and is large enough
 * that git keeps running while the workers start up (compiling the rules takes a while).
 */
const MAX_QUEUED_BYTES = 32 << 20;
/** Merge-commit blobs larger than this are not compared line by line. */
const MAX_BLOB_BYTES = 10 * 1024 * 1024;

/** `scan-secrets --history`: every commit reachable from any ref (or the selected ones). */
export async function runHistoryScan(args: ParsedArgs): Promise<number> {
  const repo = openRepository(process.cwd());
  const setup = prepareScan(args, repo.root);
  const collected = await collectHistoryFindings(args, setup, repo);
  return finishScan(args, setup, "history", collected.findings, collected.stats, !repo.bare);
}

/** Scans the selected history; each secret is reported once, at the commit that introduced it. */
export async function collectHistoryFindings(args: ParsedArgs, setup: ScanSetup, repo = openRepository(process.cwd())): Promise<Collected> {
  const started = Date.now();
  const notices = new Notices(args);
  if (repo.shallow) {
    notices.say("warning: this is a shallow clone, so older history is NOT scanned; run `git fetch --unshallow` (in GitHub Actions: actions/checkout with fetch-depth: 0)");
  }
  const plan = planSelection(args, setup, repo);
  const stats: ScanStats = { files: 0, bytes: 0, commits: 0, durationMs: 0 };
  // Only what the report and the cache need is kept, so memory does not grow with the history.
  const findings: Finding[] = [];
  /** Committer time of each commit with a finding: orders the occurrences of a secret. */
  const times = new Map<string, number>();
  const scanned: string[] = [];
  // What merge commits add themselves is found alongside the log stream, by separate git processes.
  const mergePass = plan.toScan > 0 ? mergeFindings(repo.gitDir, plan.selection, setup) : Promise.resolve([]);
  mergePass.catch(() => undefined); // awaited below; a failure of the stream must not leave it unhandled
  if (plan.toScan > 0) {
    const progress = new Progress(args, plan.toScan);
    if (plan.toScan === UNKNOWN) void plan.reachable.then((n) => (progress.total = n));
    const scanner = createScanner(args, setup, plan.toScan);
    try {
      await streamLog(repo, plan.selection, scanner, (r) => {
        stats.commits += r.commits;
        stats.bytes += r.bytes;
        if (plan.cachePath) for (const sha of r.shas) scanned.push(sha);
        for (const f of r.findings) {
          findings.push(f);
          times.set(f.commit!, r.times[r.shas.indexOf(f.commit!)]!);
        }
        progress.update(stats.commits, stats.bytes);
      });
    } finally {
      progress.done();
      await scanner.close();
    }
  }
  if (plan.cachePath) writeHistoryCache(plan.cachePath, plan.cacheKey, [...plan.cached, ...scanned]);
  stats.durationMs = Date.now() - started;
  const reachable = await plan.reachable;
  if (reachable === 0) throw new UsageError(`${repo.root}: the repository has no commits to scan`);
  reportCoverage(notices, plan, reachable, stats, repo);
  for (const { finding, time } of await mergePass) {
    findings.push(finding);
    times.set(finding.commit!, time);
  }
  return { findings: flag(args, "all-occurrences") ? findings : introducingOnly(findings, times), stats, inRepo: !repo.bare };
}

interface Plan {
  selection: LogSelection;
  description: string;
  toScan: number;
  /** Counted while the log streams (a large history takes a while to count). */
  reachable: Promise<number>;
  cached: Set<string>;
  cachePath?: string;
  cacheKey: string;
}

/** toScan of a full scan before the count arrives: assume a real history (worker threads, progress). */
const UNKNOWN = Number.POSITIVE_INFINITY;

/** Which commits to scan: revisions, since, cache and shard applied; validates refs (exit 2). */
function planSelection(args: ParsedArgs, setup: ScanSetup, repo: RepositoryInfo): Plan {
  const range = stringOption(args, "range");
  const branches = listOption(args, "branch");
  const since = stringOption(args, "since");
  if (range && !range.includes("..")) throw new UsageError(`--range: expected A..B, got ${JSON.stringify(range)}`);
  const revs = range ? [range] : branches.length > 0 ? branches : ["--all"];
  const refs = range ? `range ${range}` : branches.length > 0 ? `branch ${branches.join(", ")}` : "all refs";
  const description = since ? `${refs}, since ${since}` : refs;
  const reachable = countReachable(repo.gitDir);
  const shard = parseShard(stringOption(args, "shard"));
  const cachePath = stringOption(args, "cache");
  const cacheKey = createHash("sha256").update(rulePackHash(setup.specs)).update(JSON.stringify(setup.config)).digest("hex").slice(0, 16);
  const cached = cachePath ? readHistoryCache(cachePath, cacheKey) : new Set<string>();
  if (!shard && cached.size === 0) {
    // The whole history starts streaming at once; its size is known when the count arrives.
    const count = range || branches.length > 0 || since ? listCommits(repo.gitDir, revs, since).length : UNKNOWN;
    return { selection: { revs, since }, description, toScan: count, reachable, cached, cachePath, cacheKey };
  }
  const all = listCommits(repo.gitDir, revs, since);
  const commits = all.filter((c) => !cached.has(c) && (!shard || inShard(c, shard)));
  return { selection: { revs, since, commits }, description, toScan: commits.length, reachable, cached, cachePath, cacheKey };
}

function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard: expected I/N with 1 <= I <= N, got ${JSON.stringify(text)}`);
  return { index, count };
}

/** Deterministic split by commit id, so N CI jobs cover every commit exactly once. */
function inShard(sha: string, shard: { index: number; count: number }): boolean {
  return parseInt(sha.slice(0, 8), 16) % shard.count === shard.index - 1;
}

/** Findings in the lines merge commits introduce on their own ("evil merges"). */
async function mergeFindings(gitDir: string, selection: LogSelection, setup: ScanSetup): Promise<Array<{ finding: Finding; time: number }>> {
  const fragments = await mergeAdditions(gitDir, await listMergeCommits(gitDir, selection), MAX_BLOB_BYTES);
  return fragments.flatMap(({ merge, fragment }) =>
    isPathAllowlisted(setup.config, fragment.path)
      ? []
      : scanCommitFragment(setup.rules, fragment, merge, { inlineAllow: setup.inlineAllow }).map((finding) => ({ finding, time: merge.time })),
  );
}

function createScanner(args: ParsedArgs, setup: ScanSetup, commits: number): BatchScanner {
  const jobsText = stringOption(args, "jobs");
  const jobs = jobsText ? parseIntOption(jobsText, "jobs", 1, 256) : Math.max(1, Math.min(availableParallelism() - 1, 8));
  // Worker threads pay ~30 ms each to start and compile the rules: only worth it for real histories.
  if (commits > 200) {
    return createWorkerPool(jobs, { root: setup.root, configPath: stringOption(args, "config"), inlineAllow: setup.inlineAllow });
  }
  const context = { rules: setup.rules, inlineAllow: setup.inlineAllow, skipPath: (p: string) => isPathAllowlisted(setup.config, p) };
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async scan(bytes) {
      inFlight++;
      try {
        return scanHistoryBatch(context, bytes);
      } finally {
        inFlight--;
      }
    },
    async close() {},
  };
}

/** Streams git log through the scanner with bounded memory (git is paused while batches wait). */
function streamLog(repo: RepositoryInfo, selection: LogSelection, scanner: BatchScanner, onResult: (r: CommitBatchResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnHistoryLog(repo.gitDir, selection);
    const stdout = child.stdout!;
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()).length > 65536 && (stderr = stderr.slice(-8192)));
    const ordered: Array<CommitBatchResult | undefined> = [];
    let emitted = 0;
    let failed: Error | undefined;
    let pendingBatch: Buffer[] = [];
    let pendingBytes = 0;
    let queuedBytes = 0;
    const pending: Array<Promise<void>> = [];
    const submit = () => {
      if (pendingBytes === 0) return;
      const size = pendingBytes;
      // One copy, into a buffer of its own that the worker pool can transfer.
      const bytes = Buffer.allocUnsafeSlow(size);
      let at = 0;
      for (const piece of pendingBatch) at += piece.copy(bytes, at);
      pendingBatch = [];
      pendingBytes = 0;
      const slot = ordered.length;
      ordered.push(undefined);
      queuedBytes += size;
      if (queuedBytes >= MAX_QUEUED_BYTES) stdout.pause();
      pending.push(
        scanner.scan(bytes).then(
          (r) => {
            queuedBytes -= size;
            ordered[slot] = r;
            while (emitted < ordered.length && ordered[emitted]) {
              onResult(ordered[emitted]!);
              ordered[emitted++] = undefined;
            }
            if (queuedBytes < MAX_QUEUED_BYTES / 2) stdout.resume();
          },
          (err: Error) => {
            failed = err;
            child.kill();
          },
        ),
      );
    };
    const splitter = new CommitSplitter((pieces, bytes) => {
      pendingBatch.push(...pieces);
      pendingBytes += bytes;
      if (pendingBytes >= BATCH_BYTES) submit();
    });
    stdout.on("data", (d: Buffer) => splitter.push(d));
    child.on("error", (err) => reject(new UsageError(`git: ${err.message}`)));
    child.on("close", (code) => {
      splitter.end();
      submit();
      Promise.all(pending).then(() => {
        if (failed) reject(failed);
        else if (code !== 0) reject(gitFailure(["log"], stderr, code));
        else resolve();
      }, reject);
    });
  });
}

/**
 * Keeps each secret's first occurrence in a file: the oldest commit by committer time; on a tie
 * the one git listed last (git log lists children before parents).
 */
function introducingOnly(findings: Finding[], times: Map<string, number>): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const prev = byKey.get(f.fingerprint);
    if (!prev || (times.get(f.commit!) ?? 0) <= (times.get(prev.commit!) ?? 0)) byKey.set(f.fingerprint, f);
  }
  return [...byKey.values()];
}

function reportCoverage(notices: Notices, plan: Plan, reachable: number, stats: ScanStats, repo: RepositoryInfo): void {
  const mb = stats.bytes / 1024 / 1024;
  const secs = stats.durationMs / 1000;
  const cached = plan.cached.size > 0 ? `, ${plan.cached.size} already scanned (cache)` : "";
  notices.say(
    `history: scanned ${stats.commits} commit${stats.commits === 1 ? "" : "s"} of ${reachable} reachable (${plan.description}${cached}), ` +
      `${mb.toFixed(1)} MB in ${secs.toFixed(1)} s (${(mb / Math.max(secs, 0.001)).toFixed(1)} MB/s)${repo.shallow ? " [SHALLOW CLONE: incomplete]" : ""}`,
  );
  if (stats.commits === 0 && plan.cached.size === 0) throw new UsageError(`nothing was scanned: ${plan.description} selects no commits`);
}
