import { describe, expect, it } from "vitest";
import { REDACTION_MARKER, redact } from "../../src/report/redact.js";
import { randomToken } from "../support/tokens.js";

const M = REDACTION_MARKER;

describe("redact", () => {
  const token = randomToken("ghp_", 36);
  it.each([
    { name: "default shows the first 4 chars of a long token", secret: token, percent: undefined, want: `ghp_${M}` },
    { name: "default shows at most a quarter of a short secret", secret: "abcdefgh", percent: undefined, want: `ab${M}` },
    { name: "default shows nothing of a 3-char secret", secret: "abc", percent: undefined, want: M },
    { name: "100 shows nothing", secret: token, percent: 100, want: M },
    { name: "50 shows half", secret: "abcdefghij", percent: 50, want: `abcde${M}` },
    { name: "1 still hides a character", secret: "abcdefghij", percent: 1, want: `abcdefghi${M}` },
    { name: "0 shows the full secret (explicit --redact 0)", secret: "abcdefghij", percent: 0, want: "abcdefghij" },
    { name: "negative falls back to the default", secret: "abcdefghijklmnop", percent: -5, want: `abcd${M}` },
    { name: "over 100 falls back to the default", secret: "abcdefghijklmnop", percent: 150, want: `abcd${M}` },
    { name: "NaN falls back to the default", secret: "abcdefghijklmnop", percent: Number.NaN, want: `abcd${M}` },
    { name: "empty secret", secret: "", percent: undefined, want: "" },
  ])("$name", ({ secret, percent, want }) => {
    expect(redact(secret, percent)).toBe(want);
  });

  it("keeps a multi-line secret on one line", () => {
    const pem = `-----BEGIN KEY-----\n${randomToken("", 40)}\n-----END KEY-----`;
    const out = redact(pem, 60);
    expect(out).not.toMatch(/[\r\n]/);
    expect(out.startsWith("-----BEGIN KEY-----\\n")).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    expect(redact("🔑🔑🔑🔑🔑🔑🔑🔑", 50)).toBe(`🔑🔑🔑🔑${M}`);
  });

  it("never returns the full secret for any percent above 0", () => {
    for (let p = 1; p <= 100; p++) {
      expect(redact(token, p)).not.toContain(token);
      expect(redact(token, p).endsWith(M)).toBe(true);
    }
  });
});
