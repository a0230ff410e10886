import { createHash } from "node:crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { PROBLEM_CODES, type Problem, type ProblemCode } from "./types.js";
import type { VerifyResult } from "./verify.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** Key of the position-free fingerprint; bump the version if its inputs change. */
export const LOCKFILE_FINGERPRINT_KEY = "scanSecretsLockfile/v1";
const CODES = Object.keys(PROBLEM_CODES) as ProblemCode[];

/** SARIF 2.1.0 log: one rule per problem code, one result per problem located in its lockfile. */
export function lockfileSarifLog({ problems }: VerifyResult, toolVersion = "0.0.0"): Log {
  const rules: ReportingDescriptor[] = CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: sentence(PROBLEM_CODES[code]) },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["security", "supply-chain"] },
  }));
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "scan-secrets verify-lockfile", version: toolVersion, informationUri: "https://www.npmjs.com/package/scan-secrets", rules } },
        originalUriBaseIds: { SRCROOT: { description: { text: "The project directory given by --cwd." } } },
        results: problems.map(result),
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatLockfileSarif(result: VerifyResult, toolVersion?: string): string {
  return `${JSON.stringify(lockfileSarifLog(result, toolVersion), null, 2)}\n`;
}

function result(p: Problem): Result {
  return {
    ruleId: p.code,
    ruleIndex: CODES.indexOf(p.code),
    level: "error",
    message: { text: sentence(p.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: p.lockfile.split("\\").join("/"), uriBaseId: "SRCROOT" },
          region: { startLine: p.line ?? 1 },
        },
      },
    ],
    // Position-free: code, lockfile and package, so a result keeps its identity when lines move.
    partialFingerprints: { [LOCKFILE_FINGERPRINT_KEY]: createHash("sha256").update(`${p.code}\0${p.lockfile}\0${p.package}`).digest("hex") },
  };
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
