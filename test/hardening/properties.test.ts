/**
 * Hardening (property-based, fast-check): the engine, the diff parser, the baseline file and every
 * lockfile parser on arbitrary input: never an unexpected exception, deterministic, and every
 * location they report lies inside the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanFragment } from "../../src/engine/index.js";
import { loadRulePack } from "../../src/rules/load-rule-pack.js";
import { parseDiff, type AddedLines } from "../../src/sources/parse-diff.js";
import { makeEntry, parseBaseline, serializeBaseline, type BaselineFile } from "../../src/baseline/index.js";
import { UsageError } from "../../src/cli/errors.js";
import { LockfileError } from "../../src/lockfile/lockfile-error.js";
import { parseBun } from "../../src/lockfile/parse/parse-bun.js";
import { parseNpm } from "../../src/lockfile/parse/parse-npm.js";
import { parsePnpm } from "../../src/lockfile/parse/parse-pnpm.js";
import { parseYarnBerry } from "../../src/lockfile/parse/parse-yarn-berry.js";
import { parseYarnV1 } from "../../src/lockfile/parse/parse-yarn-v1.js";
import { githubToken, awsKeyId, stripeKey } from "../support/tokens.js";
import { shippedRules } from "./helpers.js";

const RUNS = { numRuns: 300 };
const rules = shippedRules();
const keywords = [...new Set(loadRulePack().flatMap((r) => r.keywords))];

/** Text built from the pieces secrets and their surroundings are made of, plus arbitrary strings. */
const piece = fc.oneof(
  fc.constantFrom(...keywords),
  fc.constantFrom("\n", "\r\n", "\r", "=", ": ", '"', "'", "`", " ", "\t", "\uFEFF", "\u0000", "\ud800", "\udc00", "😀", "é", "scan-secrets:allow", "-----BEGIN RSA PRIVATE KEY-----\n", "-----END RSA PRIVATE KEY-----"),
  fc.constant(null).map(() => githubToken()),
  fc.constant(null).map(() => awsKeyId()),
  fc.constant(null).map(() => stripeKey()),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[A-Za-z0-9_+/=-]{8,64}$/),
);
const text = fc.oneof(fc.array(piece, { maxLength: 60 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 500 }));

