import { describe, expect, it } from "vitest";
import { compileRules, scanFragment } from "../../src/engine/index.js";
import type { RuleSpec } from "../../src/engine/types.js";
import { tokenChecksum } from "../../src/engine/checksum.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function body(n: number, seed = 7): string {
  let s = seed;
  return Array.from({ length: n }, () => ALNUM[(s = (s * 1103515245 + 12345) % 2147483648) % 62]).join("");
}
const ghp = (seed = 7) => "ghp" + "_" + body(36, seed);

const RULES: RuleSpec[] = [
  {
    id: "github-pat",
    description: "GitHub personal access token",
    regex: "\\b(ghp_[A-Za-z0-9]{36})\\b",
    keywords: ["ghp_"],
    validate: "github-crc32",
    examples: { positive: [], negative: [] },
  },
  {
    id: "generic-password",
    description: "Password assignment",
    regex: "password\\s*[:=]\\s*[\"']([^\"'\\s]{8,64})[\"']",
    flags: "i",
    keywords: ["password"],
    entropy: 3,
    examples: { positive: [], negative: [] },
  },
];
const set = compileRules(RULES);

describe("scanFragment", () => {
  it.each([
    { name: "plain line", text: `const t = "${ghp()}";`, line: 1, column: 12 },
    { name: "third line", text: `a\n\nexport const token = "${ghp()}";\n`, line: 3, column: 23 },
    { name: "CRLF does not shift columns", text: `a\r\nb\r\n  x = '${ghp()}'\r\n`, line: 3, column: 8 },
  ])("locates a token: $name", ({ text, line, column }) => {
    const f = scanFragment(set, { path: "a.ts", text });
    expect(f.map((x) => [x.ruleId, x.line, x.column])).toEqual([["github-pat", line, column]]);
  });

  it("maps diff fragment lines through lineMap", () => {
    const f = scanFragment(set, { path: "a.ts", text: `x\n${ghp()}\n`, lineMap: [10, 42] });
    expect(f[0]!.line).toBe(42);
  });

  it("reports the checksum as confidence", () => {
    const random30 = body(30, 3);
    const valid = "ghp" + "_" + random30 + tokenChecksum(random30);
    const [a] = scanFragment(set, { path: "a", text: valid });
    const [b] = scanFragment(set, { path: "a", text: ghp(3) });
    expect([a!.confidence, b!.confidence]).toEqual(["high", "medium"]);
  });

  it("does not match a token inside a longer word", () => {
    expect(scanFragment(set, { path: "a", text: `x${ghp()}` })).toEqual([]);
  });

  it("honours inline allow comments, and keeps them when asked", () => {
    const text = `t = "${ghp()}" // scan-secrets:allow`;
    expect(scanFragment(set, { path: "a", text })).toEqual([]);
    expect(scanFragment(set, { path: "a", text }, { keepSuppressed: true })[0]!.suppressedBy).toBe("inline");
    expect(scanFragment(set, { path: "a", text }, { inlineAllow: false })).toHaveLength(1);
  });

  it("prefers the specific rule where a generic one overlaps", () => {
    const f = scanFragment(set, { path: "a", text: `password = "${ghp()}"` });
    expect(f.map((x) => x.ruleId)).toEqual(["github-pat"]);
  });

  it.each(["changeme-please", "${DB_PASSWORD}", "xxxxxxxxxxxx", "EXAMPLEPASSWORD1"])("drops the placeholder %s", (v) => {
    expect(scanFragment(set, { path: "a", text: `password = "${v}"` })).toEqual([]);
  });

  it("keeps the fingerprint across line shifts but not across files", () => {
    const a = scanFragment(set, { path: "a", text: ghp() })[0]!;
    const b = scanFragment(set, { path: "a", text: `\n\n   ${ghp()}` })[0]!;
    const c = scanFragment(set, { path: "b", text: ghp() })[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });

  it("finds tokens in a very long minified line", () => {
    const line = "var a=1;".repeat(200_000) + `t="${ghp()}";` + "b.c=d;".repeat(100_000);
    const f = scanFragment(set, { path: "m.js", text: line });
    expect(f.map((x) => [x.line, x.column])).toEqual([[1, 1_600_004]]);
  });
});

describe("required literals", () => {
  const rule: RuleSpec = {
    id: "demo-url",
    description: "demo",
    regex: "://([a-z]{4,}:[A-Za-z0-9]{8,})",
    keywords: ["://"],
    requires: ["@"],
    examples: { positive: [], negative: [] },
  };
  const demo = compileRules([rule]);
  it("run the regex only in windows that hold them", () => {
    const secret = `user:${body(12)}`;
    expect(scanFragment(demo, { path: "a", text: `u = "https://${secret}@db.example.com"\nv = "https://${secret}/x"\n` }).map((f) => f.line)).toEqual([1]);
    expect(scanFragment(compileRules([{ ...rule, requires: undefined }]), { path: "a", text: `v = "https://${secret}/x"\n` })).toHaveLength(1);
  });
});

describe("rules without keywords", () => {
  const rule: RuleSpec = {
    id: "demo-key-file",
    description: "demo",
    regex: "^([0-9a-f]{32})\\n?$",
    keywords: [],
    path: "(?:^|/)secret\\.key$",
    examples: { positive: [], negative: [] },
  };
  it("run on the whole text of the files their path names, and only there", () => {
    const set = compileRules([rule]);
    const text = "3f9a0c7e5b21d84a6c0e9f1b2a7d3c58\n";
    expect(scanFragment(set, { path: "config/secret.key", text }).map((f) => f.ruleId)).toEqual(["demo-key-file"]);
    expect(scanFragment(set, { path: "config/other.txt", text })).toEqual([]);
  });
  it("need a path", () => {
    expect(() => compileRules([{ ...rule, path: undefined }])).toThrow(/keywords must list at least one literal/);
  });
});

describe("compileRules", () => {
  it.each([
    { name: "bad regex", spec: { regex: "(" }, msg: /"bad": regex is not a valid regex/ },
    { name: "no keywords", spec: { keywords: [] }, msg: /keywords/ },
    { name: "upper-case keyword", spec: { keywords: ["ABC"] }, msg: /lower-case/ },
    { name: "missing group", spec: { secretGroup: 3 }, msg: /secretGroup 3/ },
    { name: "empty required literal", spec: { requires: [""] }, msg: /requires/ },
  ])("names the rule and the problem: $name", ({ spec, msg }) => {
    const base: RuleSpec = { id: "bad", description: "d", regex: "(a)", keywords: ["a"], examples: { positive: [], negative: [] } };
    expect(() => compileRules([{ ...base, ...spec } as RuleSpec])).toThrow(msg);
  });
});

describe("countGroups", () => {
  it.each([
    ["(a)(b)", 2],
    ["(?:a)(b)", 1],
    ["\\(a\\)", 0],
    ["[(](a)", 1],
    ["(?<name>a)(?<=b)(?<!c)(?=d)(?!e)", 1],
    ["[\\]()](x)", 1],
  ])("%s has %i", async (src, n) => {
    const { countGroups } = await import("../../src/engine/compile-rules.js");
    expect(countGroups(src)).toBe(n);
    expect(new RegExp(`${src}|`).exec("")!.length - 1).toBe(n);
  });
});

describe("isPlaceholder", () => {
  it.each([
    ["AKIAIOSFODNN7EXAMPLE", true],
    ["${DB_PASSWORD}", true],
    ["<your-token>", true],
    ["xxxxxxxxxxxxxxxx", true],
    ["changeme123", true],
    ["todo-fill-in", true],
    ["test-password", true],
    ["process.env.API_KEY", true],
    ["aaaaaaaaaaaa", true],
    ["Zq3tbdX9kLm2Pq8Rw4Ys", false],
    ["sk_" + "test_" + "Vq8rKd2LwZ3mXp7Ty4NbHs9c", false],
    ["sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc", true], // Stripe's API reference key
    ["2YotnFZFEjr1zCsicMWpAA", true], // RFC 6749's example access token
    ["{self.password}", true],
    ["Xy7TODOk2Lq9wPz3Mn8R", false],
  ])("%s -> %s", async (value, expected) => {
    const { isPlaceholder } = await import("../../src/engine/placeholder.js");
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe("isUnlikelyGenericSecret", () => {
  it.each([
    ["external/cwe/cwe-798", true],
    ["git@github.com:o/r.git", true],
    ["ops@example.com", true],
    ["config.auth.token", true],
    ["not-a-real-value", true],
    ["file:../../../work/main", true],
    ["workspace:^1.2.0", true],
    ["npm:@scope/secret-manager@2.0.1", true],
    ["Zq3/tbdX9kLm2+Pq8Rw4Ys==", false],
    ["s3cr3tP@ssw0rd!2024", false],
    ["9f86d081884c7d659a2feaa0c55ad015", false],
  ])("%s -> %s", async (value, expected) => {
    const { isUnlikelyGenericSecret } = await import("../../src/engine/generic-value.js");
    expect(isUnlikelyGenericSecret(value)).toBe(expected);
  });
});

describe("generic rules and digests", () => {
  it("skip a hex digest on a line that names it a hash, keep it elsewhere", async () => {
    const { isUnlikelyGenericSecret } = await import("../../src/engine/generic-value.js");
    const hex = "d8df0d4a16a0b8d6e0b1b9bba32f0ce7e9f1a3c1";
    expect(isUnlikelyGenericSecret(hex, `"hashed_secret": "${hex}",`)).toBe(true);
    expect(isUnlikelyGenericSecret(hex, `client_secret = "${hex}"`)).toBe(false);
  });
});

describe("encoded values", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  it("decodes a Kubernetes Secret's data and reports the secret at the encoded value", () => {
    const tok = ghp(11);
    const text = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: app", "data:", `  GITHUB_TOKEN: ${b64(tok)}`, `  password: ${b64("Hz8#kq2Lw9!pXv4T")}`, ""].join("\n");
    const f = scanFragment(set, { path: "k8s/secret.yaml", text });
    expect(f.map((x) => [x.ruleId, x.line, x.column, x.encoding])).toEqual([
      ["github-pat", 6, 17, "base64"],
      ["generic-password", 7, 13, "base64"],
    ]);
    expect(f[0]!.secret).toBe(tok);
  });

  it("leaves base64 alone outside a Secret manifest", () => {
    expect(scanFragment(set, { path: "a.yaml", text: `kind: ConfigMap\ndata:\n  token: ${b64(ghp(12))}\n` })).toEqual([]);
  });
});

describe("validators", () => {
  it.each([
    ["deploy:Xk9#pL2qW7", "medium"],
    ["admin:admin", "reject"],
    ["user:changeme", "reject"],
    ["no-colon-here", "reject"],
  ])("basic-auth-base64 of %s is %s", async (plain, verdict) => {
    const { validateSecret } = await import("../../src/engine/validators.js");
    expect(validateSecret("basic-auth-base64", Buffer.from(plain).toString("base64"))).toBe(verdict);
  });

  it("treats %env(NAME)% as a placeholder", async () => {
    const { isPlaceholder } = await import("../../src/engine/placeholder.js");
    expect(isPlaceholder("%env(DB_PASSWORD)%")).toBe(true);
  });
});
