/** Builders for reporter tests. Secrets are generated at run time: no token literal in the repo. */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Ajv, type SchemaObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Finding } from "../../src/engine/types.js";
import { fingerprintOf } from "../../src/engine/fingerprint.js";
import type { ScanReport } from "../../src/report/scan-report.js";
import { githubToken } from "../support/tokens.js";

/** A finding with a fresh random secret; fingerprint computed like the engine does. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  const secret = overrides.secret ?? githubToken();
  const base: Finding = {
    ruleId: "github-pat",
    description: "GitHub personal access token",
    file: "src/config.ts",
    line: 12,
    column: 17,
    endLine: 12,
    endColumn: 17 + secret.length,
    secret,
    entropy: 4.81234,
    confidence: "high",
    severity: "critical",
    fingerprint: "",
    ...overrides,
  };
  return { ...base, fingerprint: overrides.fingerprint ?? fingerprintOf(base.ruleId, base.file, secret) };
}

/** A history finding (commit metadata filled in). */
export function makeHistoryFinding(overrides: Partial<Finding> = {}): Finding {
  return makeFinding({
    commit: "0123456789abcdef0123456789abcdef01234567",
    author: "Dev One",
    email: "dev@example.com",
    date: "2024-05-01T10:00:00Z",
    message: "add config",
    ...overrides,
  });
}

/** A report around `findings`. */
export function makeReport(findings: Finding[], overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    kind: "worktree",
    root: "/repo",
    findings,
    stats: { files: 3, bytes: 1234, commits: 0, durationMs: 12.4 },
    toolVersion: "0.1.0",
    ...overrides,
  };
}

/**
 * A validator for the official SARIF 2.1.0 schema shipped in @microsoft/jest-sarif. The file is
 * draft-04; its only draft-04-specific parts are `$schema` and `id`, so ajv (draft-07) reads it
 * once those are adapted.
 */
export function sarifSchemaValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve("@microsoft/jest-sarif")), "schemas");
  const schema = JSON.parse(readFileSync(join(dir, "sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regexes accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const addFormats = addFormatsModule as unknown as { default: (a: Ajv) => Ajv };
  addFormats.default(ajv);
  return ajv.compile({ ...rest, $id: id } as SchemaObject);
}
