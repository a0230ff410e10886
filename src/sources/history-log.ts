import { spawn, type ChildProcess } from "node:child_process";

/** Starts each commit's header line in the log stream; never the first byte of a patch line. */
export const COMMIT_MARK = 0x01;
const FIELD = "\x02";

/** What selects the commits of a history scan. */
export interface LogSelection {
  /** Revision arguments (`--all`, a range, branches); ignored when `commits` is given. */
  revs: string[];
  since?: string;
  /** Explicit commit list (cache or shard filtering): fed to git on stdin. */
  commits?: string[];
}

/** git log format of a commit's header line (parseCommitHeader reads it back). */
export const COMMIT_HEADER_FORMAT = `%H${FIELD}%P${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%ct${FIELD}%s`;

/** git options that make the patch output independent of the user's configuration. */
const PATCH_OPTIONS = [
  "-c", "core.quotepath=off",
  "-c", "diff.noprefix=false",
  "-c", "diff.mnemonicPrefix=false",
  "-c", "diff.renames=true",
  "-c", "log.diffMerges=off",
  "-c", "log.showSignature=false",
  "log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-abbrev-commit",
  "--src-prefix=a/", "--dst-prefix=b/", "--diff-merges=off", "--ignore-submodules=all",
  // No explicit -M: it lifts git's rename limits and made a 5,000-commit log 150x slower here;
  // diff.renames=true keeps the default detection. Merge commits get their own pass (merge-additions.ts).
  `--format=%x01${COMMIT_HEADER_FORMAT}`,
];

/** Spawns `git log -p` for the selection; stdout carries commits separated by COMMIT_MARK lines. */
export function spawnHistoryLog(gitDir: string, sel: LogSelection): ChildProcess {
  const args = [...PATCH_OPTIONS];
  if (sel.since) args.push(`--since=${sel.since}`);
  if (sel.commits) args.push("--no-walk=unsorted", "--stdin");
  else args.push(...sel.revs, "--");
  const child = spawn("git", args, { cwd: gitDir, stdio: ["pipe", "pipe", "pipe"] });
  if (sel.commits) {
    child.stdin!.on("error", () => undefined);
    child.stdin!.end(sel.commits.join("\n") + "\n");
  } else {
    child.stdin!.end();
  }
  return child;
}

/** Commit metadata parsed from the header line. */
export interface CommitInfo {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  date: string;
  /** Committer time, seconds since the epoch (orders commits to find the introducing one). */
  time: number;
  subject: string;
}

/** Parses the header line (without the mark) of one commit chunk. */
export function parseCommitHeader(line: string): CommitInfo {
  const [sha = "", parents = "", author = "", email = "", date = "", time = "0", ...subject] = line.split(FIELD);
  return { sha, parents: parents ? parents.split(" ") : [], author, email, date, time: Number(time) || 0, subject: subject.join(FIELD) };
}

/**
 * Splits git's byte stream into whole commits: calls onCommits with pieces of the stream (views,
 * not copies) whose concatenation is one or more complete commit chunks, each starting with
 * COMMIT_MARK, as soon as they are complete.
 */
export class CommitSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly onCommits: (pieces: Buffer[], bytes: number) => void) {}

  /** Feeds bytes from git. */
  push(data: Buffer): void {
    // The last commit mark in this piece ends everything before it.
    let cut = -1;
    for (let i = data.lastIndexOf(COMMIT_MARK); i >= 0; i = i > 0 ? data.lastIndexOf(COMMIT_MARK, i - 1) : -1) {
      if (i > 0 ? data[i - 1] === 10 : this.pendingBytes === 0 || this.endsWithNewline()) {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      this.pending.push(data);
      this.pendingBytes += data.length;
      return;
    }
    const head = this.pending;
    const headBytes = this.pendingBytes + cut;
    if (cut > 0) head.push(data.subarray(0, cut));
    this.pending = [data.subarray(cut)];
    this.pendingBytes = data.length - cut;
    if (headBytes > 0) this.onCommits(head, headBytes);
  }

  /** Flushes the last commit at the end of the stream. */
  end(): void {
    if (this.pendingBytes > 0) this.onCommits(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private endsWithNewline(): boolean {
    const last = this.pending[this.pending.length - 1];
    return !!last && last[last.length - 1] === 10;
  }
}
