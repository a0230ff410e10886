/** CRC32 and the base62 checksum suffix used by GitHub and npm tokens. */

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (IEEE) of an ASCII string, as an unsigned integer. */
export function crc32(text: string): number {
  let c = -1;
  for (let i = 0; i < text.length; i++) c = CRC_TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Base62 encoding of n, left-padded with "0" to `width` characters. */
export function base62(n: number, width: number): string {
  let s = "";
  while (n > 0) {
    s = BASE62[n % 62] + s;
    n = Math.floor(n / 62);
  }
  return s.padStart(width, "0");
}

/**
 * The 6-character checksum GitHub (and npm, which copied the scheme) append to a token's
 * 30-character random part: base62(crc32(random part)).
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function tokenChecksum(randomPart: string): string {
  return base62(crc32(randomPart), 6);
}

/** True when the last 6 characters of `body` are the checksum of the characters before them. */
export function hasValidTokenChecksum(body: string): boolean {
  if (body.length < 7) return false;
  return tokenChecksum(body.slice(0, -6)) === body.slice(-6);
}
