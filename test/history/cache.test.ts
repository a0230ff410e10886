/** Issue 4, acceptance 2: `--cache FILE` makes a re-run scan only new commits, keyed by the rule pack. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsKeyId, githubToken } from "../support/tokens.js";
import { filler, located, TestRepo } from "./helpers.js";

describe("--cache FILE", () => {
  const repo = new TestRepo();
  const cache = join(repo.dir, "..", `${repo.dir.split("/").pop()}.cache.json`);
  const tokens = [githubToken(), awsKeyId(), githubToken()];

  beforeAll(() => {
    repo.commit("one", { "a.js": `x ${tokens[0]}\n` });
    repo.commit("two", { "b.js": filler(3) + `y ${tokens[1]}\n` });
    repo.commit("three", { "a.js": filler(2) });
  });
  afterAll(() => repo.remove());

  it("first run scans everything and reports", () => {
    const run = repo.scan(["--cache", cache]);
    expect(run.status).toBe(1);
    expect(run.scanned).toBe(3);
    expect(run.findings).toHaveLength(2);
  });

  it("second run scans 0 commits, says so, and passes", () => {
    const run = repo.scan(["--cache", cache]);
    expect(run.status).toBe(0);
    expect(run.scanned).toBe(0);
    expect(run.stderr).toMatch(/3 already scanned \(cache\)/);
    expect(run.findings).toEqual([]);
  });

  it("a new commit is the only one scanned", () => {
    const sha = repo.commit("four", { "c.js": `z ${tokens[2]}\n` });
    const run = repo.scan(["--cache", cache]);
    expect(run.scanned).toBe(1);
    expect(located(run.findings)).toEqual([`github-pat c.js:1 @${sha}`]);
  });

  it("holds commit ids and a rule-pack hash, never a secret", () => {
    const text = readFileSync(cache, "utf8");
    for (const t of tokens) {
      expect(text.includes(t)).toBe(false);
      expect(text.includes(t.slice(4, 20))).toBe(false);
    }
    const data = JSON.parse(text) as { commits: string[] };
    expect(data.commits.sort()).toEqual(repo.git("rev-list", "--all").trim().split("\n").sort());
  });

  it("a changed rule pack or config invalidates it", () => {
    const config = join(repo.dir, "..", `${repo.dir.split("/").pop()}.config.json`);
    writeFileSync(config, JSON.stringify({ disabledRules: ["aws-access-key-id"] }));
    const run = repo.scan(["--cache", cache, "--config", config]);
    expect(run.scanned).toBe(4);
    expect(run.findings.map((f) => f.ruleId).sort()).toEqual(["github-pat", "github-pat"]);
    expect(repo.scan(["--cache", cache, "--config", config]).scanned).toBe(0);
    expect(repo.scan(["--cache", cache]).scanned).toBe(4);
  });

  it("a corrupt cache is a one-line error, exit 2", () => {
    const bad = `${cache}.bad`;
    writeFileSync(bad, "{ not json");
    const run = repo.scan(["--cache", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(bad);
  });
});
