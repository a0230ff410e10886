import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/baseline/index.js";
import { UsageError } from "../../src/cli/errors.js";
import { testRule, token } from "./helpers.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/baseline/config-invalid");
const SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, "../../schema/scan-secrets.schema.json"), "utf8"));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: true })).compile(SCHEMA);

/** One fixture per mistake: the key the one-line error must name; `schema` when the JSON Schema catches it too. */
const CASES = [
  { name: "unknown-top-key", key: "allowlists", schema: true },
  { name: "allowlist-unknown-key", key: "allowlist.path", schema: true },
  { name: "allowlist-bad-regex", key: "allowlist.regexes[1]", schema: true },
  { name: "allowlist-paths-not-array", key: "allowlist.paths", schema: true },
  { name: "allowlist-empty-stopword", key: "allowlist.stopwords[1]", schema: true },
  { name: "entropy-out-of-range", key: "entropy.my-rule", schema: true },
  { name: "entropy-unknown-rule", key: "entropy.no-such-rule", schema: false },
  { name: "disabled-unknown-rule", key: "disabledRules[0]", schema: false },
  { name: "disabled-not-string", key: "disabledRules[0]", schema: true },
  { name: "rules-not-array", key: "rules", schema: true },
  { name: "rule-missing-regex", key: "rules[0] (my-rule)", schema: true },
  { name: "rule-bad-id", key: "rules[0] (My_Rule)", schema: true },
  { name: "rule-unknown-key", key: "rules[0] (my-rule).keyword", schema: true },
  { name: "rule-bad-regex", key: "rules[0] (my-rule)", schema: true },
  { name: "rule-uppercase-keyword", key: "rules[0] (my-rule)", schema: true },
  { name: "rule-no-examples", key: "rules[0] (my-rule).examples", schema: true },
  { name: "rule-positive-example-finds-nothing", key: "rules[0] (my-rule).examples.positive[0]", schema: false },
  { name: "not-json", key: "not valid JSON", schema: false },
];

describe("loadConfig: invalid configs", () => {
  it.each(CASES)("$name: one line naming the file and $key", ({ name, key }) => {
    const path = join(FIXTURES, `${name}.json`);
    let error: unknown;
    try {
      loadConfig({ root: FIXTURES, path });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}.json: invalid config: ${key}`);
    expect(message).not.toContain("\n");
  });

  it.each(CASES.filter((c) => c.schema))("$name: the shipped JSON Schema rejects it too", ({ name }) => {
    expect(validate(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")))).toBe(false);
  });

  it("runs negative examples of custom rules", () => {
    const rule = { ...testRule(), examples: { positive: [`v = ${token()}`], negative: [`v = ${token()}`] } };
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    writeFileSync(join(dir, ".scan-secrets.json"), JSON.stringify({ rules: [rule] }));
    expect(() => loadConfig({ root: dir })).toThrow(/rules\[0\] \(test-token\)\.examples\.negative\[0\]/);
  });
});

describe("loadConfig: valid configs", () => {
  it("without a file is empty; with --config pointing nowhere is an error", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    expect(loadConfig({ root: dir })).toMatchObject({ rules: [], disabledRules: [], selfPaths: [] });
    expect(() => loadConfig({ root: dir, path: join(dir, "nope.json") })).toThrow(/nope\.json: cannot read config/);
  });

  it("resolves rules, disabled rules, entropy and allowlists, and matches the schema", () => {
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    const raw = {
      $schema: "./node_modules/scan-secrets/schema/scan-secrets.schema.json",
      rules: [testRule(), testRule("other-token")],
      disabledRules: ["other-token"],
      entropy: { "test-token": 4.5 },
      allowlist: { paths: ["test/**"], regexes: ["^tst_EXAMPLE"], stopwords: ["Dummy"] },
    };
    expect(validate(raw)).toBe(true);
    writeFileSync(join(dir, ".scan-secrets.json"), JSON.stringify(raw));
    const config = loadConfig({ root: dir });
    expect(config.rules.map((r) => r.id)).toEqual(["test-token", "other-token"]);
    expect(config).toMatchObject({ disabledRules: ["other-token"], entropy: { "test-token": 4.5 }, selfPaths: [".scan-secrets.json"] });
    expect(config.allowlist.stopwords).toEqual(["dummy"]);
  });
});
