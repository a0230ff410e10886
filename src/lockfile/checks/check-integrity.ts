import { judgeBerryChecksum, judgeSri } from "../integrity.js";
import type { Check, Problem } from "../types.js";
import { entryProblem, fetchedSources } from "./problem.js";

/** yarn v1 before 1.10 kept only the tarball's sha1 in the URL fragment. */
const SHA1_FRAGMENT = /#[0-9a-f]{40}$/i;

/**
 * missing-integrity / weak-integrity / malformed-integrity for packages fetched from a registry or a
 * tarball URL. Git, GitHub codeload, local and workspace entries carry no checksum in any format.
 */
export const checkIntegrity: Check = (lock) => {
  const problems: Problem[] = [];
  for (const [e, source] of fetchedSources(lock)) {
    if (e.noIntegritySlot || !(source.kind === "registry" || (source.kind === "url" && !source.repo))) continue;
    if (e.integrity === undefined || e.integrity.trim() === "") {
      const sha1Only = lock.format === "yarn-v1" && SHA1_FRAGMENT.test(e.resolved ?? "");
      problems.push(
        sha1Only
          ? entryProblem(lock, e, "weak-integrity", "no integrity field, only the sha1 in the resolved URL")
          : entryProblem(lock, e, "missing-integrity", "no integrity checksum"),
      );
      continue;
    }
    const verdict = e.integrityKind === "berry" ? judgeBerryChecksum(e.integrity) : judgeSri(e.integrity);
    if (verdict === "weak") problems.push(entryProblem(lock, e, "weak-integrity", `integrity "${e.integrity}" has no sha256/384/512 digest`));
    if (verdict === "malformed") problems.push(entryProblem(lock, e, "malformed-integrity", `integrity "${e.integrity}" is not a valid checksum`));
  }
  return problems;
};
