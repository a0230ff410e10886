import { tarballIdentity } from "../tarball-url.js";
import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources } from "./problem.js";

/** version-mismatch: the registry tarball is another version than the entry locks (silent up/downgrade). */
export const checkTarballVersion: Check = (lock) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (source.kind !== "url" || !e.version || e.version.includes(":")) continue;
    const id = tarballIdentity(source.pathname);
    if (!id || id.name !== e.realName || id.version === undefined || id.version === e.version) continue;
    problems.push(entryProblem(lock, e, "version-mismatch", `locks version ${e.version} but the tarball URL is version ${id.version}`));
  }
  return problems;
};
