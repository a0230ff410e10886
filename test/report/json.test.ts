import { describe, expect, it } from "vitest";
import { formatJson, type JsonReport } from "../../src/report/json.js";
import { makeFinding, makeHistoryFinding, makeReport } from "./sample-report.js";

const parse = (text: string): JsonReport => JSON.parse(text) as JsonReport;

describe("formatJson", () => {
  it("prints the contract shape with a redacted secret and rounded entropy", () => {
    const f = makeFinding();
    const doc = parse(formatJson(makeReport([f])));
    expect(doc).toEqual({
      version: 1,
      findings: [
        {
          ruleId: "github-pat",
          description: "GitHub personal access token",
          file: "src/config.ts",
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: f.endColumn,
          secret: "ghp_…(redacted)",
          fingerprint: f.fingerprint,
          entropy: 4.81,
          confidence: "high",
          severity: "critical",
        },
      ],
      stats: { files: 3, bytes: 1234, commits: 0, durationMs: 12.4 },
    });
  });

  it.each([
    { name: "worktree finding has no history fields", finding: makeFinding(), has: [], lacks: ["commit", "author", "email", "date", "message"] },
    { name: "history finding carries commit metadata", finding: makeHistoryFinding(), has: ["commit", "author", "email", "date", "message"], lacks: [] },
  ])("$name", ({ finding, has, lacks }) => {
    const [out] = parse(formatJson(makeReport([finding]))).findings;
    for (const key of has) expect(out).toHaveProperty(key);
    for (const key of lacks) expect(Object.keys(out!)).not.toContain(key);
  });

  it("sorts findings by file and line", () => {
    const report = makeReport([makeFinding({ file: "b.ts", line: 1 }), makeFinding({ file: "a.ts", line: 9 }), makeFinding({ file: "a.ts", line: 2 })]);
    const where = parse(formatJson(report)).findings.map((f) => `${f.file}:${f.line}`);
    expect(where).toEqual(["a.ts:2", "a.ts:9", "b.ts:1"]);
  });

  it("lists suppressed findings separately, only when there are some", () => {
    expect(parse(formatJson(makeReport([]))).suppressed).toBeUndefined();
    const doc = parse(formatJson(makeReport([], { suppressed: [makeFinding({ suppressedBy: "baseline" })] })));
    expect(doc.findings).toEqual([]);
    expect(doc.suppressed?.[0]?.suppressedBy).toBe("baseline");
  });

  it("honours redactPercent", () => {
    const f = makeFinding();
    expect(parse(formatJson(makeReport([f]), { redactPercent: 100 })).findings[0]?.secret).toBe("…(redacted)");
    expect(parse(formatJson(makeReport([f]), { redactPercent: 0 })).findings[0]?.secret).toBe(f.secret);
  });
});
