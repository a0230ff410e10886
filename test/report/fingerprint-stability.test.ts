// Acceptance 2: partialFingerprints are identical across runs and after lines are inserted above a
// finding. Uses the real engine on a one-rule pack, so a position leaking into the identity fails.
import { describe, expect, it } from "vitest";
import type { Log } from "sarif";
import { compileRules, scanFragment } from "../../src/engine/index.js";
import type { RuleSpec } from "../../src/engine/types.js";
import { sarifLog } from "../../src/report/sarif.js";
import { randomToken } from "../support/tokens.js";
import { makeReport } from "./sample-report.js";

const spec: RuleSpec = {
  id: "test-token",
  description: "Test token",
  regex: "\\b(tstk_[A-Za-z0-9]{32})\\b",
  keywords: ["tstk_"],
  examples: { positive: [], negative: [] },
};
const rules = compileRules([spec]);

function fingerprints(text: string, path = "app/config.ts"): { lines: number[]; prints: unknown[] } {
  const findings = scanFragment(rules, { path, text });
  const log: Log = sarifLog(makeReport(findings));
  const results = log.runs[0]!.results!;
  return { lines: findings.map((f) => f.line), prints: results.map((r) => r.partialFingerprints) };
}

describe("SARIF partialFingerprints", () => {
  const token = randomToken("tstk_", 32);
  const text = `export const config = {\n  key: "${token}",\n};\n`;

  it("are identical across two runs", () => {
    expect(fingerprints(text).prints).toEqual(fingerprints(text).prints);
    expect(fingerprints(text).prints).toHaveLength(1);
  });

  it("survive lines inserted above the finding and re-indentation", () => {
    const before = fingerprints(text);
    const after = fingerprints(`// header\n// more\n\n${text.replace("  key", "      key")}`);
    expect(after.lines).toEqual([before.lines[0]! + 3]);
    expect(after.prints).toEqual(before.prints);
  });

  it("differ for a different secret or file", () => {
    const before = fingerprints(text).prints;
    expect(fingerprints(text.replace(token, randomToken("tstk_", 32))).prints).not.toEqual(before);
    expect(fingerprints(text, "other/file.ts").prints).not.toEqual(before);
  });
});
