/**
 * Value filters added for the password rules: `user@word` is not an address, `user:user` pairs are
 * placeholders, published documentation keys are not findings of the generic rules.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isUnlikelyGenericSecret } from "../../src/engine/generic-value.js";
import { isPlaceholder, isPublishedExample } from "../../src/engine/placeholder.js";

/** Stripe's API-reference test key, assembled at run time so the repository holds no token. */
const STRIPE_DOCS_KEY = ["sk", "test", "4eC39HqLyjWDarjtT1zdp7dc"].join("_");

describe("isUnlikelyGenericSecret: addresses and remotes", () => {
  it.each([
    { name: "e-mail address", value: "ops@acme.io", expected: true },
    { name: "localhost address", value: "root@localhost", expected: true },
    { name: "git remote", value: "git@github.com:o/r.git", expected: true },
    { name: "host alias remote", value: "git@gh:o/r.git", expected: true },
    { name: "human password with @", value: "Summer@2024winter", expected: false },
    { name: "word@digits", value: "orders@9931", expected: false },
  ])("$name", ({ value, expected }) => {
    expect(isUnlikelyGenericSecret(value)).toBe(expected);
  });

  it("drops a published documentation key", () => {
    expect(isUnlikelyGenericSecret(STRIPE_DOCS_KEY)).toBe(true);
    expect(isUnlikelyGenericSecret(STRIPE_DOCS_KEY.slice(0, -1) + "x")).toBe(false);
  });
});

describe("isPublishedExample", () => {
  it("matches by SHA-256 only", () => {
    expect(isPublishedExample(STRIPE_DOCS_KEY)).toBe(true);
    expect(isPublishedExample("sk_test_" + "Zq3tbdX9kLm2Pq8Rw4YsAb12")).toBe(false);
    expect(createHash("sha256").update(STRIPE_DOCS_KEY).digest("hex")).toMatch(/^2caf/);
  });
});

describe("isPlaceholder: user:password pairs", () => {
  it.each([
    { name: "password repeats the user", value: "admin:admin", expected: true },
    { name: "longer repeat", value: "deploy-bot:deploy-bot", expected: true },
    { name: "different password", value: "deploy:Vq8mZt2rLx9Wk4p", expected: false },
    { name: "user is a prefix of the password", value: "ci:ci-Vq8mZt2rLx9", expected: false },
  ])("$name", ({ value, expected }) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe("isUnlikelyGenericSecret: code identifiers", () => {
  it.each([
    { value: "readToken_mult_modulo", expected: true },
    { value: "JSXOpeningElement", expected: true },
    { value: "_noLineTerminatorAfter", expected: true },
    { value: "Tr0ub4dor_and3", expected: false },
    { value: "qZxvBnMwRtYpLk", expected: false },
    { value: "getAccessTokenSilently", expected: true },
    { value: "hunter2hunter2", expected: false },
  ])("$value -> $expected", ({ value, expected }) => {
    expect(isUnlikelyGenericSecret(value)).toBe(expected);
  });
});

/** Values assembled at run time: as literals next to secret-like names they would trip our own scan. */
const PW = ["Xk9#", "pL2qW7vB"].join("");
const SLASHED = ["/Xk9pL2", "qW7vB+a/Zq"].join("");
const NAME = ["_findLast", "TokenOfNode"].join("");
const SYM = ["symbol", "2label"].join("");

describe("isUnlikelyGenericSecret: lists of quoted strings", () => {
  it("skips an item of a long string list (source map names) but not a call's value", () => {
    const list = `"names":["childTok","high","push","cached","_findFirstTokenOfNode","${NAME}","x","y"]`;
    expect(isUnlikelyGenericSecret(NAME, list)).toBe(true);
    expect(isUnlikelyGenericSecret(PW, `config.set("password", "${PW}");`)).toBe(false);
  });
});

describe("isUnlikelyGenericSecret: settings, paths and tuples", () => {
  it.each([
    { value: "true|false", line: "x.password.toHashes = true|false", expected: true },
    { value: "/Users/maciej", line: "  PWD: '/Users/maciej',", expected: true },
    { value: SYM, line: `                          "tokens", "${SYM}"):`, expected: true },
    { value: PW, line: `getenv("TOKEN", "${PW}")`, expected: false },
    { value: PW, line: `  password: "${PW}"`, expected: false },
    { value: SLASHED, line: `  secret: "${SLASHED}"`, expected: false },
  ])("$value in $line -> $expected", ({ value, line, expected }) => {
    expect(isUnlikelyGenericSecret(value, line)).toBe(expected);
  });
});
