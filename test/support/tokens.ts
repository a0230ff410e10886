/** Token-shaped strings built at run time, so no live-looking secret is ever stored in this repository. */
import { randomInt } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** `prefix` + `length` random characters of `chars` (a token shape, never a real token). */
export function randomToken(prefix: string, length: number, chars = ALNUM): string {
  let s = prefix;
  for (let i = 0; i < length; i++) s += chars[randomInt(chars.length)];
  return s;
}

/** A GitHub classic personal access token shape (rule github-pat). */
export const githubToken = (): string => randomToken("ghp" + "_", 36);
/** An AWS access key id shape (rule aws-access-key-id). */
export const awsKeyId = (): string => randomToken("AKIA", 16, B32);
/** A Stripe live secret key shape. */
export const stripeKey = (): string => randomToken("sk_" + "live_", 32);
