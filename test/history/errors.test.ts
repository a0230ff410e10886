/** Where the history scan cannot run, or runs on part of the history: it says so (exit 2 when nothing ran). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubToken } from "../support/tokens.js";
import { filler, located, scanHistory, TestRepo } from "./helpers.js";

const repo = new TestRepo();
const temps: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "ss-history-x-"));
  temps.push(d);
  return d;
};

beforeAll(() => {
  repo.commit("one", { "a.txt": `first ${githubToken()}\n` });
  repo.commit("two", { "b.txt": filler(3) + `second ${githubToken()}\n` });
  repo.commit("three", { "c.txt": "third\n" });
});
afterAll(() => {
  repo.remove();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** One line on stderr, no stack trace, exit 2. */
function expectUserError(run: ReturnType<typeof scanHistory>, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe("errors", () => {
  it("not a repository", () => expectUserError(scanHistory(tempDir()), /not a git repository/));
  it("a bad range", () => expectUserError(repo.scan(["--range", "nope..main"]), /nope/));
  it("a range without ..", () => expectUserError(repo.scan(["--range", "main"]), /--range/));
  it("an unknown ref", () => expectUserError(repo.scan(["--branch", "no-such-branch"]), /no-such-branch/));
  it("an empty repository (nothing to scan is never a pass)", () => {
    const empty = new TestRepo();
    temps.push(empty.dir);
    expectUserError(empty.scan(), /no commits/);
  });
  it("a --since that selects nothing", () => {
    const run = repo.scan(["--since", "2100-01-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/scanned 0 commits of 3 reachable/);
    expect(run.stderr).toMatch(/nothing was scanned/);
  });
  it("a bad --jobs", () => expectUserError(repo.scan(["--jobs", "0"]), /jobs/));
});

describe("other repository shapes", () => {
  it("works in a bare repository", () => {
    const bare = join(tempDir(), "bare.git");
    repo.git("clone", "-q", "--bare", repo.dir, bare);
    const run = scanHistory(bare);
    expect(run.status).toBe(1);
    expect(run.scanned).toBe(3);
    expect(located(run.findings)).toEqual(located(repo.scan().findings));
  });

  it("warns loudly on a shallow clone, with how to fetch the rest", () => {
    const shallow = join(tempDir(), "shallow");
    repo.git("clone", "-q", "--depth", "1", `file://${repo.dir}`, shallow);
    const run = scanHistory(shallow);
    expect(run.stderr).toMatch(/shallow clone/i);
    expect(run.stderr).toMatch(/git fetch --unshallow/);
    expect(run.stderr).toMatch(/scanned 1 commit of 1 reachable.*SHALLOW/);
  });
});
