import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withLock } from "../../src/baseline/index.js";

describe("withLock", () => {
  it("serialises concurrent critical sections and removes the lock", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lock-")), "b.json");
    const events: string[] = [];
    const section = (name: string) => async () => {
      events.push(`${name}-in`);
      await new Promise((r) => setTimeout(r, 30));
      events.push(`${name}-out`);
    };
    await Promise.all([withLock(path, section("a")), withLock(path, section("b"))]);
    expect(events).toEqual(["a-in", "a-out", "b-in", "b-out"]);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("takes over a lock left by a dead process", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lock-")), "b.json");
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    await expect(withLock(path, () => "done", { timeoutMs: 500 })).resolves.toBe("done");
  });

  it("gives up on a live lock with a one-line error naming it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lock-")), "b.json");
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: hostname() }));
    await expect(withLock(path, () => "done", { timeoutMs: 100 })).rejects.toThrow(/b\.json\.lock: the baseline is locked/);
  });
});
