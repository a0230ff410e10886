/** Issue 4, acceptance 2: --range, --since, --branch and --shard select the right commits. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsKeyId, githubToken } from "../support/tokens.js";
import { EPOCH, filler, located, TestRepo, type HistoryFinding } from "./helpers.js";

const repo = new TestRepo();
const sha: Record<string, string> = {};
let full: ReturnType<TestRepo["scan"]>;

beforeAll(() => {
  sha.base = repo.commit("base", { "app.js": filler(4) }); // tick 1
  sha.old = repo.commit("old secret", { "old.js": `k ${githubToken()}\n` }); // tick 2
  for (let i = 0; i < 20; i++) repo.commit(`work ${i}`, { [`work/${i % 4}.js`]: filler(i + 2, `w${i}`) + (i % 5 === 0 ? `key ${awsKeyId()}\n` : "") });
  repo.git("checkout", "-q", "-b", "pr");
  sha.pr1 = repo.commit("pr: first", { "pr.js": filler(2, "p") });
  sha.pr2 = repo.commit("pr: secret", { "pr.js": filler(2, "p") + `t ${githubToken()}\n` });
  repo.git("checkout", "-q", "main");
  sha.late = repo.commit("late secret", { "late.js": `a ${awsKeyId()}\n` });
  full = repo.scan();
});
afterAll(() => repo.remove());

const commitsOf = (findings: readonly HistoryFinding[]) => new Set(findings.map((f) => f.commit));

describe("--range A..B", () => {
  it("scans only what the pull request adds", () => {
    const run = repo.scan(["--range", "main..pr"]);
    expect(run.status).toBe(1);
    expect(run.scanned).toBe(2);
    expect(located(run.findings)).toEqual([`github-pat pr.js:3 @${sha.pr2}`]);
  });

  it("exits 2 when the range selects nothing", () => {
    const run = repo.scan(["--range", "pr..pr"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nothing was scanned/);
  });
});

describe("--since DATE", () => {
  it("scans only commits from that date on", () => {
    const since = new Date((EPOCH + 22 * 60) * 1000).toISOString(); // the last two work commits and later
    const run = repo.scan(["--since", since]);
    const expected = repo.git("rev-list", "--all", `--since=${since}`).trim().split("\n");
    expect(run.scanned).toBe(expected.length);
    expect([...commitsOf(run.findings)].every((c) => expected.includes(c))).toBe(true);
    expect(commitsOf(run.findings)).toEqual(new Set([sha.pr2, sha.late]));
    expect(run.stderr).toMatch(/since/);
  });
});

describe("--branch REF", () => {
  it("scans the commits one branch reaches", () => {
    const run = repo.scan(["--branch", "main"]);
    expect(run.scanned).toBe(Number(repo.git("rev-list", "--count", "main").trim()));
    expect(commitsOf(run.findings).has(sha.pr2!)).toBe(false);
    expect(commitsOf(run.findings).has(sha.late!)).toBe(true);
  });
});

describe("--shard I/N", () => {
  it("splits the commits so that the union of the shards is the full scan", () => {
    expect(full.findings.length).toBe(7);
    const shards = [1, 2, 3].map((i) => repo.scan(["--shard", `${i}/3`]));
    const scanned = shards.map((s) => s.scanned ?? 0);
    expect(scanned.reduce((a, b) => a + b, 0)).toBe(full.reachable);
    expect(scanned.every((n) => n > 0)).toBe(true);
    const union = shards.flatMap((s) => s.findings);
    expect(located(union)).toEqual(located(full.findings));
  });

  it("is deterministic", () => {
    expect(located(repo.scan(["--shard", "2/3"]).findings)).toEqual(located(repo.scan(["--shard", "2/3"]).findings));
  });

  it.each(["0/3", "4/3", "1/0", "x"])("rejects --shard %s with exit 2", (spec) => {
    const run = repo.scan(["--shard", spec]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("progress", () => {
  it("is silent when stderr is not a terminal", () => {
    expect(repo.scan().stderr).not.toMatch(/commits, .* MB\/s, ETA/);
  });

  it("prints commits done / total, MB/s and ETA with --progress", () => {
    const run = repo.scan(["--progress"]);
    expect(run.stderr).toMatch(new RegExp(`history: \\d+/${full.reachable} commits, [\\d.]+ MB/s, ETA \\d+ s`));
  });
});
