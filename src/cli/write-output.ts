import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UsageError } from "./errors.js";

/**
 * Writes `text` to `path`: atomically (temp file + rename) when the target is a regular file or
 * does not exist yet; in place when it is a device, FIFO or terminal, because renaming over
 * /dev/null as root would replace the device for the whole machine.
 */
export function writeOutput(path: string, text: string): void {
  let kind: "regular" | "special" | "missing" = "missing";
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path}: is a directory`);
    kind = st.isFile() ? "regular" : "special";
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new UsageError(`${path}: ${(err as Error).message}`);
  }
  try {
    if (kind === "special") {
      const fd = openSync(path, "w");
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return;
    }
    writeAtomic(path, text);
  } catch (err) {
    throw new UsageError(`${path}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** Temp file in the same directory, fsync, then rename over the target. */
export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, "wx", 0o644);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw err;
  }
}
