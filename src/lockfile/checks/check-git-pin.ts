import { pinnedCommit } from "../source.js";
import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources } from "./problem.js";

/** bun writes git and github commits abbreviated by design; nothing the user can change. */
const SHORT_SHA = /^[0-9a-f]{7,}$/i;

/** unpinned-git: a git dependency (or GitHub codeload tarball) locked to a branch, tag or nothing, not a full sha. */
export const checkGitPin: Check = (lock) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    const ref = source.kind === "git" || (source.kind === "url" && source.repo) ? (source.ref ?? "") : undefined;
    if (ref === undefined || pinnedCommit(ref) || (e.shortCommits && SHORT_SHA.test(ref))) continue;
    problems.push(entryProblem(lock, e, "unpinned-git", ref ? `git ref "${ref}" is not a full commit sha` : "git dependency has no commit"));
  }
  return problems;
};
