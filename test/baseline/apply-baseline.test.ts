import { describe, expect, it } from "vitest";
import { applyBaseline, indexBaseline, newSalt, updateBaseline } from "../../src/baseline/index.js";
import { withDecision } from "../../src/cli/baseline-audit.js";
import { finding, scan, token } from "./helpers.js";

describe("applyBaseline", () => {
  const t1 = token();
  const file = updateBaseline({ previous: { version: 1, salt: newSalt(), entries: [] }, findings: [finding("a.js", t1)] }).baseline;
  const baseline = indexBaseline("/repo/.secrets-baseline.json", file, ".secrets-baseline.json");
  const suppressed = (fs: ReturnType<typeof scan>) => fs.map((f) => f.suppressedBy);

  it("suppresses the secret wherever it moved within the file", () => {
    const moved = scan("a.js", `${"\n".repeat(80)}\t\t${t1} // moved\n`);
    expect(suppressed(applyBaseline(moved, baseline))).toEqual(["baseline"]);
  });

  it("reports the same secret in another file, and another secret in the baselined file", () => {
    expect(suppressed(applyBaseline([finding("b.js", t1), finding("a.js", token())], baseline))).toEqual([undefined, undefined]);
  });

  it("with failOnUnaudited only audited entries suppress", () => {
    expect(suppressed(applyBaseline([finding("a.js", t1)], baseline, { failOnUnaudited: true }))).toEqual([undefined]);
    const audited = indexBaseline("/x", { ...file, entries: file.entries.map((e) => withDecision(e, "accepted")) });
    expect(suppressed(applyBaseline([finding("a.js", t1)], audited, { failOnUnaudited: true }))).toEqual(["baseline"]);
  });

  it("keeps earlier suppressions and never reports the baseline file itself", () => {
    const inline = scan("a.js", `${t1} // scan-secrets:allow\n`);
    expect(suppressed(applyBaseline(inline, baseline))).toEqual(["inline"]);
    expect(suppressed(applyBaseline([finding(".secrets-baseline.json", token())], baseline))).toEqual(["path"]);
    expect(applyBaseline([finding("b.js", t1)], undefined)[0]!.suppressedBy).toBeUndefined();
  });
});
