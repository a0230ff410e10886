/**
 * Secrets stored base64-encoded where the format says so: the `data:` values of a Kubernetes
 * Secret. They are decoded and scanned as `key = "value"`, so that both token rules and the
 * generic assignment rules (through the key name) apply.
 */

/** One encoded value: where it sits in the fragment and the text to scan in its place. */
export interface EncodedValue {
  /** Offset of the encoded value in the fragment text. */
  start: number;
  /** `key = "decoded"` (or the decoded text alone when it spans lines). */
  text: string;
}

const SECRET_KIND = /^kind:\s*["']?Secret["']?\s*$/m;
const DATA_LINE = /^([ \t]+)([\w.-]{1,128}):[ \t]*(["']?)([A-Za-z0-9+/]{8,}={0,2})\3[ \t]*\r?$/gm;

/** The base64 `data:` values of Kubernetes Secret manifests in a text (none when there is no Secret). */
export function findEncodedValues(text: string): EncodedValue[] {
  if (!text.includes("Secret") || !SECRET_KIND.test(text)) return [];
  const out: EncodedValue[] = [];
  DATA_LINE.lastIndex = 0;
  for (let m = DATA_LINE.exec(text); m; m = DATA_LINE.exec(text)) {
    const encoded = m[4]!;
    if (encoded.length % 4 !== 0) continue;
    const decoded = decodePrintable(encoded);
    if (decoded === undefined) continue;
    const start = m.index + m[0].indexOf(encoded, m[1]!.length + m[2]!.length);
    out.push({ start, text: decoded.includes("\n") ? decoded : `${m[2]} = "${decoded.replace(/"/g, "'")}"` });
  }
  return out;
}

/** The decoded text when it is printable UTF-8, else undefined (binary data, or not base64 at all). */
function decodePrintable(encoded: string): string | undefined {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length === 0) return undefined;
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return undefined;
  }
  return text.replace(/\s+$/, "");
}
