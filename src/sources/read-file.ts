import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync } from "node:fs";
import { decodeText } from "./decode-text.js";

/** Why a file yielded no text. */
export type SkipReason = "missing" | "not-a-file" | "symlink" | "too-large" | "binary" | "unreadable";

export type ReadResult = { text: string; bytes: number } | { skipped: SkipReason; detail?: string };

/**
 * Reads a regular file as text. Symlinks, FIFOs, sockets and devices are never opened (a FIFO
 * would block forever); files over maxBytes are not read at all.
 */
export function readTextFile(name: string, maxBytes: number): ReadResult {
  let path: string | Buffer = name;
  let st;
  try {
    st = lstatSync(path, { throwIfNoEntry: false });
  } catch (err) {
    return { skipped: "unreadable", detail: (err as NodeJS.ErrnoException).code };
  }
  if (!st && name.includes("\uFFFD")) {
    // The listing decoded a non-UTF-8 file name (Latin-1 "caf\xe9.txt"); find its real bytes.
    const raw = rawPath(name);
    if (raw) path = raw;
    st = raw ? lstatSync(raw, { throwIfNoEntry: false }) : undefined;
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
    const buf = scratchBuffer(size);
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

let scratch: Buffer | undefined;

/**
 * One read buffer per thread, grown as needed: the text is copied out by decoding, and fresh
 * buffers for every file made two scanning threads queue on the kernel's page-fault lock.
 */
function scratchBuffer(size: number): Buffer {
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 1 << 20));
  return scratch;
}

/**
 * The byte path whose UTF-8 decoding (invalid bytes as U+FFFD) is `name`, found component by
 * component; the first match wins when two names decode alike.
 */
function rawPath(name: string): Buffer | undefined {
  const parts = name.split("/");
  let dir = Buffer.from(parts[0] === "" ? "/" : parts[0]!);
  for (const part of parts.slice(1)) {
    let next: Buffer | undefined = Buffer.from(part);
    if (part.includes("\uFFFD")) {
      try {
        next = (readdirSync(dir, { encoding: "buffer" }) as Buffer[]).find((n) => n.toString("utf8") === part);
      } catch {
        return undefined;
      }
    }
    if (!next) return undefined;
    dir = Buffer.concat([dir, dir[dir.length - 1] === 0x2f ? Buffer.alloc(0) : Buffer.from("/"), next]);
  }
  return dir;
}
