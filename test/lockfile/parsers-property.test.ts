import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LockfileError } from "../../src/lockfile/lockfile-error.js";
import { parseLockfile } from "../../src/lockfile/parse/parse-lockfile.js";
import type { LockfileFormat } from "../../src/lockfile/types.js";

const FORMATS: LockfileFormat[] = ["npm", "yarn-v1", "yarn-berry", "pnpm", "bun"];
const HEADERS: Record<LockfileFormat, string> = {
  npm: '{"lockfileVersion": 3, "packages": ',
  "yarn-v1": "# yarn lockfile v1\n\n",
  "yarn-berry": "__metadata:\n  version: 8\n\n",
  pnpm: "lockfileVersion: '9.0'\n",
  bun: '{"lockfileVersion": 1, "packages": ',
};

/** A parser either returns a lockfile or throws one clean LockfileError: never a TypeError or a hang. */
async function parsesCleanly(format: LockfileFormat, text: string): Promise<boolean> {
  try {
    const lock = await parseLockfile(format, text, "lockfile");
    return Array.isArray(lock.entries);
  } catch (err) {
    return err instanceof LockfileError && !err.message.includes("\n");
  }
}

describe("parsers on arbitrary input", () => {
  it.each(FORMATS)("%s never throws anything but a one-line LockfileError", async (format) => {
    const text = fc.oneof(fc.string(), fc.string().map((s) => HEADERS[format] + s), fc.json().map((j) => HEADERS[format] + j));
    await fc.assert(fc.asyncProperty(text, (t) => parsesCleanly(format, t)), { numRuns: 300 });
  });

  it("the property can fail: a TypeError is not clean", async () => {
    expect(await parsesCleanly("npm", '{"lockfileVersion": 3, "packages": {"node_modules/a": {}}}')).toBe(true);
    await expect(parseLockfile("npm", "{", "x")).rejects.toBeInstanceOf(LockfileError);
  });
});
