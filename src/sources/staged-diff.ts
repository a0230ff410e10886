/**
 * The staged source: what the next commit adds, read from the index (so `git add -p` partial
 * staging is honoured), as one fragment per file holding only the added lines.
 * Speed matters (every commit pays it): one `git rev-parse` and one `git diff`, side by side and
 * while the caller loads its rules. A merge in progress adds `git write-tree` and a combined diff.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Fragment } from "../engine/types.js";
import { UsageError } from "../cli/errors.js";
import { parseDiff } from "./parse-diff.js";
import { gitAsync } from "./git.js";

/** Overrides for user config that would change the patch format we parse. */
const CONFIG = ["-c", "core.quotepath=off", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false"];
/** Added lines only, raw content (no textconv or external driver), paths from the top level. */
const PATCH = ["-U0", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "--ignore-submodules=all"];

/** The work tree the staged scan runs in. */
export interface StagedRepo {
  /** Top-level directory (config and baseline live here). */
  root: string;
  /** The other parents when a merge is being committed (`MERGE_HEAD`), else empty. */
  mergeHeads: string[];
}

/** The repository and the patch of what the next commit adds. */
export interface StagedChanges {
  repo: StagedRepo;
  patch: string;
}

/**
 * Reads what the next commit adds: the index against HEAD (against nothing on the first commit).
 * The diff starts at once, beside the `rev-parse` that finds the top level; only when that shows
 * a merge in progress is it replaced by a combined diff of the index's tree against every parent
 * (lines a parent already had were scanned when that parent was committed).
 */
export async function readStagedChanges(cwd: string): Promise<StagedChanges> {
  const plain = gitText([...CONFIG, "diff", "--cached", ...PATCH, "-M", "-C", "--diff-filter=ACMRT"], cwd);
  plain.catch(() => undefined);
  const repo = await locateStagedRepo(cwd);
  if (repo.mergeHeads.length === 0) return { repo, patch: await plain };
  const tree = (await gitText(["write-tree"], cwd)).trim();
  return { repo, patch: await gitText([...CONFIG, "diff", "--cc", ...PATCH, tree, "HEAD", ...repo.mergeHeads], cwd) };
}

/** Finds the top level and any merge in progress with one git process. */
async function locateStagedRepo(cwd: string): Promise<StagedRepo> {
  const out = await gitText(["rev-parse", "--show-toplevel", "--git-path", "MERGE_HEAD"], cwd).catch((err: Error) => {
    throw new UsageError(`--staged needs a git work tree (${err.message})`);
  });
  const [root, mergeHeadPath] = out.split("\n");
  if (!root || !mergeHeadPath) throw new UsageError("--staged needs a git work tree");
  return { root, mergeHeads: readMergeHeads(resolve(cwd, mergeHeadPath)) };
}

function readMergeHeads(path: string): string[] {
  try {
    return readFileSync(path, "utf8").split("\n").map((l) => l.trim()).filter((l) => /^[0-9a-f]{40,64}$/.test(l));
  } catch {
    return [];
  }
}

/** Counters for the report. */
export interface StagedFragments {
  fragments: Fragment[];
  files: number;
  bytes: number;
}

/** One fragment per file with added lines; `skip` leaves out paths the config allowlists. */
export function stagedFragments(patch: string, skip: (path: string) => boolean): StagedFragments {
  const result: StagedFragments = { fragments: [], files: 0, bytes: 0 };
  parseDiff(patch, (file) => {
    if (skip(file.path)) return;
    const text = file.lines.join("\n");
    result.fragments.push({ path: file.path, text, lineMap: file.lineNumbers });
    result.files++;
    result.bytes += Buffer.byteLength(text);
  });
  return result;
}

/** git's stdout as text, without blocking the event loop (the rules load meanwhile). */
function gitText(args: readonly string[], cwd: string): Promise<string> {
  return gitAsync(args, cwd).then((out) => out.toString("utf8"));
}
