/**
 * An exclusive lock next to the baseline (`<baseline>.lock`, created with O_EXCL) so that two
 * concurrent `baseline update` runs serialise instead of losing or corrupting entries. A lock
 * left by a process that died is taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { UsageError } from "../cli/errors.js";

export interface LockOptions {
  /** Give up after this many ms (default 15 s). */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it (default 10 min). */
  staleMs?: number;
}

/** Runs `fn` while holding the lock for `path`; the lock is removed afterwards. */
export async function withLock<T>(path: string, fn: () => T | Promise<T>, { timeoutMs = 15_000, staleMs = 600_000 }: LockOptions = {}): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (let wait = 20; !tryAcquire(lock); wait = Math.min(wait * 2, 250)) {
    if (isStale(lock, staleMs)) {
      removeQuietly(lock);
      continue;
    }
    if (Date.now() > deadline) throw new UsageError(`${lock}: the baseline is locked by another update (remove the lock file if none is running)`);
    await sleep(wait);
  }
  try {
    return await fn();
  } finally {
    removeQuietly(lock);
  }
}

function tryAcquire(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new UsageError(`${lock}: cannot create lock file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Stale: its process is gone (same host), or it is older than `staleMs`. */
function isStale(lock: string, staleMs: number): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > staleMs) return true;
    const { pid, host } = JSON.parse(readFileSync(lock, "utf8")) as { pid?: unknown; host?: unknown };
    return host === hostname() && typeof pid === "number" && !isAlive(pid);
  } catch {
    // Unreadable or half-written (its creator is between open and write): not stale yet.
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
