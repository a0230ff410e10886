/**
 * Real throw-away git repositories for the history scan tests, with one-minute-apart commit dates,
 * and a runner for `scan-secrets --history --no-baseline --format json`. Tokens come from
 * ../support/tokens.ts; assertions never print them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { initRepo, tempDir } from "../support/cli.js";
import { scanJson, type JsonFinding } from "../support/scan-json.js";

/** First commit date of every test repository; each commit is one minute later. */
export const EPOCH = Date.UTC(2024, 0, 1) / 1000;

/** A finding of a history scan: the commit metadata is always there. */
export type HistoryFinding = JsonFinding & Required<Pick<JsonFinding, "commit" | "author" | "email" | "date">>;

/** Outcome of one history scan. */
export interface ScanRun {
  status: number;
  stderr: string;
  findings: HistoryFinding[];
  /** From the coverage line `history: scanned N commits of M reachable`. */
  scanned?: number;
  reachable?: number;
}

/** Runs `scan-secrets --history --no-baseline --format json` (plus `extra`) in `cwd`. */
export function scanHistory(cwd: string, extra: string[] = []): ScanRun {
  const r = scanJson(cwd, ["--history", ...extra]);
  const m = /history: scanned (\d+) commits? of (\d+) reachable/.exec(r.stderr);
  return { status: r.code, stderr: r.stderr, findings: r.findings as HistoryFinding[], scanned: m ? Number(m[1]) : undefined, reachable: m ? Number(m[2]) : undefined };
}

/** rule, file, line and commit of each finding, sorted: what a scenario asserts. */
export function located(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file}:${f.line} @${f.commit}`).sort();
}

/** A file's new content; null deletes it. */
export type FileChange = string | Buffer | null;

/** A git repository in the OS temp dir with a fixed identity and one-minute-apart commit dates. */
export class TestRepo {
  readonly dir: string;
  private tick = 0;

  private readonly frozen: boolean;

  /** `frozenClock`: every commit gets the same date (as in a scripted CI repo). */
  constructor(options: { dir?: string; frozenClock?: boolean } = {}) {
    this.frozen = options.frozenClock ?? false;
    this.dir = options.dir ?? tempDir("ss-history-");
    if (!options.dir) initRepo((...args) => this.git(...args), "Test Author", "author@example.com");
  }

  /** Runs git in the repository; throws with git's stderr on failure. */
  git(...args: string[]): string {
    const when = `${EPOCH + (this.frozen ? 0 : this.tick * 60)} +0000`;
    const r = spawnSync("git", args, {
      cwd: this.dir,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout;
  }

  /** Writes (or deletes) files and stages them. */
  write(files: Record<string, FileChange>): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) {
        this.git("rm", "-q", "--", path);
        continue;
      }
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      this.git("add", "--", path);
    }
  }

  /** Writes the files and commits them; returns the new commit's sha. */
  commit(message: string, files: Record<string, FileChange> = {}): string {
    this.write(files);
    this.tick++;
    this.git("commit", "-q", "--allow-empty", "-m", message);
    return this.head();
  }

  /** Merges `branch` into the current branch with a merge commit. */
  merge(branch: string, message = `merge ${branch}`): string {
    this.tick++;
    this.git("merge", "-q", "--no-ff", "-m", message, branch);
    return this.head();
  }

  /** The sha of HEAD. */
  head(): string {
    return this.git("rev-parse", "HEAD").trim();
  }

  /** Scans this repository's history (see scanHistory). */
  scan(extra: string[] = []): ScanRun {
    return scanHistory(this.dir, extra);
  }

  /** Deletes the repository. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Lines of text that match no rule, for realistic surrounding content. */
export function filler(n: number, tag = "line"): string {
  return Array.from({ length: n }, (_, i) => `const ${tag}${i} = compute(${i}, "${tag}");`).join("\n") + "\n";
}
