import { isPublishedExample } from "./placeholder.js";

/**
 * Values that generic assignment rules catch but that are not secrets: paths, git remotes and
 * e-mail addresses, dotted identifiers, words joined by dashes. Specific token rules never get
 * here: their formats already say what a secret is.
 */

/** `external/cwe/cwe-798`, `src/lib/x.ts`, `C:\\tmp\\a`: lower-case path segments. */
const PATH = /^(?:[a-z]:)?[\\/]?(?:[a-z0-9._~@-]+[\\/])+[a-z0-9._~@-]*$/;
/**
 * `git@host:o/r.git`, `user@example.com`, `me@localhost`. A bare `word@word2024` (no dot, no path)
 * is the shape of a human password, not an address.
 */
const REMOTE_OR_EMAIL = /^[\w.+-]+@(?:[\w-]+(?:\.[\w-]+)+|localhost)(?::[\w./~-]+)?$|^[\w.+-]+@[\w-]+:[\w./~-]+$/;
/** `config.auth.token`, `window.localStorage`. */
const DOTTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
/** `some-long-word-list`, `snake_case_name`: no digit, no upper/lower mix inside words. */
const WORDS = /^[a-z]+(?:[-_][a-z]+)+$|^[A-Z]+(?:[-_][A-Z]+)+$/;

/** A hex digest (`hashed_secret: "d8df…"`, `commit_sha = "…"`) on a line that says it is one. */
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const DIGEST_CONTEXT = /hash|digest|checksum|sha-?\d|md5|etag|commit|revision|integrity|fingerprint/i;

/** Package specifiers (`"secret-sauce": "file:../x"`, `workspace:^`, `npm:other@1`, `github:o/r`) without credentials. */
const PACKAGE_SPEC = /^(?:file|link|portal|workspace|npm|patch|exec|git(?:\+[a-z]+)?|github|gitlab|bitbucket):(?![^@]*:[^@]*@)/;

/** True when a generic rule's value has the shape of something other than a secret. */
export function isUnlikelyGenericSecret(value: string, line = ""): boolean {
  if (PATH.test(value) || REMOTE_OR_EMAIL.test(value) || DOTTED.test(value) || WORDS.test(value)) return true;
  if (PACKAGE_SPEC.test(value) || isPublishedExample(value)) return true;
  return HEX_DIGEST.test(value) && DIGEST_CONTEXT.test(line);
}
