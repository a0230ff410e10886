import { describe, expect, it } from "vitest";
import { newSalt, serializeBaseline, updateBaseline } from "../../src/baseline/index.js";
import { withDecision } from "../../src/cli/baseline-audit.js";
import { finding, scan, token } from "./helpers.js";

const empty = () => ({ version: 1 as const, salt: newSalt(), entries: [] });

describe("updateBaseline", () => {
  const t1 = token();
  const t2 = token();
  const findings = [finding("a.js", t1), finding("b.yml", t2)];

  it("adds new findings as unaudited and is deterministic", () => {
    const prev = empty();
    const first = updateBaseline({ previous: prev, findings });
    expect(first.changes.added.map((e) => e.state)).toEqual(["unaudited", "unaudited"]);
    const again = updateBaseline({ previous: first.baseline, findings: [...findings].reverse() });
    expect(serializeBaseline(again.baseline)).toBe(serializeBaseline(first.baseline));
    expect(again.changes.added).toEqual([]);
    expect(again.changes.removed).toEqual([]);
  });

  it("matches without line numbers: 50 lines inserted and re-indented changes nothing", () => {
    const before = scan("a.js", `const a = "${t1}";\n`);
    const after = scan("a.js", `${"// filler\n".repeat(50)}    const a =\n        "${t1}";\n`);
    expect(after[0]!.line).toBe(52);
    const b1 = updateBaseline({ previous: empty(), findings: before }).baseline;
    const b2 = updateBaseline({ previous: b1, findings: after });
    expect(serializeBaseline(b2.baseline)).toBe(serializeBaseline(b1));
  });

  it("treats the same secret in a new file, and a different secret on a baselined line, as new", () => {
    const b1 = updateBaseline({ previous: empty(), findings: [finding("a.js", t1)] }).baseline;
    const moved = updateBaseline({ previous: b1, findings: [finding("a.js", t1), finding("new.js", t1)] });
    expect(moved.changes.added.map((e) => e.file)).toEqual(["new.js"]);
    const swapped = updateBaseline({ previous: b1, findings: [finding("a.js", token())] });
    expect(swapped.changes.added).toHaveLength(1);
    expect(swapped.changes.removed).toHaveLength(1);
  });

  it("keeps audit decisions and drops entries no longer found, reporting them", () => {
    const b1 = updateBaseline({ previous: empty(), findings }).baseline;
    const audited = { ...b1, entries: b1.entries.map((e) => withDecision(e, "false-positive", "test data")) };
    const b2 = updateBaseline({ previous: audited, findings: [findings[0]!] });
    expect(b2.baseline.entries).toHaveLength(1);
    expect(b2.baseline.entries[0]).toMatchObject({ state: "false-positive", note: "test data", file: "a.js" });
    expect(b2.changes.removed.map((e) => e.file)).toEqual(["b.yml"]);
  });

  it("keeps missing entries with keepMissing, and entries outside the scope", () => {
    const b1 = updateBaseline({ previous: empty(), findings }).baseline;
    expect(updateBaseline({ previous: b1, findings: [], keepMissing: true }).baseline.entries).toHaveLength(2);
    const scoped = updateBaseline({ previous: b1, findings: [], inScope: (e) => e.file === "a.js" });
    expect(scoped.baseline.entries.map((e) => e.file)).toEqual(["b.yml"]);
  });

  it("records the earliest commit of history findings, whatever their order", () => {
    const c1 = finding("a.js", t1, { commit: "a".repeat(40), date: "2024-01-01T00:00:00Z" });
    const c2 = finding("a.js", t1, { commit: "b".repeat(40), date: "2023-01-01T00:00:00Z" });
    const x = updateBaseline({ previous: empty(), findings: [c1, c2] }).baseline;
    const y = updateBaseline({ previous: { ...x, entries: [] }, findings: [c2, c1] }).baseline;
    expect(x.entries[0]!.firstSeen).toEqual({ file: "a.js", commit: "b".repeat(40) });
    expect(y.entries[0]!.firstSeen.commit).toBe("b".repeat(40));
  });
});
