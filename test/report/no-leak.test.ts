import { describe, expect, it } from "vitest";
import { REPORT_FORMATS, isReportFormat, renderReport } from "../../src/report/index.js";
import { randomToken } from "../support/tokens.js";
import { makeFinding, makeHistoryFinding, makeReport } from "./sample-report.js";

// Acceptance 4: no format prints a full secret, whatever the redaction setting above 0.
describe("no format prints a full secret", () => {
  const secret = randomToken("ghp_", 60);
  const pem = `-----BEGIN RSA PRIVATE KEY-----\n${randomToken("", 64)}\n${randomToken("", 64)}\n-----END RSA PRIVATE KEY-----`;
  const report = makeReport(
    [makeFinding({ secret }), makeHistoryFinding({ secret, file: "old.env" }), makeFinding({ secret: pem, ruleId: "private-key" })],
    { suppressed: [makeFinding({ secret, suppressedBy: "baseline", file: "x" })] },
  );
  const cases = REPORT_FORMATS.flatMap((format) =>
    [undefined, 1, 50, 99, 100].map((redactPercent) => ({ format, redactPercent })),
  );

  it.each(cases)("$format, redact $redactPercent", ({ format, redactPercent }) => {
    const out = renderReport(format, report, { redactPercent, color: true });
    expect(out).not.toContain(secret);
    expect(out).not.toContain(secret.slice(-16));
    expect(out).not.toContain(pem);
    expect(out).not.toContain(pem.slice(-40));
    // By default or at 100 %, no line of the key body shows, raw or escaped.
    if (redactPercent === undefined || redactPercent === 100) {
      for (const line of pem.split("\n").slice(1, 3)) expect(out).not.toContain(line);
    }
  });

  it("only --redact 0 shows the full secret (so the checks above can fail)", () => {
    expect(renderReport("json", report, { redactPercent: 0 })).toContain(secret);
  });
});

describe("isReportFormat", () => {
  it.each([
    { input: "text", want: true },
    { input: "sarif", want: true },
    { input: "github", want: true },
    { input: "json", want: true },
    { input: "xml", want: false },
    { input: "", want: false },
    { input: 3, want: false },
  ])("$input -> $want", ({ input, want }) => {
    expect(isReportFormat(input)).toBe(want);
  });
});
