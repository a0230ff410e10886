import { semver } from "../../lib/lazy-packages.js";
import { aliasTarget } from "../parse/descriptor.js";

/**
 * Whether `version` satisfies a declared `spec`; undefined when the spec is no semver range (git,
 * file, tag, workspace) or the version no semver version. Loose, without prereleases, as npm's
 * arborist `dep-valid` does; `npm:name@range` aliases test their range.
 */
export function satisfiesSpec(version: string, spec: string): boolean | undefined {
  const { satisfies, valid, validRange } = semver();
  const range = aliasTarget(spec)?.range ?? spec;
  if (range.trim() === "*" || range.trim() === "") return valid(version, true) ? true : undefined;
  if (!validRange(range, true) || !valid(version, true)) return undefined;
  return satisfies(version, range, true);
}
