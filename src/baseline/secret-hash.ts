/**
 * Keyed hashing of secrets for the baseline (issue 5: never store the secret or a reversible
 * form). HMAC-SHA256 keyed with a random per-baseline salt kept in the file's header: the same
 * secret hashes identically across updates of one baseline, differently across repositories,
 * and a bare SHA-1/SHA-256 lookup table of known leaked tokens is of no use against it.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** Name recorded in the baseline header. */
export const HASH_ALGORITHM = "hmac-sha256";

/** A fresh random salt (32 bytes, hex). */
export function newSalt(): string {
  return randomBytes(32).toString("hex");
}

/** The keyed hash of a secret under a baseline's salt (64 hex digits). */
export function secretHash(salt: string, secret: string): string {
  return createHmac("sha256", Buffer.from(salt, "hex")).update(secret, "utf8").digest("hex");
}

/** Short id of a baseline entry, derived from the keyed hash (so it reveals nothing more). */
export function entryFingerprint(ruleId: string, file: string, hash: string): string {
  return createHash("sha256").update(`entry\0${ruleId}\0${file}\0${hash}`).digest("hex").slice(0, 16);
}

/** Matching key of an entry or finding: rule + file + secret hash, never a position. */
export function entryKey(ruleId: string, file: string, hash: string): string {
  return `${ruleId}\0${file}\0${hash}`;
}
