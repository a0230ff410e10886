/**
 * Values that generic assignment rules catch but that are not secrets: paths, git remotes and
 * e-mail addresses, dotted identifiers, words joined by dashes. Specific token rules never get
 * here: their formats already say what a secret is.
 */

/** `external/cwe/cwe-798`, `src/lib/x.ts`, `C:\\tmp\\a`: lower-case path segments. */
const PATH = /^(?:[a-z]:)?[\\/]?(?:[a-z0-9._~@-]+[\\/])+[a-z0-9._~@-]*$/;
/** `git@host:o/r.git`, `user@example.com`. */
const REMOTE_OR_EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)*(?::[\w./~-]+)?$/;
/** `config.auth.token`, `window.localStorage`. */
const DOTTED = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
/** `some-long-word-list`, `snake_case_name`: no digit, no upper/lower mix inside words. */
const WORDS = /^[a-z]+(?:[-_][a-z]+)+$|^[A-Z]+(?:[-_][A-Z]+)+$/;

/** True when a generic rule's value has the shape of something other than a secret. */
export function isUnlikelyGenericSecret(value: string): boolean {
  return PATH.test(value) || REMOTE_OR_EMAIL.test(value) || DOTTED.test(value) || WORDS.test(value);
}
