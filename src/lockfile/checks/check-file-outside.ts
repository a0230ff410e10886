import { isAbsolute, relative, resolve } from "node:path";
import type { Check, Problem } from "../types.js";
import { entryProblem, sourceOf } from "./problem.js";

/**
 * file-outside-project: a `file:`/`link:`/`portal:` dependency whose path leaves the project: a CI
 * checkout installs whatever happens to sit there, and a developer machine something else.
 */
export const checkFileOutside: Check = (lock, ctx) => {
  const problems: Problem[] = [];
  for (const e of lock.entries) {
    const source = sourceOf(e);
    if (source.kind !== "file" || source.scheme === "workspace:") continue;
    const target = resolve(ctx.root, source.path.replace(/^\/\/(?=\/)/, ""));
    const rel = relative(ctx.root, target);
    if (rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) continue;
    problems.push(entryProblem(lock, e, "file-outside-project", `${source.scheme} path "${source.path}" is outside the project`));
  }
  return problems;
};
