import { describe, expect, it } from "vitest";
import type { Log, Result } from "sarif";
import { FINGERPRINT_KEY, formatSarif, normalizeRepositoryUri, sarifLog } from "../../src/report/sarif.js";
import { makeFinding, makeHistoryFinding, makeReport, sarifSchemaValidator } from "./sample-report.js";

const validate = sarifSchemaValidator();
const rules = [
  { id: "github-pat", description: "GitHub personal access token", remediation: "Revoke it in the GitHub settings.", severity: "critical" as const },
];

const reports = {
  empty: makeReport([]),
  worktree: makeReport([makeFinding(), makeFinding({ ruleId: "aws-access-key-id", description: "AWS access key ID", file: "deploy/my env.sh", severity: "medium" })], {
    repositoryUri: "git@github.com:example/app.git",
    revision: "a".repeat(40),
    branch: "main",
  }),
  history: makeReport([makeHistoryFinding()], { kind: "history", repositoryUri: "https://github.com/example/app", revision: "b".repeat(40) }),
  "with suppressed": makeReport([], { suppressed: [makeFinding({ suppressedBy: "inline" }), makeFinding({ suppressedBy: "baseline", file: "z" })] }),
};

const parse = (text: string): Log => JSON.parse(text) as Log;
const firstResult = (log: Log): Result => log.runs[0]!.results![0]!;

describe("formatSarif", () => {
  it.each(Object.entries(reports).map(([name, report]) => ({ name, report })))("$name validates against the SARIF 2.1.0 schema", ({ report }) => {
    const log = parse(formatSarif(report, { rules }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe("2.1.0");
  });

  it("the schema validator rejects a broken log (the check can fail)", () => {
    const log = parse(formatSarif(reports.worktree));
    delete (log.runs[0]!.results![0] as Partial<Result>).message;
    expect(validate(log)).toBe(false);
  });

  it("describes each rule used once, with help text and security-severity", () => {
    const log = sarifLog(reports.worktree, { rules });
    const driver = log.runs[0]!.tool.driver;
    expect(driver.rules?.map((r) => [r.id, r.name, r.properties?.["security-severity"]])).toEqual([
      ["aws-access-key-id", "AwsAccessKeyId", "5.5"],
      ["github-pat", "GithubPat", "9.5"],
    ]);
    expect(driver.rules?.[1]?.help?.text).toContain("Revoke it in the GitHub settings.");
    expect(driver.rules?.[0]?.help?.text).toMatch(/rotate the credential/);
    expect(driver.rules?.[1]?.fullDescription?.text).toBeTruthy();
    expect(log.runs[0]!.results!.map((r) => r.ruleIndex)).toEqual([0, 1]);
  });

  it("locates results relative to the repository root with start line and column", () => {
    const loc = sarifLog(reports.worktree).runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: "deploy/my%20env.sh", uriBaseId: "SRCROOT" });
    expect(loc.region).toMatchObject({ startLine: 12, startColumn: 17 });
  });

  it("carries the stable fingerprint, not a line hash", () => {
    const f = makeFinding();
    const result = firstResult(sarifLog(makeReport([f])));
    expect(result.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: f.fingerprint });
  });

  it("puts the introducing commit of history findings in result properties", () => {
    const result = firstResult(sarifLog(reports.history));
    expect(result.properties).toMatchObject({ commit: "0123456789abcdef0123456789abcdef01234567", author: "Dev One" });
    expect(result.message.text).toContain("0123456789abcdef0123456789abcdef01234567");
  });

  it("records version control provenance mapped to the root", () => {
    const [vcs] = sarifLog(reports.worktree).runs[0]!.versionControlProvenance!;
    expect(vcs).toEqual({ repositoryUri: "ssh://git@github.com/example/app.git", revisionId: "a".repeat(40), branch: "main", mappedTo: { uriBaseId: "SRCROOT" } });
    expect(sarifLog(reports.empty).runs[0]!.versionControlProvenance).toBeUndefined();
  });

  it("reports allowed findings as suppressed results", () => {
    const results = sarifLog(reports["with suppressed"]).runs[0]!.results!;
    expect(results.map((r) => r.suppressions?.[0]?.kind)).toEqual(["inSource", "external"]);
  });
});

describe("normalizeRepositoryUri", () => {
  const user = "x-access-token";
  const credential = ["tok", "en", "123"].join("");
  it.each([
    { name: "scp-style ssh", input: "git@github.com:o/r.git", want: "ssh://git@github.com/o/r.git" },
    { name: "https", input: "https://github.com/o/r", want: "https://github.com/o/r" },
    { name: "https with embedded credentials", input: `https://${user}:${credential}@github.com/o/r.git`, want: "https://github.com/o/r.git" },
    { name: "ssh url", input: "ssh://git@host:2222/o/r.git", want: "ssh://git@host:2222/o/r.git" },
    { name: "local path", input: "/srv/git/r.git", want: undefined },
    { name: "file url", input: "file:///srv/git/r.git", want: undefined },
  ])("$name", ({ input, want }) => {
    expect(normalizeRepositoryUri(input)).toBe(want);
  });
});
