import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources, isDeclared } from "./problem.js";

/** disallowed-scheme: git+ssh:, github:, http: ... outside --allowed-scheme, unless package.json declares that source. */
export const checkScheme: Check = (lock, ctx) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (source.kind === "registry" || source.kind === "file") continue;
    if (ctx.allowedSchemes.has(source.scheme) || isDeclared(source, ctx)) continue;
    problems.push(entryProblem(lock, e, "disallowed-scheme", `scheme "${source.scheme}" is not allowed (${e.resolved})`));
  }
  return problems;
};
