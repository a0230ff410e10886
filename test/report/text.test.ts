import { describe, expect, it } from "vitest";
import { formatText } from "../../src/report/text.js";
import { makeFinding, makeHistoryFinding, makeReport } from "./sample-report.js";

const ANSI = /\u001b\[[0-9;]*m/;

describe("formatText", () => {
  it("groups findings under their file, one line per finding", () => {
    const report = makeReport([
      makeFinding({ file: "b.env", line: 2, column: 1 }),
      makeFinding({ file: "a.ts", line: 5, column: 3, ruleId: "aws-access-key-id", confidence: "medium" }),
      makeFinding({ file: "a.ts", line: 1, column: 9 }),
    ]);
    const lines = formatText(report).split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "a.ts",
      "  a.ts:1:9  github-pat  ghp_…(redacted)  [high]",
      "  a.ts:5:3  aws-access-key-id  ghp_…(redacted)  [medium]",
      "",
      "b.env",
      "  b.env:2:1  github-pat  ghp_…(redacted)  [high]",
      "",
    ]);
  });

  it.each([
    { name: "findings", report: makeReport([makeFinding(), makeFinding({ file: "x" })]), want: "2 findings in 2 files (3 files scanned, 1234 bytes) in 12 ms" },
    { name: "one finding", report: makeReport([makeFinding()]), want: "1 finding in 1 file (3 files scanned, 1234 bytes) in 12 ms" },
    { name: "clean", report: makeReport([]), want: "no secrets found (3 files scanned, 1234 bytes) in 12 ms" },
    {
      name: "history counts commits",
      report: makeReport([], { kind: "history", stats: { files: 9, bytes: 1, commits: 1, durationMs: 3 } }),
      want: "no secrets found (9 files scanned, 1 byte, 1 commit) in 3 ms",
    },
    {
      name: "allowed findings counted",
      report: makeReport([], { suppressed: [makeFinding({ suppressedBy: "inline" })] }),
      want: "no secrets found, 1 allowed (3 files scanned, 1234 bytes) in 12 ms",
    },
  ])("summary: $name", ({ report, want }) => {
    expect(formatText(report).trimEnd().split("\n").at(-1)).toBe(want);
  });

  it("shows the short commit, author and date of history findings", () => {
    const out = formatText(makeReport([makeHistoryFinding()], { kind: "history" }));
    expect(out).toContain("      commit 01234567 Dev One <dev@example.com> 2024-05-01T10:00:00Z\n");
  });

  it("marks allowed findings with their reason", () => {
    const out = formatText(makeReport([], { suppressed: [makeFinding({ suppressedBy: "baseline" })] }));
    expect(out).toContain("allowed (not failing):\n  src/config.ts:12:17  github-pat  ghp_…(redacted)  [high]  (baseline)");
  });

  it.each([
    { name: "colour off by default", options: {}, coloured: false },
    { name: "colour off when false", options: { color: false }, coloured: false },
    { name: "colour on when true", options: { color: true }, coloured: true },
  ])("$name", ({ options, coloured }) => {
    const out = formatText(makeReport([makeFinding()]), options);
    expect(ANSI.test(out)).toBe(coloured);
    expect(out.replace(new RegExp(ANSI.source, "g"), "")).toBe(formatText(makeReport([makeFinding({ secret: "ghp_" + "x".repeat(36) })])));
  });
});

describe("text report of unusual names", () => {
  it("escapes control characters in file names so each finding stays on one line", async () => {
    const { formatText } = await import("../../src/report/text.js");
    const f = { ruleId: "github-pat", description: "d", file: "a\nb\tc.js", line: 1, column: 2, endLine: 1, endColumn: 9, secret: "ghp" + "_" + "x".repeat(36), entropy: 4, confidence: "medium" as const, severity: "high" as const, fingerprint: "f" };
    const out = formatText({ kind: "worktree", root: "/r", findings: [f], stats: { files: 1, bytes: 1, commits: 0, durationMs: 1 }, toolVersion: "0" });
    expect(out).toContain("a\\nb\\tc.js:1:2");
    expect(out.split("\n").filter((l) => l.includes("github-pat"))).toHaveLength(1);
  });
});