describe("engine", () => {
  it("never throws, is deterministic, and every finding's location lies inside the text", () => {
    fc.assert(
      fc.property(text, fc.constantFrom("a.ts", ".env", "config/x.yml", "id_rsa", ""), (t, path) => {
        const first = scanFragment(rules, { path, text: t });
        expect(scanFragment(rules, { path, text: t })).toEqual(first);
        const lines = t.split("\n");
        for (const f of first) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
          expect(f.endLine).toBeLessThanOrEqual(lines.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1]!.length + 1);
          // the reported position is where the secret is
          expect(lines.slice(f.line - 1).join("\n").slice(f.column - 1)).toMatch(new RegExp(`^${escape(f.secret)}`));
        }
      }),
      RUNS,
    );
  });

  it("with a diff line map, findings land on mapped lines", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 1e6 }), (t, base) => {
        const count = t.split("\n").length;
        const lineMap = Array.from({ length: count }, (_, i) => base + 2 * i);
        for (const f of scanFragment(rules, { path: "a.ts", text: t, lineMap })) {
          expect(lineMap).toContain(f.line);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
        }
      }),
      RUNS,
    );
  });

  it("the property can fail: a planted token is found where it was put", () => {
    const tok = githubToken();
    const [f] = scanFragment(rules, { path: "a.ts", text: `x\r\n  t = "${tok}"\n` });
    expect([f?.line, f?.column, f?.secret === tok]).toEqual([2, 8, true]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lines that look like git patch output, in any order, with any numbers. */
const diffLine = fc.oneof(
  fc.constantFrom("diff --git a/x b/x", "diff --cc x", "diff --combined x", "--- a/x", "+++ b/x", "+++ /dev/null", '+++ "b/q\\303\\251\\n\\"x"', '+++ "b/\\777\\', "\\ No newline at end of file", "Subproject commit 0123456", "Binary files a/x and b/x differ", "@@@ -1 -1 +1,2 @@@", "@@ -0,0 +1 @@", "@@ garbage"),
  fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => `@@ -${a} +${b},3 @@ ctx`),
  fc.string({ maxLength: 30 }).map((s) => `+${s}`),
  fc.string({ maxLength: 30 }).map((s) => `++${s}`),
  fc.string({ maxLength: 30 }).map((s) => `-${s}`),
  fc.string({ maxLength: 30 }).map((s) => ` ${s}`),
  fc.string({ maxLength: 30 }),
);
const patch = fc.oneof(fc.array(diffLine, { maxLength: 40 }).map((l) => l.join("\n")), fc.array(diffLine, { maxLength: 40 }).map((l) => l.join("\r\n")), fc.string({ unit: "binary", maxLength: 300 }));
const parsed = (p: string) => {
  const out: AddedLines[] = [];
  parseDiff(p, (f) => out.push({ ...f, lines: [...f.lines], lineNumbers: [...f.lineNumbers] }));
  return out;
};

describe("diff parser", () => {
  it("never throws, is deterministic, and gives every added line a number", () => {
    fc.assert(
      fc.property(patch, (p) => {
        const files = parsed(p);
        expect(parsed(p)).toEqual(files);
        for (const f of files) {
          expect(f.lines.length).toBeGreaterThan(0);
          expect(f.lineNumbers).toHaveLength(f.lines.length);
          for (const n of f.lineNumbers) expect(Number.isSafeInteger(n) && n >= 1).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it.each([
    { name: "`+0` hunk start with added lines gives line 0", patch: "+++ b/x\n@@ -1 +0 @@\n+x\n" },
    { name: "a 20-digit hunk start loses integer precision", patch: "+++ b/x\n@@ -1 +99999999999999999999 @@\n+x\n+y\n" },
  ])("malformed input git never writes still numbers lines in range: $name", ({ patch }) => {
    for (const f of parsed(patch)) for (const n of f.lineNumbers) expect(Number.isSafeInteger(n) && n >= 1).toBe(true);
  });

  it("numbers every added line from 1 in hunks git can produce", () => {
    const hunk = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.array(fc.constantFrom("+", "-", " "), { minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(hunk, { maxLength: 5 }), (hunks) => {
        const body = hunks.map(([start, ops]) => `@@ -${start} +${start} @@\n${ops.map((o, i) => `${o}line ${i}`).join("\n")}`).join("\n");
        for (const f of parsed(`diff --git a/x b/x\n--- a/x\n+++ b/x\n${body}\n`)) for (const n of f.lineNumbers) expect(n).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });
});

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const entry = fc.record({
  ruleId: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  file: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  hash: hex64,
  firstSeen: fc.record({ file: fc.string({ maxLength: 20 }), commit: fc.option(fc.stringMatching(/^[0-9a-f]{40}$/), { nil: undefined }) }),
  state: fc.constantFrom("unaudited" as const, "accepted" as const, "false-positive" as const),
  note: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }),
});
const baselineFile = fc.record({ salt: hex64, entries: fc.uniqueArray(entry, { selector: (e) => `${e.ruleId}\0${e.file}\0${e.hash}`, maxLength: 8 }) });

/** Baseline-shaped JSON with any value anywhere. */
const baselineish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.record({ version: fc.oneof(fc.constant(1), fc.jsonValue()), hashing: fc.oneof(fc.record({ algorithm: fc.constant("hmac-sha256"), salt: fc.oneof(hex64, fc.jsonValue()) }), fc.jsonValue()), entries: fc.oneof(fc.array(fc.oneof(entry.map((e) => e as unknown), fc.jsonValue(), fc.dictionary(fc.constantFrom("ruleId", "file", "hash", "firstSeen", "state", "note", "__proto__", "constructor"), fc.jsonValue()))), fc.jsonValue()) }).map((o) => JSON.stringify(o)),
);

describe("baseline file", () => {
  it("parsing arbitrary input returns a baseline or throws one clean UsageError (never a TypeError)", () => {
    fc.assert(
      fc.property(baselineish, (t) => {
        try {
          parseBaseline(t, "b.json");
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          expect((err as Error).message).toMatch(/^b\.json: /);
        }
      }),
      RUNS,
    );
  });

  it("serialize -> parse -> serialize is the identity, and parse is deterministic", () => {
    fc.assert(
      fc.property(baselineFile, ({ salt, entries }) => {
        const b: BaselineFile = { version: 1, salt, entries: entries.map((e) => makeEntry({ ...e, firstSeen: e.firstSeen.commit ? e.firstSeen : { file: e.firstSeen.file } })) };
        const text = serializeBaseline(b);
        expect(serializeBaseline(parseBaseline(text, "b.json"))).toBe(text);
        expect(parseBaseline(text, "b.json")).toEqual(parseBaseline(text, "b.json"));
      }),
      RUNS,
    );
  });
});

const PARSERS = { npm: parseNpm, "yarn-v1": parseYarnV1, "yarn-berry": parseYarnBerry, pnpm: parsePnpm, bun: parseBun };
const HEADERS: Record<keyof typeof PARSERS, string[]> = {
  npm: ['{"lockfileVersion": 3, "packages": ', '{"lockfileVersion": 1, "dependencies": ', '{"lockfileVersion": 2, "packages": {"": {}}, "dependencies": '],
  "yarn-v1": ["# yarn lockfile v1\n\n", '# yarn lockfile v1\n\n"a@^1":\n  version "1.0.0"\n  resolved '],
  "yarn-berry": ["__metadata:\n  version: 8\n\n", '__metadata:\n  version: 6\n\n"a@npm:^1":\n  resolution: '],
  pnpm: ["lockfileVersion: '9.0'\n", "lockfileVersion: '6.0'\npackages:\n  ", "lockfileVersion: 5.4\nimporters:\n  .:\n    specifiers:\n      "],
  bun: ['{"lockfileVersion": 1, "packages": ', '{"lockfileVersion": 0, "workspaces": '],
};
/** Lockfile-ish values: deep nesting, prototype keys, odd types. */
const nasty = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.jsonValue(), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.constantFrom("__proto__", "constructor", "toString", "version", "resolved", "integrity", "dependencies", "packages", "node_modules/a", "a@1.0.0", ""), tie("value"), { maxKeys: 4 })),
})).value;

/**
 * 5,000-deep brackets, except for pnpm: the yaml library (2.9.1) aborts the whole process with a
 * V8 "RegExpCompiler Allocation failed" on the second parse of 1,000-deep flow sequences
 * (uncatchable; reported). A single CLI run gets a clean RESOURCE_EXHAUSTION error.
 */
function deepNesting(format: keyof typeof PARSERS): string {
  const depth = format === "pnpm" ? 200 : 5000;
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

describe("lockfile parsers, each called directly", () => {
  it.each(Object.keys(PARSERS) as (keyof typeof PARSERS)[])("%s: arbitrary input is parsed or one clean LockfileError, deterministically", (format) => {
    const parse = PARSERS[format];
    const input = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.tuple(fc.constantFrom(...HEADERS[format]), fc.string({ maxLength: 200 })).map(([h, s]) => h + s),
      fc.tuple(fc.constantFrom(...HEADERS[format]), nasty).map(([h, v]) => h + JSON.stringify(v) + (h.trimEnd().endsWith(":") || h.endsWith(" ") ? "" : "}")),
      fc.constant(deepNesting(format)),
    );
    fc.assert(
      fc.property(input, (t) => {
        const outcome = () => {
          try {
            const lock = parse(t, "lockfile");
            expect(Array.isArray(lock.entries)).toBe(true);
            return JSON.stringify(lock.entries);
          } catch (err) {
            expect(err).toBeInstanceOf(LockfileError);
            expect((err as Error).message).not.toContain("\n");
            return (err as Error).message;
          }
        };
        expect(outcome()).toBe(outcome());
      }),
      RUNS,
    );
  });
});
