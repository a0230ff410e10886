import { createHash } from "node:crypto";
import { shannonEntropy } from "./entropy.js";

/**
 * Documentation values, templates and variable references that look like secrets but are not:
 * the shared false-positive filter every rule gets unless it opts out (`noPlaceholderFilter`).
 */

const TEMPLATE = /^(?:\{[A-Za-z_][\w.]{0,60}\}|\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|<[^<>]*>|%\([^)]*\)s|%[A-Z_][A-Z0-9_]*%|\$[A-Za-z_][A-Za-z0-9_]*|#\{[^}]*\}|@[A-Za-z_][A-Za-z0-9_.]*@)$/;
const EMBEDDED_TEMPLATE = /\$\{[^}]{1,80}\}|\{\{[^}]{0,80}\}\}|<%=?[^%]{0,80}%>|\$\([^)]{1,80}\)|%env\([^)]{1,80}\)%|#\{[^}]{1,80}\}/;
const ENV_REFERENCE = /process\.env|os\.environ|os\.getenv|getenv\(|\bENV\[|System\.getenv|Environment\.GetEnvironmentVariable|\$env:|secrets\.|vars\./i;
const MASK = /x{4,}|\*{3,}|•{3,}|#{4,}|\.{3,}|…|_{4,}|-{4,}|0{8,}|1{8,}|9{8,}|a{6,}/i;
const WORDS =
  /example|changeme|change[_-]?me|changeit|placeholder|redacted|dummy|your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|yourkey|insert[_-]?(?:your|here|key|token)|replace[_-]?(?:me|with|this)|notasecret|not[_-]?a[_-]?(?:real[_-]?)?secret|fake[_-]?(?:key|token|secret|password)|sample[_-]?(?:key|token|secret)|lorem[_-]?ipsum|password123|secret123|test1234|qwerty|letmein|foobar|abcdefgh|12345678|0123456789|my[_-]?(?:secret|password|token|api[_-]?key)|super[_-]?secret|s3cr3t|p@ssw0rd|passw0rd|^none$|^null$|^nil$|^undefined$|^true$|^false$|^secret$|^password$|^token$/i;

/**
 * Short dummy words only count as whole words: matched anywhere, "tbd" would turn up in about one
 * random 150-character token in 200 and drop a real secret.
 */
const SHORT_WORDS = /(?:^|[^a-z])(?:todo|fixme|tbd|xxx|test|fake|dummy|sample)(?:$|[^a-z])/i;
const SHORT_WORDS_ANYWHERE = /todo|fixme|tbd|xxx|test|fake|dummy|sample/gi;

/** A long high-entropy rest ("sk_test_" + 24 random chars) is a real secret despite the word. */
function looksRandom(rest: string): boolean {
  return rest.length >= 16 && shannonEntropy(rest) >= 3.5;
}

/**
 * Keys printed in public documentation, kept as SHA-256 so this file holds no token. They are in
 * every tutorial copy and library docstring, and grant nothing.
 */
const PUBLISHED_EXAMPLES = new Set([
  // Stripe's API reference test keys
  "2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326",
  "f2d6ca16515033e5dce14eba840b979d27b5cbae24bb3e5bf484339667f86397",
  "7e8de44ea9ecf6d53415c90f5b249a8591f7abafbf7d65a2c0d855afeca3ec09",
  "c4341ce2cfcb5209124439c61efbae3ceb5d10b48997f67face25578db0918a2",
  // RFC 6749 (OAuth 2.0): access token, refresh token, authorization code, client credentials (Basic)
  "6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c",
  "00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32",
  "a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f",
  "ca7459e2b26776de081b9a07e40227fd6cff232a1e3233ff6b6aa6d036ca9981",
  // RFC 5849 (OAuth 1.0): tokens, token secret, consumer key and secret of its examples
  "128e8e99b7b9ff47335bfb2e33ffe28b8058dc50dec07862550a366528d7da6b",
  "4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb",
  "bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72",
  "649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595",
  "293257ab6495ebb11cf9e4aee0686ca30df8de2ab8d251f2cbbcf177bdfcae91",
  "cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53",
  "9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42",
  "80f8b7c904d4a43f3b7036db73247daafe15b3f647b337d19031ff67b7c1a177",
]);

/**
 * What the published examples start with: only values that could be one are hashed (every candidate
 * of token length was, and hashing cost a work-tree scan 5 ms).
 */
const EXAMPLE_STARTS = /^(?:[spr]k_|2Yo|tGz|Spl|czZ|kll|hh5|nnc|pfk|dpf|kd9|ad1|9dj)/;

/** True for a documented example key (compared by hash). */
export function isPublishedExample(secret: string): boolean {
  return (
    secret.length >= 16 &&
    secret.length <= 64 &&
    EXAMPLE_STARTS.test(secret) &&
    PUBLISHED_EXAMPLES.has(createHash("sha256").update(secret).digest("hex"))
  );
}

/** True when the value is a template, a variable reference, a mask or a well-known dummy. */
export function isPlaceholder(secret: string): boolean {
  if (secret.length === 0) return true;
  if (TEMPLATE.test(secret)) return true;
  if (EMBEDDED_TEMPLATE.test(secret)) return true;
  if (ENV_REFERENCE.test(secret)) return true;
  if (isPublishedExample(secret)) return true;
  if (MASK.test(secret)) return true;
  if (WORDS.test(secret)) return true;
  if (SHORT_WORDS.test(secret) && !looksRandom(secret.replace(SHORT_WORDS_ANYWHERE, ""))) return true;
  if (sameUserAndPassword(secret)) return true;
  return fewDistinctChars(secret);
}

/** `admin:admin`, `deploy:deploy`: a `user:password` pair whose password repeats the user (curl -u, URL credentials). */
function sameUserAndPassword(secret: string): boolean {
  const colon = secret.indexOf(":");
  return colon > 0 && secret.length === 2 * colon + 1 && secret.slice(0, colon) === secret.slice(colon + 1);
}

/** "aaaaaaaa", "abababab", "12121212": too few distinct characters to be random. */
function fewDistinctChars(secret: string): boolean {
  if (secret.length < 8) return false;
  const seen = new Set<string>();
  for (const ch of secret) {
    seen.add(ch);
    if (seen.size > 3) return false;
  }
  return true;
}
