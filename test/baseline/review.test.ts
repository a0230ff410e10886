import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { newSalt, updateBaseline } from "../../src/baseline/index.js";
import { askDecisions } from "../../src/cli/baseline-review.js";
import { finding, token } from "./helpers.js";

describe("askDecisions (interactive audit)", () => {
  const b = updateBaseline({ previous: { version: 1, salt: newSalt(), entries: [] }, findings: ["a.js", "b.js", "c.js"].map((f) => finding(f, token())) }).baseline;

  it("records accepted / false-positive with notes, skips, and stops at quit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    output.on("data", (d) => (shown += String(d)));
    input.end("f\ntest fixture\nwhat?\na\n\nq\n");
    const decisions = await askDecisions(b.entries, { input, output });
    const [a, bb] = b.entries;
    expect(decisions.get(a!.fingerprint)).toEqual({ state: "false-positive", note: "test fixture" });
    expect(decisions.get(bb!.fingerprint)).toEqual({ state: "accepted" });
    expect(decisions.size).toBe(2);
    expect(shown).toContain("[1/3]");
    expect(shown).not.toContain("tst_");
  });

  it("ends quietly when input closes", async () => {
    const input = new PassThrough();
    input.end("");
    expect((await askDecisions(b.entries, { input, output: new PassThrough() })).size).toBe(0);
  });
});
