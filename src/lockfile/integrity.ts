/** Verdict on a checksum string. */
export type IntegrityVerdict = "ok" | "weak" | "malformed";

/** Digest sizes in bytes of the SRI algorithms npm, yarn and pnpm write (ssri). */
const DIGEST_BYTES: Record<string, number> = { sha512: 64, sha384: 48, sha256: 32, sha1: 20, md5: 16 };
const STRONG = new Set(["sha512", "sha384", "sha256"]);
const SRI = /^([a-z0-9]+)-([A-Za-z0-9+/]+={0,2})(\?\S*)?$/;
/** Berry: `<cacheKey>/<sha512 hex>` (yarn 4) or the bare hex (yarn 2-3). */
const BERRY = /^(?:[0-9a-z]+\/)?[0-9a-f]{128}$/;

/** Judges an SRI string (W3C Subresource Integrity, as ssri parses it): strong, sha1/md5 only, or malformed. */
export function judgeSri(value: string): IntegrityVerdict {
  const tokens = value.trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === "") return "malformed";
  let strong = false;
  for (const token of tokens) {
    const m = SRI.exec(token);
    const bytes = m ? DIGEST_BYTES[m[1]!] : undefined;
    if (!m || bytes === undefined || !base64Of(m[2]!, bytes)) return "malformed";
    if (STRONG.has(m[1]!)) strong = true;
  }
  return strong ? "ok" : "weak";
}

/** Whether a base64 string (charset already checked) encodes exactly `bytes` bytes, padding included. */
function base64Of(b64: string, bytes: number): boolean {
  const pad = (3 - (bytes % 3)) % 3;
  return b64.length === Math.ceil(bytes / 3) * 4 && b64.endsWith("=".repeat(pad)) && b64[b64.length - pad - 1] !== "=";
}

/** Judges a yarn berry `checksum` (always sha512, hex). */
export function judgeBerryChecksum(value: string): IntegrityVerdict {
  return BERRY.test(value.trim()) ? "ok" : "malformed";
}
