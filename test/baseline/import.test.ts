import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importDetectSecrets, importGitleaks, mergeImported, newSalt, parseIgnoreLine, updateBaseline } from "../../src/baseline/index.js";
import { makeRandom, randomString } from "../support/expand-template.js";
import { scan, token } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/baseline");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
/** The deterministic secrets whose SHA-1s the detect-secrets fixture holds (built here, never stored). */
const secret = (seed: number) => `tst_${randomString(makeRandom(seed), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32)}`;

/** The current work tree the foreign baselines describe, with secrets moved down a few lines since. */
const findings = [
  ...scan("config/settings.py", `import os\n\n\n\n\nAPI = "${secret(101)}"\n`),
  ...scan("deploy/app.env", `# env\nTOKEN=${secret(202)}\n`),
  ...scan("src/client.js", `// client\nconst t = "${secret(303)}";\nconst u = "${token()}";\n`),
];

describe("importDetectSecrets", () => {
  it("maps is_secret false/true/absent to false-positive/accepted/unaudited by file + SHA-1", () => {
    const r = importDetectSecrets(read("detect-secrets/.secrets.baseline"), "ds", findings);
    expect(r.decisions.map((d) => [d.finding.file, d.state])).toEqual([
      ["config/settings.py", "false-positive"],
      ["deploy/app.env", "accepted"],
      ["src/client.js", "unaudited"],
    ]);
    expect(r.decisions[0]!.note).toBe("imported from detect-secrets (Secret Keyword)");
    expect(r.unmatched).toEqual(["removed.py:9 Secret Keyword"]);
  });

  it("rejects a file that is not a detect-secrets baseline, naming it", () => {
    expect(() => importDetectSecrets("{}", "x.baseline", findings)).toThrow(/^x\.baseline: not a detect-secrets baseline/);
    expect(() => importDetectSecrets('{"results": {"a": [{}]}}', "x.baseline", findings)).toThrow(/results\.a/);
  });
});

describe("importGitleaks", () => {
  it("reads .gitleaksignore fingerprints (with and without commit) as accepted", () => {
    const r = importGitleaks(read("gitleaks.gitleaksignore"), ".gitleaksignore", findings);
    expect(r.decisions.map((d) => [d.finding.file, d.finding.line, d.state])).toEqual([
      ["deploy/app.env", 2, "accepted"],
      ["src/client.js", 2, "accepted"],
    ]);
    expect(r.unmatched).toEqual(["config/gone.yml:aws-access-token:7"]);
  });

  it("reads a JSON report (Secret matched by file) as unaudited", () => {
    const text = read("gitleaks-report.json").replace(/\{\{secret:(\d+)\}\}/g, (_, seed: string) => secret(Number(seed)));
    const r = importGitleaks(text, "report.json", findings);
    expect(r.decisions.map((d) => [d.finding.file, d.state])).toEqual([["config/settings.py", "unaudited"]]);
    expect(r.unmatched).toEqual(["old/removed.yml:12 generic-api-key"]);
    expect(() => importGitleaks("[{}]", "report.json", findings)).toThrow(/^report\.json: \[0\]/);
  });

  it.each([
    { line: "a/b.js:rule-x:12", want: { commit: undefined, file: "a/b.js", rule: "rule-x", line: 12 } },
    { line: "3f6a0c1d:c:/w/x.js:rule-x:3", want: { commit: "3f6a0c1d", file: "c:/w/x.js", rule: "rule-x", line: 3 } },
    { line: "a.js:12", want: undefined },
    { line: "a.js:rule:zero", want: undefined },
  ])("parseIgnoreLine($line)", ({ line, want }) => {
    expect(parseIgnoreLine(line)).toEqual(want);
  });
});

describe("mergeImported", () => {
  it("adds new entries with the imported state and never overrides an audit decision", () => {
    const base = updateBaseline({ previous: { version: 1, salt: newSalt(), entries: [] }, findings: findings.slice(0, 1) }).baseline;
    const r = importDetectSecrets(read("detect-secrets/.secrets.baseline"), "ds", findings);
    const { baseline, counts } = mergeImported(base, r.decisions);
    expect(counts).toEqual({ added: 2, updated: 1, unchanged: 0 });
    expect(baseline.entries.map((e) => e.state).sort()).toEqual(["accepted", "false-positive", "unaudited"]);
    const again = mergeImported(baseline, r.decisions.map((d) => ({ ...d, state: "accepted" as const })));
    expect(again.counts).toEqual({ added: 0, updated: 1, unchanged: 2 });
  });
});
