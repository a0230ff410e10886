/** Turns file bytes into scannable text: binaries are refused, BOMs are honoured and removed. */
import { isAscii } from "node:buffer";

/** How far into a file to look for a NUL byte (git's own heuristic). */
const SNIFF = 8000;

/** File text as the scanner takes it: `utf8Bytes` when the text holds UTF-8 bytes one per character. */
export interface ScanText {
  text: string;
  utf8Bytes: boolean;
}

/** The text of a file, or undefined when it is binary. UTF-16 with a BOM is decoded. */
export function decodeText(bytes: Uint8Array): string | undefined {
  const body = textBody(bytes);
  return typeof body === "string" ? body : body?.toString("utf8");
}

/**
 * The text of a file for scanning, or undefined when it is binary. 8-bit files decode as latin1,
 * one character per byte: for ASCII that is the text itself, and otherwise the scanner maps
 * findings back to UTF-8 (see Fragment.utf8Bytes). latin1 decoding is a copy, three times as fast
 * as UTF-8 decoding, whose output for a file with one non-Latin-1 character (an emoji in a
 * minified bundle) is a two-byte string of twice the size. A file holding byte A0 decodes as
 * UTF-8 after all: as latin1 that byte is U+00A0, which the rules' `\s` takes for whitespace, and
 * it is the second byte of common letters (à, Š, Cyrillic Р).
 */
export function decodeForScan(bytes: Uint8Array): ScanText | undefined {
  const body = textBody(bytes);
  if (body === undefined) return undefined;
  if (typeof body === "string") return { text: body, utf8Bytes: false };
  if (isAscii(body)) return { text: body.toString("latin1"), utf8Bytes: false };
  if (body.indexOf(0xa0) >= 0) return { text: body.toString("utf8"), utf8Bytes: false };
  return { text: body.toString("latin1"), utf8Bytes: true };
}

/** The decoded text of a UTF-16 file, the bytes after any UTF-8 BOM of an 8-bit one, or undefined for a binary. */
function textBody(bytes: Uint8Array): string | Buffer | undefined {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes.subarray(2));
  const nul = bytes.indexOf(0); // native memchr; a subarray per file cost more than scanning to the end
  if (nul >= 0 && nul < SNIFF) return undefined;
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
}

/**
 * The UTF-16 flavour a BOM announces, unless the bytes after it are plainly 8-bit text: no NUL
 * (every ASCII character in UTF-16 has one) and almost only printable ASCII. Otherwise a token
 * behind two stray bytes FF FE (Latin-1 "ÿþ", or garbage) would be decoded as CJK and missed.
 */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 2) return undefined;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const end = Math.min(bytes.length, SNIFF + 2);
  let printable = 0;
  for (let i = 2; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return le ? "utf-16le" : "utf-16be";
    if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13) printable++;
  }
  return end > 2 && printable >= 0.9 * (end - 2) ? undefined : le ? "utf-16le" : "utf-16be";
}
