import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { entryFingerprint, newSalt, secretHash } from "../../src/baseline/secret-hash.js";
import { token } from "./helpers.js";

describe("secretHash", () => {
  const secret = token();
  const salt = newSalt();
  const hash = secretHash(salt, secret);

  it("is stable under one salt and differs across salts (repositories)", () => {
    expect(secretHash(salt, secret)).toBe(hash);
    expect(secretHash(newSalt(), secret)).not.toBe(hash);
  });

  it.each([
    { name: "the secret", form: (s: string) => s },
    { name: "its base64", form: (s: string) => Buffer.from(s).toString("base64") },
    { name: "its hex", form: (s: string) => Buffer.from(s).toString("hex") },
    { name: "its sha256", form: (s: string) => createHash("sha256").update(s).digest("hex") },
    { name: "its sha1 (detect-secrets)", form: (s: string) => createHash("sha1").update(s).digest("hex") },
  ])("never equals or contains $name", ({ form }) => {
    const f = form(secret);
    expect(hash).not.toBe(f);
    expect(hash.includes(f)).toBe(false);
    expect(f.includes(hash)).toBe(false);
  });

  it("derives entry fingerprints from the keyed hash only", () => {
    const fp = entryFingerprint("test-token", "a.js", hash);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(entryFingerprint("test-token", "b.js", hash)).not.toBe(fp);
  });
});
