import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newSalt, parseBaseline, readBaselineFile, serializeBaseline, updateBaseline } from "../../src/baseline/index.js";
import { UsageError } from "../../src/cli/errors.js";
import { finding, token } from "./helpers.js";

const salt = "ab".repeat(32);
const entry = { ruleId: "test-token", file: "a.js", hash: "cd".repeat(32), firstSeen: { file: "a.js" }, state: "unaudited" };
const doc = (over: Record<string, unknown> = {}, e: Record<string, unknown> = entry) =>
  JSON.stringify({ version: 1, hashing: { algorithm: "hmac-sha256", salt }, entries: [e], ...over });

describe("parseBaseline", () => {
  it.each([
    { name: "truncated JSON", text: '{"version": 1, "entries": [ broken', key: "not valid JSON" },
    { name: "wrong version", text: doc({ version: 2 }), key: "version" },
    { name: "no salt", text: doc({ hashing: { algorithm: "hmac-sha256" } }), key: "hashing.salt" },
    { name: "entries not an array", text: doc({ entries: {} }), key: "entries" },
    { name: "bad state", text: doc({}, { ...entry, state: "ok" }), key: "entries[0].state" },
    { name: "hash is not hex", text: doc({}, { ...entry, hash: "secret" }), key: "entries[0].hash" },
    { name: "missing firstSeen", text: doc({}, { ...entry, firstSeen: undefined }), key: "entries[0].firstSeen" },
    { name: "bad commit", text: doc({}, { ...entry, firstSeen: { file: "a.js", commit: "HEAD" } }), key: "entries[0].firstSeen.commit" },
    { name: "duplicate entry", text: JSON.stringify({ version: 1, hashing: { algorithm: "hmac-sha256", salt }, entries: [entry, entry] }), key: "entries[1]" },
  ])("rejects $name naming the file and $key", ({ text, key }) => {
    expect(() => parseBaseline(text, "b.json")).toThrow(UsageError);
    expect(() => parseBaseline(text, "b.json")).toThrow(new RegExp(`^b\\.json: .*${key.replace(/[[\]().]/g, "\\$&")}`));
  });

  it("round-trips to the canonical text: sorted, pretty, trailing newline, no lines or dates", () => {
    const b = updateBaseline({ previous: { version: 1, salt: newSalt(), entries: [] }, findings: [finding("z.js", token()), finding("a.js", token())] }).baseline;
    const text = serializeBaseline(b);
    expect(text.endsWith("}\n")).toBe(true);
    expect(serializeBaseline(parseBaseline(text, "b.json"))).toBe(text);
    expect(JSON.parse(text).entries.map((e: { file: string }) => e.file)).toEqual(["a.js", "z.js"]);
    expect(text).not.toMatch(/"line|date|time/i);
  });

  it("reads a missing file as undefined", () => {
    const dir = mkdtempSync(join(tmpdir(), "bl-"));
    expect(readBaselineFile(join(dir, "none.json"))).toBeUndefined();
    writeFileSync(join(dir, "b.json"), doc());
    expect(readBaselineFile(join(dir, "b.json"))!.entries).toHaveLength(1);
    expect(readFileSync(join(dir, "b.json"), "utf8")).toBe(doc());
  });
});
