import { tarballIdentity } from "../tarball-url.js";
import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources } from "./problem.js";

/** name-mismatch: the registry tarball belongs to another package than the entry claims (substitution). */
export const checkTarballName: Check = (lock) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (source.kind !== "url") continue;
    const id = tarballIdentity(source.pathname);
    if (!id) continue;
    if (id.name !== e.realName) {
      problems.push(entryProblem(lock, e, "name-mismatch", `tarball URL is for package "${id.name}" (${e.resolved})`));
    } else if (id.version === undefined) {
      problems.push(entryProblem(lock, e, "name-mismatch", `tarball file "${id.file}.tgz" is not named after "${e.realName}"`));
    }
  }
  return problems;
};
