import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from "node:fs";
import { decodeForScan } from "./decode-text.js";

/** Why a file yielded no text. */
export type SkipReason = "missing" | "not-a-file" | "symlink" | "too-large" | "binary" | "unreadable";

/** The text (UTF-8 bytes one per character when utf8Bytes, see decodeForScan), or why there is none. */
export type ReadResult = { text: string; utf8Bytes: boolean; bytes: number } | { skipped: SkipReason; detail?: string };

/**
 * Opening flags: a symlink is refused by the kernel (ELOOP) instead of followed, a FIFO opens
 * without waiting for a writer, and a terminal never becomes the controlling one. The type check
 * then runs on the open descriptor: one lstat fewer per file, and no race between check and open.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;

/**
 * Reads a regular file as text. Symlinks are not followed and nothing but a regular file is read
 * (a FIFO or a device would block or never end); files over maxBytes are not read at all.
 */
export function readTextFile(name: string, maxBytes: number): ReadResult {
  let fd = open(name);
  if (fd === "ENOENT" && name.includes("\uFFFD")) {
    // The listing decoded a non-UTF-8 file name (Latin-1 "caf\xe9.txt"); find its real bytes.
    const raw = rawPath(name);
    if (raw) fd = open(raw);
  }
  if (typeof fd === "string") {
    if (fd === "ENOENT" || fd === "ENOTDIR") return { skipped: "missing" };
    if (fd === "ELOOP") return { skipped: "symlink" };
    if (fd === "ENXIO") return { skipped: "not-a-file" }; // a socket
    return { skipped: "unreadable", detail: fd };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skipped: "not-a-file" };
    if (st.size > maxBytes) return { skipped: "too-large", detail: String(st.size) };
    const size = Math.min(st.size, maxBytes + 1);
    const buf = scratchBuffer(size);
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > maxBytes) return { skipped: "too-large", detail: String(n) };
    const decoded = decodeForScan(buf.subarray(0, n));
    return decoded === undefined ? { skipped: "binary" } : { ...decoded, bytes: n };
  } catch (err) {
    return { skipped: "unreadable", detail: (err as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}

/** A descriptor, or the error code when the path cannot be opened. */
function open(path: string | Buffer): number | string {
  try {
    return openSync(path, OPEN_FLAGS);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? "error";
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
