import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Ajv, type SchemaObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../src/cli/errors.js";
import { runVerifyLockfile } from "../../src/cli/verify-lockfile-command.js";

const BASE = join(import.meta.dirname, "..", "fixtures", "lockfile");
const tmp = mkdtempSync(join(tmpdir(), "verify-lockfile-cmd-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the command capturing stdout. */
async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const code = await runVerifyLockfile(args);
  vi.restoreAllMocks();
  return { code, out };
}

describe("runVerifyLockfile", () => {
  it("exits 0 on a valid lockfile and 1 on problems", async () => {
    expect((await run(["--cwd", join(BASE, "ok.pnpm-v9")])).code).toBe(0);
    expect((await run(["--cwd", join(BASE, "ng.pnpm-v6-drift")])).code).toBe(1);
  });

  it("--format json prints the contract shape", async () => {
    const { code, out } = await run(["--cwd", join(BASE, "ng.npm-v2-sections-disagree"), "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.version).toBe(1);
    expect(report.lockfiles).toEqual(["package-lock.json"]);
    expect(report.problems).toEqual([expect.objectContaining({ code: "conflicting-entry", lockfile: "package-lock.json", package: "node_modules/chalk", message: expect.any(String) })]);
  });

  it("-o writes the report to a file and nothing to stdout", async () => {
    const file = join(tmp, "report.json");
    const { code, out } = await run(["--cwd", join(BASE, "ng.npm-v3-drift"), "--format=json", "-o", file]);
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).problems.map((p: { code: string }) => p.code)).toContain("spec-mismatch");
  });

  it("text output names lockfile, line and code", async () => {
    const { out } = await run(["--cwd", join(BASE, "ng.yarn-v1-tampered")]);
    expect(out).toMatch(/^yarn\.lock:\d+ {2}disallowed-host {2}/m);
    expect(out).toMatch(/problems$/m);
  });

  it("--allowed-host and --allowed-scheme are applied", async () => {
    const root = join(BASE, "ng.npm-v3-supply-chain");
    const { out } = await run(["--cwd", root, "--format", "json", "--allowed-host", "evil.example.com", "--allowed-scheme", "http:"]);
    const codes = JSON.parse(out).problems.map((p: { code: string; package: string }) => `${p.code} ${p.package}`);
    expect(codes).not.toContain("disallowed-host has-flag@4.0.0");
    expect(codes).not.toContain("disallowed-scheme color-name@1.1.4");
    expect(codes).toContain("insecure-protocol color-name@1.1.4");
  });

  it.each([
    ["an unknown option", ["--bogus"]],
    ["a missing value", ["--cwd"]],
    ["an unknown format", ["--format", "xml"]],
    ["an unsupported lockfile version", ["--cwd", join(BASE, "err.npm-unknown-version")]],
    ["an unparsable lockfile", ["--cwd", join(BASE, "err.yarn-v1-syntax")]],
    ["a directory without lockfile", ["--cwd", join(BASE, "err.no-lockfile")]],
  ])("throws a one-line UsageError for %s", async (_, args) => {
    const err = await run(args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).not.toContain("\n");
  });

  it("--help prints usage and exits 0", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("verify-lockfile");
  });
});

describe("--format sarif", () => {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve("@microsoft/jest-sarif")), "schemas", "sarif-2.1.0-rtm.5.json");
  // The official schema is draft-04: only its `$schema` and top-level `id` need adapting for ajv.
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` only non-unicode regexes accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default(ajv);
  const validate = ajv.compile({ ...schema, $id: id } as SchemaObject);

  it.each(["ng.yarn-berry-tampered", "ng.npm-v3-drift", "ok.bun"])("%s validates against the SARIF 2.1.0 schema", async (dir) => {
    const { out } = await run(["--cwd", join(BASE, dir), "--format", "sarif"]);
    const log = JSON.parse(out);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it("has one rule per problem code, results located in the lockfile with fingerprints", async () => {
    const { out } = await run(["--cwd", join(BASE, "ng.pnpm-v9-tampered"), "--format", "sarif"]);
    const run0 = JSON.parse(out).runs[0];
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toContain("unpinned-git");
    for (const r of run0.results) {
      expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("pnpm-lock.yaml");
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(Object.values(r.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
    }
    const hostResult = run0.results.find((r: { ruleId: string }) => r.ruleId === "disallowed-host");
    expect(hostResult.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  });
});
