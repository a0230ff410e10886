/** `scan-secrets install` / `uninstall` with plain git hooks (issue 3, acceptance 2). */
import { existsSync, readFileSync, statSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT } from "../support/cli.js";
import { removedAfterEach, Repo } from "../support/git-repo.js";
import { githubToken } from "../support/tokens.js";

const SHIPPED = readFileSync(join(PROJECT, "hooks", "pre-commit"), "utf8");
const FOREIGN = '#!/bin/sh\necho "foreign hook ran" >> foreign.log\nexit "${FOREIGN_EXIT:-0}"\n';

const keep = removedAfterEach();
/** A repository with the CLI linked (removed after each test). */
function newRepo(): Repo {
  const repo = keep(new Repo());
  repo.linkCli();
  return repo;
}

function writeForeign(repo: Repo): string {
  const path = join(repo.dir, ".git", "hooks", "pre-commit");
  writeFileSync(path, FOREIGN);
  chmodSync(path, 0o755);
  return path;
}

describe("install", () => {
  it("writes the shipped hook; a second install changes nothing", () => {
    const repo = newRepo();
    const hook = join(repo.dir, ".git", "hooks", "pre-commit");
    const first = repo.cli(["install"]);
    expect(first.code, first.out).toBe(0);
    expect(readFileSync(hook, "utf8")).toBe(SHIPPED);
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    const before = statSync(hook).mtimeMs;
    const second = repo.cli(["install"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("already installed");
    expect(readFileSync(hook, "utf8")).toBe(SHIPPED);
    expect(statSync(hook).mtimeMs).toBe(before);
  });

  it.each([
    { name: "relative core.hooksPath", hooksPath: ".githooks", where: (dir: string) => join(dir, ".githooks") },
    { name: "absolute core.hooksPath", hooksPath: "ABS", where: (dir: string) => join(dir, ".git", "shared-hooks") },
  ])("honours $name, also when run from a subdirectory", ({ hooksPath, where }) => {
    const repo = newRepo();
    const dir = where(repo.dir);
    repo.git("config", "core.hooksPath", hooksPath === "ABS" ? dir : hooksPath);
    mkdirSync(join(repo.dir, "sub"));
    const r = repo.cli(["install"], join(repo.dir, "sub"));
    expect(r.code, r.out).toBe(0);
    expect(readFileSync(join(dir, "pre-commit"), "utf8")).toBe(SHIPPED);
    expect(existsSync(join(repo.dir, ".git", "hooks", "pre-commit"))).toBe(false);
    repo.write("a.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "a.js");
    expect(repo.commit("-m", "leak").code).toBe(1);
  });

  it("keeps a foreign hook, chains it, and both run", () => {
    const repo = newRepo();
    writeForeign(repo);
    const r = repo.cli(["install"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("chained");
    expect(readFileSync(join(repo.dir, ".git", "hooks", "pre-commit.scan-secrets-chained"), "utf8")).toBe(FOREIGN);
    expect(repo.cli(["install"]).stdout).toContain("already installed");
    repo.write("a.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "a.js");
    expect(repo.commit("-m", "leak").code).toBe(1);
    expect(readFileSync(join(repo.dir, "foreign.log"), "utf8")).toBe("foreign hook ran\n");
    repo.write("a.js", "const t = 1;\n");
    repo.git("add", "a.js");
    expect(repo.commit("-q", "-m", "clean").code).toBe(0);
    expect(readFileSync(join(repo.dir, "foreign.log"), "utf8")).toBe("foreign hook ran\nforeign hook ran\n");
  });

  it("a failing foreign hook still blocks the commit", () => {
    const repo = newRepo();
    writeForeign(repo);
    expect(repo.cli(["install"]).code).toBe(0);
    repo.write("a.js", "clean\n");
    repo.git("add", "a.js");
    const r = repo.tryGitEnv({ FOREIGN_EXIT: "3" }, "commit", "-m", "x");
    expect(r.code).not.toBe(0);
    expect(repo.commitCount()).toBe(0);
  });

  it("--force replaces a foreign hook instead of chaining it", () => {
    const repo = newRepo();
    const hook = writeForeign(repo);
    expect(repo.cli(["install", "--force"]).code).toBe(0);
    expect(readFileSync(hook, "utf8")).toBe(SHIPPED);
    expect(existsSync(join(repo.dir, ".git", "hooks", "pre-commit.scan-secrets-chained"))).toBe(false);
  });

  it("updates an older version of its own hook in place", () => {
    const repo = newRepo();
    const hook = join(repo.dir, ".git", "hooks", "pre-commit");
    writeFileSync(hook, `${SHIPPED.split("\n").slice(0, 3).join("\n")}\nexit 0\n`);
    expect(repo.cli(["install"]).stdout).toContain("updated");
    expect(readFileSync(hook, "utf8")).toBe(SHIPPED);
    expect(existsSync(`${hook}.scan-secrets-chained`)).toBe(false);
  });

  it("installs into the shared hooks directory from a linked worktree", () => {
    const repo = newRepo();
    repo.commitFiles({ "a.js": "x\n" });
    const wt = join(repo.dir, "..", `${repo.dir.split("/").pop()}-wt`);
    repo.git("worktree", "add", "-q", "-b", "feature", wt);
    const linked = keep(new Repo(wt, false));
    expect(linked.cli(["install"]).code).toBe(0);
    expect(readFileSync(join(repo.dir, ".git", "hooks", "pre-commit"), "utf8")).toBe(SHIPPED);
  });

  it("outside a repository: exit 2", () => {
    const repo = newRepo();
    const r = repo.cli(["install"], "/");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not inside a git work tree");
  });
});

describe("uninstall", () => {
  it("removes the hook and restores the chained one; a second uninstall is a no-op", () => {
    const repo = newRepo();
    const hook = writeForeign(repo);
    repo.cli(["install"]);
    const r = repo.cli(["uninstall"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("restored");
    expect(readFileSync(hook, "utf8")).toBe(FOREIGN);
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(existsSync(`${hook}.scan-secrets-chained`)).toBe(false);
    expect(repo.cli(["uninstall"]).stdout).toContain("not installed");
    expect(readFileSync(hook, "utf8")).toBe(FOREIGN);
  });

  it("removes a hook it installed alone", () => {
    const repo = newRepo();
    repo.cli(["install"]);
    expect(repo.cli(["uninstall"]).code).toBe(0);
    expect(existsSync(join(repo.dir, ".git", "hooks", "pre-commit"))).toBe(false);
  });
});
