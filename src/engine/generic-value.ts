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

/**
 * A code identifier (`readToken_mult_modulo`, `JSXOpeningElement`, `_noLineTerminatorAfter`): letters
 * and underscores only: snake_case, or camelCase whose every hump starts a lower-case word (random
 * letters rarely do). Source maps' `names` arrays and
 * lists of property names are full of them.
 */
const IDENTIFIER = /^_*(?:[A-Za-z]+(?:_[A-Za-z]+)+|[A-Z]*[a-z]*(?:[A-Z][a-z]{2,})+)$/;

/** True when a generic rule's value has the shape of something other than a secret. */
export function isUnlikelyGenericSecret(value: string, line = ""): boolean {
  if (PATH.test(value) || REMOTE_OR_EMAIL.test(value) || DOTTED.test(value) || WORDS.test(value)) return true;
  if (PACKAGE_SPEC.test(value) || IDENTIFIER.test(value) || isPublishedExample(value)) return true;
  if (HEX_DIGEST.test(value) && DIGEST_CONTEXT.test(line)) return true;
  if (OPTIONS.test(value) || (value.includes("[") && OPTIONAL_PART.test(value)) || (ABSOLUTE_PATH.test(value) && !value.includes("//"))) return true;
  return inStringList(value, line) || commaOutsideCall(value, line);
}

/** `host[:port]`, `user[:passwd]`: usage notation for an optional part. */
const OPTIONAL_PART = /\[[:@/.=-]?[A-Za-z_]{1,40}\]/;
/** `true|false`, `on|off|auto`: the documented choices of a setting. */
const OPTIONS = /^[a-z]+(?:\|[a-z]+)+$/i;
/** `/Users/maciej`, `~/work/app`, `./config/dev`: a file path (working directories, PWD). */
const ABSOLUTE_PATH = /^(?:~|\.{1,2})?\/[\w.@-]{1,40}(?:\/[\w.@-]{1,40})+\/?$|^(?:~|\.{1,2})?\/[A-Za-z][\w.-]{0,30}\/?$/;

/**
 * `"tokens", "symbol2label"` in a tuple: a quoted name, a comma, a quoted value, but not as the
 * first arguments of a call (`set("password", "…")`), which is the only place that comma passes a value.
 */
function commaOutsideCall(value: string, line: string): boolean {
  const at = line.indexOf(value);
  if (at < 0) return false;
  const before = line.slice(Math.max(0, at - 80), at);
  const m = /["'`][\w.-]*["'`]\s*,\s*[rbuf@]?["'`]$/.exec(before);
  if (!m) return false;
  const lead = before.slice(0, m.index).trimEnd();
  return !lead.endsWith("(") && !lead.endsWith("[");
}

/**
 * An element of a list of quoted strings (`"tokenIsKeyword","tokenIsOperator",…`: source maps'
 * `names`, keyword tables): the comma after the secret-like name separates list items, it does not
 * pass a value. A call such as `set("password", "…")` has one such comma, a list has many.
 */
function inStringList(value: string, line: string): boolean {
  const at = line.indexOf(value);
  if (at < 0) return false;
  const around = line.slice(Math.max(0, at - 160), at + value.length + 160);
  let items = 0;
  for (let i = around.indexOf('"'); i >= 0 && items < 4; i = around.indexOf('"', i + 1)) {
    if (/^"\s*,\s*["']/.test(around.slice(i, i + 8))) items++;
  }
  return items >= 4;
}
