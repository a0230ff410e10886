/**
 * User-supplied regexes (hardening issue, ReDoS): config rules and allowlists are vetted with
 * recheck before compiling, and the CLI's V8 guard keeps a catastrophic regex from hanging a scan.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { vetUserRegexes } from "../../src/cli/scan-rules.js";
import type { ScanConfig } from "../../src/baseline/index.js";
import { runCli, tempDir } from "../support/cli.js";

/** A temp dir with one clean file and the given `.scan-secrets.json`. */
function project(config: unknown): string {
  const dir = tempDir();
  writeFileSync(join(dir, "clean.txt"), "hello\n");
  writeFileSync(join(dir, ".scan-secrets.json"), JSON.stringify(config));
  return dir;
}

/** A custom rule whose examples pass; `extra` overrides fields. */
function rule(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    id: "demo-token",
    description: "demo",
    regex: "demo_tok=([a-z0-9!]{20,40})",
    keywords: ["demo_tok="],
    noPlaceholderFilter: true,
    examples: { positive: ["demo_tok=qzvkrwpd9mxtbh2lcnsf"], negative: ["demo_tok="] },
    ...extra,
  };
}

describe("user-supplied regexes", () => {
  it.each([
    {
      name: "polynomial custom rule regex",
      config: { rules: [rule({ regex: "demo_tok=([a-z]+[a-z0-9]+)!", examples: { positive: ["demo_tok=qzvkrwpd9!"], negative: ["demo_tok="] } })] },
      where: 'rule "demo-token": regex',
    },
    {
      name: "exponential rule allowlist regex",
      config: { rules: [rule({ allowlist: { regexes: ["^(a|a)*x$"] } })] },
      where: 'rule "demo-token": allowlist.regexes[0]',
    },
    { name: "exponential config allowlist regex", config: { allowlist: { regexes: ["^(a+)+$"] } }, where: "allowlist.regexes[0]" },
  ])("$name: one-line error naming the field, exit 2", ({ config, where }) => {
    const r = runCli(["clean.txt"], project(config));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${where}: regex can backtrack catastrophically`);
  });

  it("linear custom regexes pass and the scan runs", () => {
    const r = runCli(["clean.txt"], project({ rules: [rule({ allowlist: { regexes: ["^ok$"] } })], allowlist: { regexes: ["^fixture-"] } }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("the V8 guard stops catastrophic backtracking that runs before vetting (config examples)", () => {
    // Loading the config runs the rule's examples, so this allowlist regex backtracks 2^33 times on
    // the positive example before vetUserRegexes rejects it: minutes without the guard.
    const config = { rules: [rule({ allowlist: { regexes: ["^(a+)+$"] }, examples: { positive: [`demo_tok=${"a".repeat(33)}!`], negative: ["demo_tok="] } })] };
    const t0 = performance.now();
    const r = runCli(["clean.txt"], project(config), {});
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "demo-token": allowlist.regexes[0]: regex can backtrack catastrophically');
  }, 30_000);

  it("does not load recheck when the config has no regexes (pre-commit start-up)", () => {
    const empty: ScanConfig = { rules: [], disabledRules: [], entropy: {}, allowlist: { paths: [], regexes: [], stopwords: [] }, selfPaths: [] };
    vetUserRegexes(empty);
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((k) => k.includes(`${"/"}recheck${"/"}`))).toEqual([]);
  });
});
