import type { Fragment } from "../engine/types.js";
import { gitAsync } from "./git.js";
import { COMMIT_HEADER_FORMAT, parseCommitHeader, type CommitInfo, type LogSelection } from "./history-log.js";
import { decodeText } from "./decode-text.js";

const NULL_SHA = /^0+$/;

/** Lines a merge commit adds itself: in its version of a file but in no parent's ("evil merges"). */
export interface MergeFragment {
  merge: CommitInfo;
  fragment: Fragment;
}

/**
 * Finds what merge commits introduce on their own. `git diff-tree -c --raw` lists the files whose
 * merged blob differs from every parent's (cheap: no content diff); for those, the merged lines
 * found in no parent's version are the merge's own additions. This replaces `--cc` patches,
 * which cost 8x the whole `git log -p` on a history with long-lived branches. Asynchronous, so
 * that it runs while the main `git log -p` streams.
 */
export async function mergeAdditions(gitDir: string, merges: readonly CommitInfo[], maxBytes: number): Promise<MergeFragment[]> {
  if (merges.length === 0) return [];
  const bySha = new Map(merges.map((m) => [m.sha, m]));
  const args = ["-c", "core.quotepath=off", "diff-tree", "-c", "-r", "--raw", "-z", "--no-renames", "--stdin"];
  const raw = (await gitAsync(args, gitDir, merges.map((m) => m.sha).join("\n") + "\n")).toString("utf8");
  const wanted: Array<{ merge: CommitInfo; path: string; parents: string[]; result: string }> = [];
  const fields = raw.split("\0");
  let current: CommitInfo | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!.replace(/^\n/, "");
    if (/^[0-9a-f]{40,64}$/.test(f)) {
      current = bySha.get(f);
      continue;
    }
    if (!f.startsWith("::") || !current) continue;
    const path = fields[++i] ?? "";
    const parts = f.split(" ");
    const n = current.parents.length;
    const shas = parts.slice(n + 1, n + 1 + n + 1);
    const result = shas[n]!;
    if (NULL_SHA.test(result)) continue;
    wanted.push({ merge: current, path, parents: shas.slice(0, n).filter((s) => !NULL_SHA.test(s)), result });
  }
  const blobs = await readBlobs(gitDir, [...new Set(wanted.flatMap((w) => [...w.parents, w.result]))], maxBytes);
  const out: MergeFragment[] = [];
  for (const w of wanted) {
    const merged = blobs.get(w.result);
    if (merged === undefined) continue;
    const known = new Set<string>();
    for (const p of w.parents) for (const line of (blobs.get(p) ?? "").split("\n")) known.add(line);
    const lines: string[] = [];
    const lineMap: number[] = [];
    merged.split("\n").forEach((line, i) => {
      if (!known.has(line)) {
        lines.push(line.replace(/\r$/, ""));
        lineMap.push(i + 1);
      }
    });
    if (lines.length > 0) out.push({ merge: w.merge, fragment: { path: w.path, text: lines.join("\n"), lineMap } });
  }
  return out;
}

/** Text of each blob (binary or oversized blobs are left out), through one `git cat-file --batch`. */
async function readBlobs(gitDir: string, shas: string[], maxBytes: number): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (shas.length === 0) return map;
  const buf = await gitAsync(["cat-file", "--batch"], gitDir, shas.join("\n") + "\n");
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const [sha = "", type, sizeText] = buf.subarray(pos, nl).toString().split(" ");
    if (type === "missing" || sizeText === undefined) {
      pos = nl + 1;
      continue;
    }
    const size = Number(sizeText);
    const body = buf.subarray(nl + 1, nl + 1 + size);
    pos = nl + 1 + size + 1;
    if (size > maxBytes) continue;
    const text = decodeText(body);
    if (text !== undefined) map.set(sha, text);
  }
  return map;
}

/** The merge commits of a selection, with their metadata (one `git log --merges`, no patches). */
export async function listMergeCommits(gitDir: string, sel: LogSelection): Promise<CommitInfo[]> {
  const args = ["log", "--merges", `--format=${COMMIT_HEADER_FORMAT}`, ...(sel.since ? [`--since=${sel.since}`] : [])];
  const input = sel.commits ? sel.commits.join("\n") + "\n" : undefined;
  if (sel.commits) args.push("--no-walk=unsorted", "--stdin");
  else args.push(...sel.revs, "--");
  const out = (await gitAsync(args, gitDir, input)).toString("utf8");
  return out.split("\n").filter(Boolean).map(parseCommitHeader);
}

