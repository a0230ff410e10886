import { describe, expect, it } from "vitest";
import { applyAllowlists, isPathAllowlisted, resolveConfig } from "../../src/baseline/index.js";
import { finding, token } from "./helpers.js";

const config = resolveConfig(
  { allowlist: { paths: ["test/fixtures/**", "*.snap"], regexes: ["^tst_0000"], stopwords: ["Zebra"] } },
  "/repo",
  "/repo/.scan-secrets.json",
);

describe("isPathAllowlisted", () => {
  it.each([
    { name: "glob with a slash matches the whole path", path: "test/fixtures/a/b.env", allowed: true },
    { name: "glob without a slash matches the name anywhere", path: "src/deep/x.snap", allowed: true },
    { name: "unrelated path", path: "src/config.ts", allowed: false },
    { name: "prefix is not enough", path: "test/fixtures-other/a", allowed: false },
    { name: "the config file itself (its rule examples are secrets)", path: ".scan-secrets.json", allowed: true },
    { name: "the default baseline (hashes only)", path: ".secrets-baseline.json", allowed: true },
    { name: "a detect-secrets baseline (SHA-1s only)", path: "legacy/.secrets.baseline", allowed: true },
    { name: "a look-alike name", path: "x.secrets.baseline.txt", allowed: false },
  ])("$name", ({ path, allowed }) => {
    expect(isPathAllowlisted(config, path)).toBe(allowed);
  });
});

describe("applyAllowlists", () => {
  it.each([
    { name: "regex on the secret", secret: `tst_0000${token().slice(8)}`, by: "allowlist" },
    { name: "stopword, case-insensitive", secret: `tst_${token().slice(4, 20)}ZEBRA${token().slice(4, 15)}`, by: "allowlist" },
    { name: "nothing matches", secret: token(), by: undefined },
  ])("$name", ({ secret, by }) => {
    const [f] = applyAllowlists([finding("src/a.js", secret)], config);
    expect(f!.suppressedBy).toBe(by);
  });

  it("marks path-allowlisted findings (history and staged sources) and keeps earlier marks", () => {
    const out = applyAllowlists([finding("test/fixtures/x.js", token()), finding("a.js", token(), { suppressedBy: "inline" })], config);
    expect(out.map((f) => f.suppressedBy)).toEqual(["path", "inline"]);
  });
});
