import { git, gitAsync } from "./git.js";
import { UsageError } from "../cli/errors.js";

/** A repository as the history scan sees it. */
export interface RepositoryInfo {
  gitDir: string;
  /** Work-tree root; the git dir for a bare repository. */
  root: string;
  bare: boolean;
  shallow: boolean;
}

/** Locates the repository of cwd (work tree or bare); a one-line error outside one. */
export function openRepository(cwd: string): RepositoryInfo {
  const out = git(["rev-parse", "--absolute-git-dir", "--is-bare-repository", "--is-shallow-repository"], cwd, { allowFail: true });
  const [gitDir, bare, shallow] = out.trim().split("\n");
  if (!gitDir) throw new UsageError(`${cwd}: not a git repository`);
  const isBare = bare === "true";
  const root = isBare ? gitDir : git(["rev-parse", "--show-toplevel"], cwd).trim();
  return { gitDir, root, bare: isBare, shallow: shallow === "true" };
}

/** Commits a revision selection reaches, newest first (validates refs and ranges). */
export function listCommits(gitDir: string, revs: readonly string[], since?: string): string[] {
  const args = ["rev-list", ...(since ? [`--since=${since}`] : []), ...revs, "--"];
  return git(args, gitDir).split("\n").filter(Boolean);
}

/** How many commits any ref reaches, counted by a git process running alongside the scan. */
export function countReachable(gitDir: string): Promise<number> {
  return gitAsync(["rev-list", "--all", "--count"], gitDir).then((out) => Number(out.toString().trim()) || 0, () => 0);
}
