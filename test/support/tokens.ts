/** Token-shaped strings built at run time, so no live-looking secret is ever stored in this repository. */

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function random(chars: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** A GitHub classic personal access token shape. */
export const githubToken = (): string => "ghp" + "_" + random(ALNUM, 36);
/** An AWS access key id shape. */
export const awsKeyId = (): string => "AKIA" + random(B32, 16);
/** A Stripe live secret key shape. */
export const stripeKey = (): string => "sk_" + "live_" + random(ALNUM, 32);
