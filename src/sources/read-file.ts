import { closeSync, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import { decodeText } from "./decode-text.js";

/** Why a file yielded no text. */
export type SkipReason = "missing" | "not-a-file" | "symlink" | "too-large" | "binary" | "unreadable";

export type ReadResult = { text: string; bytes: number } | { skipped: SkipReason; detail?: string };

/**
 * Reads a regular file as text. Symlinks, FIFOs, sockets and devices are never opened (a FIFO
 * would block forever); files over maxBytes are not read at all.
 */
export function readTextFile(path: string, maxBytes: number): ReadResult {
  let st;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    return { skipped: "unreadable", detail: (err as NodeJS.ErrnoException).code };
  }
  if (!st) return { skipped: "missing" };
  if (st.isSymbolicLink()) return { skipped: "symlink" };
  if (!st.isFile()) return { skipped: "not-a-file" };
  if (st.size > maxBytes) return { skipped: "too-large", detail: String(st.size) };
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    return { skipped: "unreadable", detail: (err as NodeJS.ErrnoException).code };
  }
  try {
    const size = Math.min(fstatSync(fd).size, maxBytes + 1);
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > maxBytes) return { skipped: "too-large", detail: String(n) };
    const text = decodeText(buf.subarray(0, n));
    return text === undefined ? { skipped: "binary" } : { text, bytes: n };
  } catch (err) {
    return { skipped: "unreadable", detail: (err as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}
