/**
 * Real throw-away git repositories for the history scan tests, and a runner for the built CLI
 * (`node bin/scan-secrets.js --history --no-baseline --format json`). Tokens are built at run
 * time so that this repository never holds a live-looking one; assertions never print them.
 */
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLI = join(PROJECT, "bin", "scan-secrets.js");
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** First commit date of every test repository; each commit is one minute later. */
export const EPOCH = Date.UTC(2024, 0, 1) / 1000;

function pick(charset: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += charset[randomInt(charset.length)];
  return s;
}

/** A random GitHub classic PAT shape (rule github-pat). */
export function ghToken(): string {
  return "ghp" + "_" + pick(ALNUM, 36);
}

/** A random AWS access key id shape (rule aws-access-key-id). */
export function awsKey(): string {
  return "AKIA" + pick(BASE32, 16);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : e.name.endsWith(".ts") ? statSync(p).mtimeMs : 0);
  }
  return newest;
}

/** Compiles src/ to dist/ when dist/cli/main.js is older than a source (one test file at a time). */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), "scan-secrets-history-tests.build-lock");
  for (let i = 0; i < 600; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const main = join(PROJECT, "dist", "cli", "main.js");
    if (!existsSync(main) || statSync(main).mtimeMs < newestMtime(join(PROJECT, "src"))) {
      // Others' work in progress may not type-check; tsc still emits, which is all the CLI needs.
      spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: PROJECT, stdio: "ignore" });
    }
  } finally {
    rmdirSync(lock);
  }
}

/** The parts of a JSON report finding the tests look at. */
export interface ReportedFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  secret: string;
  fingerprint: string;
  commit: string;
  author: string;
  email: string;
  date: string;
  message?: string;
}

/** Outcome of one CLI run. */
export interface ScanRun {
  status: number | null;
  stderr: string;
  findings: ReportedFinding[];
  /** From the coverage line `history: scanned N commits of M reachable`. */
  scanned?: number;
  reachable?: number;
}

/** Runs `scan-secrets --history --no-baseline --format json` (plus `extra`) in `cwd`. */
export function scanHistory(cwd: string, extra: string[] = []): ScanRun {
  const r = spawnSync(process.execPath, [CLI, "--history", "--no-baseline", "--format", "json", ...extra], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let findings: ReportedFinding[] = [];
  if (r.status === 0 || r.status === 1) findings = (JSON.parse(r.stdout) as { findings: ReportedFinding[] }).findings;
  const m = /history: scanned (\d+) commits? of (\d+) reachable/.exec(r.stderr);
  return { status: r.status, stderr: r.stderr, findings, scanned: m ? Number(m[1]) : undefined, reachable: m ? Number(m[2]) : undefined };
}

/** rule, file, line and commit of each finding, sorted: what a scenario asserts. */
export function located(findings: readonly ReportedFinding[]): string[] {
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
    this.dir = options.dir ?? mkdtempSync(join(tmpdir(), "ss-history-"));
    if (!options.dir) {
      this.git("init", "-q", "-b", "main");
      this.git("config", "user.name", "Test Author");
      this.git("config", "user.email", "author@example.com");
      this.git("config", "commit.gpgsign", "false");
    }
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

  head(): string {
    return this.git("rev-parse", "HEAD").trim();
  }

  scan(extra: string[] = []): ScanRun {
    return scanHistory(this.dir, extra);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Lines of text that match no rule, for realistic surrounding content. */
export function filler(n: number, tag = "line"): string {
  return Array.from({ length: n }, (_, i) => `const ${tag}${i} = compute(${i}, "${tag}");`).join("\n") + "\n";
}
