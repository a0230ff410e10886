/** The installed pre-commit hook, end to end through real `git commit` (issue 3, acceptance 1). */
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, Repo, token } from "./git-repo.js";

const repos: Repo[] = [];

/** A repository with the CLI in node_modules/.bin, the hook installed and one clean commit. */
function hooked(): Repo {
  const repo = new Repo();
  repos.push(repo);
  repo.linkCli();
  const r = repo.cli(["install"]);
  expect(r.code, r.out).toBe(0);
  repo.write("README.md", "hello\n");
  repo.git("add", "README.md");
  const first = repo.commit("-q", "-m", "first");
  expect(first.code, first.out).toBe(0);
  return repo;
}

beforeAll(() => ensureBuilt());
afterEach(() => repos.splice(0).forEach((r) => r.remove()));

describe("pre-commit hook", () => {
  it("blocks a staged token: exit 1, nothing committed, file:line, rule, advice, no full secret", () => {
    const repo = hooked();
    const tok = token();
    repo.write("leak me.js", `line1\nconst t = "${tok}";\n`);
    repo.git("add", "leak me.js");
    const r = repo.commit("-m", "leak");
    expect(r.code).toBe(1);
    expect(repo.commitCount()).toBe(1);
    expect(r.out).toContain("leak me.js:2");
    expect(r.out).toContain("github-pat");
    expect(r.out).toContain("scan-secrets:allow");
    expect(r.out).toContain("scan-secrets baseline update");
    expect(r.out).toContain("git commit --no-verify");
    expect(r.out.includes(tok)).toBe(false);
    expect(repo.commit("-q", "--no-verify", "-m", "bypass").code).toBe(0);
  });

  it("passes clean commits; a token only in the working tree does not block", () => {
    const repo = hooked();
    repo.write("a.js", "const a = process.env.A;\n");
    repo.git("add", "a.js");
    repo.write("a.js", `const a = process.env.A;\nconst w = "${token()}";\n`);
    repo.write("untracked.js", `const u = "${token()}";\n`);
    const r = repo.commit("-m", "clean");
    expect(r.code, r.out).toBe(0);
    expect(repo.commitCount()).toBe(2);
  });

  it("scans a token staged in the index even after the working tree was cleaned", () => {
    const repo = hooked();
    repo.write("idx.js", `x = "${token()}"\n`);
    repo.git("add", "idx.js");
    repo.write("idx.js", "x = 1\n");
    expect(repo.commit("-m", "idx").code).toBe(1);
  });

  it("commit -a and commit <path> scan the index git builds for them", () => {
    const repo = hooked();
    repo.commitFiles({ "a.js": "x\n", "b.js": "y\n" });
    repo.write("a.js", `x\nconst t = "${token()}";\n`);
    expect(repo.commit("-a", "-m", "all").code).toBe(1);
    expect(repo.commit("-m", "only a", "a.js").code).toBe(1);
    repo.write("b.js", "y\nz\n");
    expect(repo.commit("-m", "only b", "b.js").code).toBe(0);
  });

  it("first commit with a token is blocked", () => {
    const repo = new Repo();
    repos.push(repo);
    repo.linkCli();
    repo.cli(["install"]);
    repo.write("first.js", `const t = "${token()}";\n`);
    repo.git("add", "first.js");
    expect(repo.commit("-m", "first").code).toBe(1);
    expect(repo.commitCount()).toBe(0);
  });

  it("a rename of a file with an accepted old secret passes; a unicode-named new secret is blocked", () => {
    const repo = hooked();
    repo.commitFiles({ "old.js": `const t = "${token()}";\n` });
    repo.git("mv", "old.js", "renamed.js");
    expect(repo.commit("-m", "rename").code).toBe(0);
    repo.write("données/clé.js", `const t = "${token()}";\n`);
    repo.git("add", "données/clé.js");
    const r = repo.commit("-m", "unicode");
    expect(r.code).toBe(1);
    expect(r.out).toContain("données/clé.js:1");
  });
});

describe("pre-commit hook: merges, rebases, worktrees", () => {
  /** main and side both change conflict.js; side also adds a file with a token (committed past the hook). */
  function diverged(): Repo {
    const repo = hooked();
    repo.commitFiles({ "conflict.js": "const v = 1;\n" });
    repo.git("checkout", "-q", "-b", "side");
    repo.commitFiles({ "side.js": `const t = "${token()}";\n`, "conflict.js": "const v = 2;\n" }, "side");
    repo.git("checkout", "-q", "main");
    repo.commitFiles({ "conflict.js": "const v = 3;\n" }, "main");
    return repo;
  }

  it("a merge commit: content from a parent passes, a token added while resolving the conflict is blocked", () => {
    const repo = diverged();
    expect(repo.tryGit("merge", "side").code).not.toBe(0);
    repo.write("conflict.js", "const v = 4;\n");
    repo.git("add", "conflict.js");
    expect(repo.cli(["--staged"]).code).toBe(0);
    repo.write("conflict.js", `const v = 4;\nconst t = "${token()}";\n`);
    repo.git("add", "conflict.js");
    const blocked = repo.commit("--no-edit");
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain("conflict.js:2");
    repo.write("conflict.js", "const v = 4;\n");
    repo.git("add", "conflict.js");
    const merged = repo.commit("--no-edit");
    expect(merged.code, merged.out).toBe(0);
    expect(repo.git("rev-list", "--parents", "-n", "1", "HEAD").trim().split(" ")).toHaveLength(3);
  });

  it("a conflict-free merge --no-ff passes", () => {
    const repo = hooked();
    repo.git("checkout", "-q", "-b", "side");
    repo.commitFiles({ "side.js": `const t = "${token()}";\n` }, "side");
    repo.git("checkout", "-q", "main");
    repo.commitFiles({ "main.js": "x\n" }, "main");
    const r = repo.tryGit("merge", "--no-ff", "--no-edit", "side");
    expect(r.code, r.out).toBe(0);
  });

  it("a commit made while a rebase is stopped on a conflict is scanned", () => {
    const repo = diverged();
    repo.git("checkout", "-q", "side");
    expect(repo.tryGit("rebase", "main").code).not.toBe(0);
    repo.write("conflict.js", `const v = 5;\nconst t = "${token()}";\n`);
    repo.git("add", "conflict.js");
    const r = repo.commit("-m", "resolved");
    expect(r.code).toBe(1);
    expect(r.out).toContain("conflict.js:2");
  });

  it("a linked worktree shares the hook and uses the main worktree's node_modules", () => {
    const repo = hooked();
    const wt = join(repo.dir, "..", `${repo.dir.split("/").pop()}-wt`);
    repo.git("worktree", "add", "-q", "-b", "feature", wt);
    const linked = new Repo(wt, false);
    repos.push(linked);
    linked.write("wt.js", `const t = "${token()}";\n`);
    linked.git("add", "wt.js");
    const r = linked.commit("-m", "in worktree");
    expect(r.code).toBe(1);
    expect(r.out).toContain("wt.js:1");
    linked.write("wt.js", "const t = 1;\n");
    linked.git("add", "wt.js");
    expect(linked.commit("-q", "-m", "clean").code).toBe(0);
  });
});
