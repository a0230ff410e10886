import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LockfileError } from "../../src/lockfile/lockfile-error.js";
import { PROBLEM_CODES } from "../../src/lockfile/types.js";
import { verifyLockfiles } from "../../src/lockfile/verify.js";

const BASE = join(import.meta.dirname, "..", "fixtures", "lockfile");
const folders = readdirSync(BASE).sort();
const expected = (dir: string): unknown => JSON.parse(readFileSync(join(BASE, dir, "expected.json"), "utf8"));
const pairs = (list: { code: string; package: string }[]) => list.map((p) => `${p.code} ${p.package}`).sort();

describe("ok.* fixtures: valid lockfiles of every format raise no problem", () => {
  it.each(folders.filter((d) => d.startsWith("ok.")))("%s", async (dir) => {
    const result = await verifyLockfiles({ root: join(BASE, dir) });
    expect(result.lockfiles.length).toBe(1);
    expect(pairs(result.problems)).toEqual([]);
  });
});

describe("ng.* fixtures: exactly the expected problem codes and packages", () => {
  it.each(folders.filter((d) => d.startsWith("ng.")))("%s", async (dir) => {
    const want = (expected(dir) as [string, string][]).map(([code, pkg]) => `${code} ${pkg}`).sort();
    const result = await verifyLockfiles({ root: join(BASE, dir) });
    expect(pairs(result.problems)).toEqual(want);
  });
});

describe("err.* fixtures: unknown formats and unparsable files are errors, never a silent pass", () => {
  it.each(folders.filter((d) => d.startsWith("err.")))("%s", async (dir) => {
    const run = verifyLockfiles({ root: join(BASE, dir) });
    await expect(run).rejects.toBeInstanceOf(LockfileError);
    const message = await run.catch((err: Error) => err.message);
    expect(message).not.toContain("\n");
    expect(message).not.toMatch(/^\s*at /m);
  });
});

describe("coverage of the fixture set", () => {
  const formats = { npm: /package-lock|npm-shrinkwrap/, "yarn-v1": /yarn-v1/, "yarn-berry": /yarn-berry/, pnpm: /pnpm/, bun: /bun/ };
  it.each(Object.entries(formats))("%s has ok and ng fixtures", (_, pattern) => {
    const names = folders.filter((d) => pattern.test(d) || readdirSync(join(BASE, d)).some((f) => pattern.test(f)));
    expect(names.some((d) => d.startsWith("ok."))).toBe(true);
    expect(names.some((d) => d.startsWith("ng."))).toBe(true);
  });
  it("every problem code is expected by some ng fixture", () => {
    const seen = new Set(folders.filter((d) => d.startsWith("ng.")).flatMap((d) => (expected(d) as [string, string][]).map(([code]) => code)));
    expect([...Object.keys(PROBLEM_CODES)].filter((c) => !seen.has(c))).toEqual([]);
  });
  it("every ng fixture has an expected.json", () => {
    expect(folders.filter((d) => d.startsWith("ng.") && !existsSync(join(BASE, d, "expected.json")))).toEqual([]);
  });
});

describe("this repository", () => {
  it("verifies clean (entries have integrity but no resolved: omit-lockfile-registry-resolved)", async () => {
    const result = await verifyLockfiles({ root: join(import.meta.dirname, "..", "..") });
    expect(result.lockfiles).toEqual(["package-lock.json"]);
    expect(pairs(result.problems)).toEqual([]);
  });
});
