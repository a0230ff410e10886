import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources, isDeclared } from "./problem.js";

/** disallowed-host: a tarball or git host outside the allowed registries (unless package.json declares it). */
export const checkHost: Check = (lock, ctx) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (source.kind !== "url" && source.kind !== "git") continue;
    if (ctx.allowedHosts.has(source.host) || isDeclared(source, ctx)) continue;
    problems.push(entryProblem(lock, e, "disallowed-host", `resolved host "${source.host}" is not allowed (${e.resolved})`));
  }
  return problems;
};
