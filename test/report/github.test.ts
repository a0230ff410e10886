import { describe, expect, it } from "vitest";
import { annotation, escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { makeFinding, makeHistoryFinding, makeReport } from "./sample-report.js";

describe("workflow-command escaping", () => {
  it.each([
    { name: "percent", input: "100%", data: "100%25", prop: "100%25" },
    { name: "newlines", input: "a\r\nb", data: "a%0D%0Ab", prop: "a%0D%0Ab" },
    { name: "colon and comma only in properties", input: "a:b,c", data: "a:b,c", prop: "a%3Ab%2Cc" },
    { name: "already-escaped text is escaped again", input: "%3A", data: "%253A", prop: "%253A" },
  ])("$name", ({ input, data, prop }) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(prop);
  });
});

describe("formatGithub", () => {
  it("prints one ::error per finding with file, line, col and title", () => {
    const f = makeFinding();
    const line = annotation(f);
    expect(line).toMatch(
      new RegExp(`^::error file=src/config.ts,line=12,col=17,endColumn=${f.endColumn},title=Secret%3A GitHub personal access token \\(github-pat\\)::`),
    );
    expect(line).toContain("ghp_…(redacted)");
    expect(line.split("\n")).toHaveLength(1);
  });

  it("escapes commas and colons in file names so the annotation lands on the right file", () => {
    const line = annotation(makeFinding({ file: "dir,x/a:b.env" }));
    expect(line).toContain("file=dir%2Cx/a%3Ab.env,line=12");
  });

  it("uses endLine for secrets spanning lines", () => {
    const line = annotation(makeFinding({ line: 3, endLine: 7, endColumn: 10 }));
    expect(line).toContain("line=3,col=17,endLine=7,title=");
    expect(line).not.toContain("endColumn=");
  });

  it("names the commit and author of history findings in the message", () => {
    const line = annotation(makeHistoryFinding());
    expect(line).toContain("%0Aintroduced in commit 0123456789ab by Dev One on 2024-05-01T10:00:00Z");
  });

  it("ends with a plain summary line and prints only that when clean", () => {
    expect(formatGithub(makeReport([]))).toBe("scan-secrets: no secrets found\n");
    const out = formatGithub(makeReport([makeFinding(), makeFinding({ file: "b.ts" })])).trimEnd().split("\n");
    expect(out.filter((l) => l.startsWith("::error "))).toHaveLength(2);
    expect(out.at(-1)).toBe("scan-secrets: 2 findings");
  });
});
