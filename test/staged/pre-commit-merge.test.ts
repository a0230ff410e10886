/** The installed pre-commit hook during merges and rebases and in linked worktrees, through real `git commit`. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removedAfterEach, Repo } from "../support/git-repo.js";
import { githubToken } from "../support/tokens.js";

const keep = removedAfterEach();
/** A repository with the CLI linked, the hook installed and one clean commit (removed after each test). */
const hooked = (): Repo => keep(Repo.hooked());

describe("pre-commit hook: merges, rebases, worktrees", () => {
  /** main and side both change conflict.js; side also adds a file with a token (committed past the hook). */
  function diverged(): Repo {
    const repo = hooked();
    repo.commitFiles({ "conflict.js": "const v = 1;\n" });
    repo.git("checkout", "-q", "-b", "side");
    repo.commitFiles({ "side.js": `const t = "${githubToken()}";\n`, "conflict.js": "const v = 2;\n" }, "side");
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
    repo.write("conflict.js", `const v = 4;\nconst t = "${githubToken()}";\n`);
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
    repo.commitFiles({ "side.js": `const t = "${githubToken()}";\n` }, "side");
    repo.git("checkout", "-q", "main");
    repo.commitFiles({ "main.js": "x\n" }, "main");
    const r = repo.tryGit("merge", "--no-ff", "--no-edit", "side");
    expect(r.code, r.out).toBe(0);
  });

  it("a commit made while a rebase is stopped on a conflict is scanned", () => {
    const repo = diverged();
    repo.git("checkout", "-q", "side");
    expect(repo.tryGit("rebase", "main").code).not.toBe(0);
    repo.write("conflict.js", `const v = 5;\nconst t = "${githubToken()}";\n`);
    repo.git("add", "conflict.js");
    const r = repo.commit("-m", "resolved");
    expect(r.code).toBe(1);
    expect(r.out).toContain("conflict.js:2");
  });

  it("a linked worktree shares the hook and uses the main worktree's node_modules", () => {
    const repo = hooked();
    const wt = join(repo.dir, "..", `${repo.dir.split("/").pop()}-wt`);
    repo.git("worktree", "add", "-q", "-b", "feature", wt);
    const linked = keep(new Repo(wt, false));
    linked.write("wt.js", `const t = "${githubToken()}";\n`);
    linked.git("add", "wt.js");
    const r = linked.commit("-m", "in worktree");
    expect(r.code).toBe(1);
    expect(r.out).toContain("wt.js:1");
    linked.write("wt.js", "const t = 1;\n");
    linked.git("add", "wt.js");
    expect(linked.commit("-q", "-m", "clean").code).toBe(0);
  });
});
