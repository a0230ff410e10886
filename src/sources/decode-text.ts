/** Turns file bytes into scannable text: binaries are refused, BOMs are honoured and removed. */

/** How far into a file to look for a NUL byte (git's own heuristic). */
const SNIFF = 8000;

/** The text of a file, or undefined when it is binary. UTF-16 with a BOM is decoded. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  const end = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return undefined;
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString("utf8");
}
