import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources } from "./problem.js";

/** Transports without authentication or encryption: anyone on the path can swap the code. */
const INSECURE = new Set(["http:", "git:", "git+http:"]);

/** insecure-protocol: fetched over http or plain git, even when declared (the risk does not depend on intent). */
export const checkProtocol: Check = (lock) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (source.kind === "registry" || source.kind === "file") continue;
    if (INSECURE.has(source.scheme)) {
      problems.push(entryProblem(lock, e, "insecure-protocol", `fetched over insecure "${source.scheme}" (${e.resolved})`));
    }
  }
  return problems;
};
