/** The installed pre-commit hook, end to end through real `git commit` (issue 3, acceptance 1). */
import { describe, expect, it } from "vitest";
import { removedAfterEach, Repo } from "../support/git-repo.js";
import { githubToken } from "../support/tokens.js";

const keep = removedAfterEach();
/** A repository with the CLI linked, the hook installed and one clean commit (removed after each test). */
const hooked = (): Repo => keep(Repo.hooked());

describe("pre-commit hook", () => {
  it("blocks a staged token: exit 1, nothing committed, file:line, rule, advice, no full secret", () => {
    const repo = hooked();
    const tok = githubToken();
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
    repo.write("a.js", `const a = process.env.A;\nconst w = "${githubToken()}";\n`);
    repo.write("untracked.js", `const u = "${githubToken()}";\n`);
    const r = repo.commit("-m", "clean");
    expect(r.code, r.out).toBe(0);
    expect(repo.commitCount()).toBe(2);
  });

  it("scans a token staged in the index even after the working tree was cleaned", () => {
    const repo = hooked();
    repo.write("idx.js", `x = "${githubToken()}"\n`);
    repo.git("add", "idx.js");
    repo.write("idx.js", "x = 1\n");
    expect(repo.commit("-m", "idx").code).toBe(1);
  });

  it("commit -a and commit <path> scan the index git builds for them", () => {
    const repo = hooked();
    repo.commitFiles({ "a.js": "x\n", "b.js": "y\n" });
    repo.write("a.js", `x\nconst t = "${githubToken()}";\n`);
    expect(repo.commit("-a", "-m", "all").code).toBe(1);
    expect(repo.commit("-m", "only a", "a.js").code).toBe(1);
    repo.write("b.js", "y\nz\n");
    expect(repo.commit("-m", "only b", "b.js").code).toBe(0);
  });

  it("first commit with a token is blocked", () => {
    const repo = keep(new Repo());
    repo.linkCli();
    repo.cli(["install"]);
    repo.write("first.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "first.js");
    expect(repo.commit("-m", "first").code).toBe(1);
    expect(repo.commitCount()).toBe(0);
  });

  it("a rename of a file with an accepted old secret passes; a unicode-named new secret is blocked", () => {
    const repo = hooked();
    repo.commitFiles({ "old.js": `const t = "${githubToken()}";\n` });
    repo.git("mv", "old.js", "renamed.js");
    expect(repo.commit("-m", "rename").code).toBe(0);
    repo.write("données/clé.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "données/clé.js");
    const r = repo.commit("-m", "unicode");
    expect(r.code).toBe(1);
    expect(r.out).toContain("données/clé.js:1");
  });
});
