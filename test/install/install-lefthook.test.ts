/** `scan-secrets install` in a repository that uses lefthook: edit lefthook.yml, keep the user's text. */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT } from "../support/cli.js";
import { cleanEnv, removedAfterEach, Repo } from "../support/git-repo.js";
import { githubToken } from "../support/tokens.js";

const LEFTHOOK = join(PROJECT, "node_modules", "lefthook-linux-x64", "bin", "lefthook");

const keep = removedAfterEach();
/** A repository with the CLI linked and `text` written to the lefthook config `name` (removed after each test). */
function withConfig(text: string, name = "lefthook.yml"): Repo {
  const repo = keep(new Repo());
  repo.linkCli();
  repo.write(name, text);
  return repo;
}

const read = (repo: Repo, name = "lefthook.yml") => readFileSync(join(repo.dir, name), "utf8");

describe("install with lefthook", () => {
  it("adds a pre-commit command, keeps comments and other hooks; idempotent; uninstall restores the file", () => {
    const original = "# team hooks\npre-push:\n  commands:\n    test:\n      run: npm test # all of them\n";
    const repo = withConfig(original);
    const r = repo.cli(["install"]);
    expect(r.code, r.out).toBe(0);
    const text = read(repo);
    expect(text.startsWith(original)).toBe(true);
    expect(parse(text)["pre-commit"]).toEqual({ commands: { "scan-secrets": { run: "node_modules/.bin/scan-secrets --staged" } } });
    expect(existsSync(join(repo.dir, ".git", "hooks", "pre-commit"))).toBe(false);
    const again = repo.cli(["install"]);
    expect(again.stdout).toContain("already installed");
    expect(read(repo)).toBe(text);
    expect(repo.cli(["uninstall"]).code).toBe(0);
    expect(read(repo)).toBe(original);
  });

  it.each([
    { name: "4 spaces, indented list", text: "pre-commit:\n    parallel: true\n    jobs:\n        - name: lint\n          run: eslint {staged_files}\n" },
    { name: "2 spaces, flat list", text: "pre-commit:\n  parallel: true\n  jobs:\n  - name: lint\n    run: eslint {staged_files}\n" },
  ])("appends to an existing jobs list in the file's own indentation ($name)", ({ text: original }) => {
    const repo = withConfig(original, ".lefthook.yml");
    expect(repo.cli(["install"]).code).toBe(0);
    const text = read(repo, ".lefthook.yml");
    const item = /\n( *)- name: lint\n/.exec(original)![1]!;
    expect(text.startsWith(original)).toBe(true);
    expect(text.slice(original.length)).toMatch(new RegExp(`^${item}- name: scan-secrets\n${item}  run: `));
    expect(repo.cli(["uninstall"]).code).toBe(0);
    expect(read(repo, ".lefthook.yml")).toBe(original);
  });

  it("verifies an existing command: a staged scan is accepted as is, anything else needs --force", () => {
    const ok = withConfig("pre-commit:\n  commands:\n    secrets:\n      run: npx scan-secrets --staged --quiet\n");
    expect(ok.cli(["install"]).stdout).toContain("already installed");
    const wrong = withConfig("pre-commit:\n  commands:\n    scan-secrets:\n      run: scan-secrets src\n");
    const refused = wrong.cli(["install"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("lefthook.yml");
    expect(wrong.cli(["install", "--force"]).code).toBe(0);
    expect(parse(read(wrong))["pre-commit"].commands["scan-secrets"].run).toContain("--staged");
  });

  it("invalid YAML: exit 2 naming the file", () => {
    const repo = withConfig("pre-commit: [unclosed\n");
    const r = repo.cli(["install"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lefthook.yml");
  });

  it.runIf(existsSync(LEFTHOOK))("through lefthook's own hook, a staged token blocks the commit", () => {
    const repo = withConfig("# hooks\n");
    expect(repo.cli(["install"]).code).toBe(0);
    const lh = spawnSync(LEFTHOOK, ["install"], { cwd: repo.dir, env: cleanEnv(), encoding: "utf8" });
    expect(lh.status, lh.stdout + lh.stderr).toBe(0);
    repo.write("a.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "a.js", "lefthook.yml");
    const blocked = repo.tryGitEnv({ LEFTHOOK_BIN: LEFTHOOK }, "commit", "-m", "leak");
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain("a.js:1");
    expect(repo.commitCount()).toBe(0);
    repo.write("a.js", "const t = process.env.T;\n");
    repo.git("add", "a.js");
    expect(repo.tryGitEnv({ LEFTHOOK_BIN: LEFTHOOK }, "commit", "-q", "-m", "clean").code).toBe(0);
  });
});
