/**
 * Hardening (pathological repositories): empty, detached, shallow, submodule, linked worktree,
 * bare, a 50 MB binary in history, 10,000 files in one commit, hostile names and messages, and
 * corrupted objects. Each either works or fails with exit 2 and one line: never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, runCli, tempDir, tempRepo } from "../support/cli.js";
import { scanJson } from "../support/scan-json.js";
import { awsKeyId, githubToken } from "../support/tokens.js";
import { gitRaw, isCleanUserError, timed } from "./helpers.js";

const where = (r: ReturnType<typeof scanJson>) => r.findings.map((f) => `${f.file}:${f.line}`).sort();

/** A repository with one token in a.txt (commit 1) and a clean commit 2. */
function smallRepo(tok = githubToken()): string {
  const repo = tempRepo();
  writeFileSync(join(repo, "a.txt"), `k = "${tok}"\n`);
  git(repo, "add", "a.txt");
  git(repo, "commit", "-qm", "one");
  writeFileSync(join(repo, "b.txt"), "clean\n");
  git(repo, "add", "b.txt");
  git(repo, "commit", "-qm", "two");
  return repo;
}

function loosePath(repo: string, sha: string): string {
  return join(repo, ".git", "objects", sha.slice(0, 2), sha.slice(2));
}

describe("repository shapes", () => {
  it("empty repository: --history exits 2 with one line, --staged and the work tree exit 0", () => {
    const repo = tempRepo();
    const history = runCli(["--history"], repo);
    expect(isCleanUserError(history)).toBe(true);
    expect(history.stderr).toMatch(/no commits/);
    expect(scanJson(repo, ["--staged"]).code).toBe(0);
    expect(scanJson(repo, []).code).toBe(0);
  });

  it("detached HEAD: history includes a commit only HEAD reaches; staged and work tree work", () => {
    const repo = smallRepo();
    git(repo, "checkout", "-q", "--detach", "HEAD~1");
    writeFileSync(join(repo, "c.txt"), `k = "${githubToken()}"\n`);
    git(repo, "add", "c.txt");
    expect(where(scanJson(repo, ["--staged"]))).toEqual(["c.txt:1"]);
    git(repo, "commit", "-qm", "detached");
    expect(where(scanJson(repo, ["--history"]))).toEqual(["a.txt:1", "c.txt:1"]);
    expect(where(scanJson(repo, []))).toEqual(["a.txt:1", "c.txt:1"]);
  });

  it("shallow clone: history scans what it has and warns loudly that history is incomplete", () => {
    const src = smallRepo();
    const clone = join(tempDir(), "shallow");
    git(src, "clone", "-q", "--depth", "1", `file://${src}`, clone);
    const r = scanJson(clone, ["--history"]);
    expect(r.code).toBe(1); // a.txt still holds the token at the one commit the clone has
    expect(r.stderr).toMatch(/warning: this is a shallow clone/);
    expect(r.stderr).toMatch(/SHALLOW CLONE: incomplete/);
  });

  it("submodule: work tree and history do not crash, and pointer changes are not secrets", () => {
    const sub = smallRepo();
    const sup = tempRepo();
    writeFileSync(join(sup, "x.txt"), "x\n");
    git(sup, "add", "x.txt");
    git(sup, "commit", "-qm", "x");
    git(sup, "-c", "protocol.file.allow=always", "submodule", "add", "-q", `file://${sub}`, "mod");
    git(sup, "commit", "-qm", "add submodule");
    git(join(sup, "mod"), "commit", "-q", "--allow-empty", "-m", "bump");
    git(sup, "add", "mod");
    expect(scanJson(sup, ["--staged"]).code).toBe(0);
    git(sup, "commit", "-qm", "bump submodule");
    for (const args of [[], ["--history"]]) {
      const r = scanJson(sup, args);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.code).toBe(0); // the submodule's token lives in its own history, not the superproject's
    }
    expect(where(scanJson(join(sup, "mod"), []))).toEqual(["a.txt:1"]); // scanning inside the submodule works
    expect(where(scanJson(join(sup, "mod"), ["--history"]))).toEqual(["a.txt:1"]);
  });

  it("linked worktree: scans from inside it see its own files, index and the shared history", () => {
    const repo = smallRepo();
    const wt = join(tempDir(), "wt");
    git(repo, "worktree", "add", "-q", wt);
    writeFileSync(join(wt, "c.txt"), `k = "${githubToken()}"\n`);
    expect(where(scanJson(wt, []))).toEqual(["a.txt:1", "c.txt:1"]);
    git(wt, "add", "c.txt");
    expect(where(scanJson(wt, ["--staged"]))).toEqual(["c.txt:1"]);
    expect(where(scanJson(wt, ["--history"]))).toEqual(["a.txt:1"]);
  });

  it("bare repository: history works; staged is a clean usage error", () => {
    const bare = join(tempDir(), "bare.git");
    git(smallRepo(), "clone", "-q", "--bare", ".", bare);
    expect(where(scanJson(bare, ["--history"]))).toEqual(["a.txt:1"]);
    const staged = runCli(["--staged"], bare);
    expect(isCleanUserError(staged)).toBe(true);
  });
});

describe("big and many", () => {
  it("a 50 MB random binary in history is skipped fast and the token beside it is found", () => {
    const repo = tempRepo();
    writeFileSync(join(repo, "blob.bin"), randomBytes(50_000_000));
    writeFileSync(join(repo, "a.txt"), `k = "${githubToken()}"\n`);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "big");
    const blob = git(repo, "rev-parse", "HEAD:blob.bin").trim();
    const floor = timed(() => spawnSync("git", ["cat-file", "-p", blob], { cwd: repo, maxBuffer: 1 << 27 }));
    const node = timed(() => spawnSync("node", ["-e", "0"]));
    const run = timed(() => scanJson(repo, ["--history"]));
    rmSync(repo, { recursive: true, force: true }); // ~100 MB
    expect(where(run.value)).toEqual(["a.txt:1"]);
    expect(run.ms / (floor.ms + node.ms)).toBeLessThan(10);
  });

  it("10,000 files in one commit: staged and history find the one token", () => {
    const repo = tempRepo();
    for (let d = 0; d < 100; d++) mkdirSync(join(repo, `d${d}`));
    for (let i = 0; i < 10_000; i++) writeFileSync(join(repo, `d${i % 100}`, `f${i}.ts`), `export const v${i} = ${i};\n`);
    writeFileSync(join(repo, "d7", "f7.ts"), `export const k = "${awsKeyId()}";\n`);
    git(repo, "add", "-A");
    expect(where(scanJson(repo, ["--staged"]))).toEqual(["d7/f7.ts:1"]);
    git(repo, "commit", "-qm", "many");
    const history = scanJson(repo, ["--history"]);
    expect(where(history)).toEqual(["d7/f7.ts:1"]);
    expect(where(scanJson(repo, []))).toEqual(["d7/f7.ts:1"]);
  });
});

describe("hostile names and messages", () => {
  const latin1 = Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9, 0xff]), Buffer.from(".txt")]);
  const shown = ["caf\uFFFD\uFFFD.txt:1", "new\nline.txt:1", "tab\there.txt:1"];

  it("file names with newlines, tabs and non-UTF-8 bytes, and a Latin-1 multi-line message: found with sensible paths", () => {
    const repo = tempRepo();
    const line = () => Buffer.from(`k = "${githubToken()}"\n`);
    writeFileSync(Buffer.from(join(repo, "new\nline.txt")), line());
    writeFileSync(Buffer.from(join(repo, "tab\there.txt")), line());
    writeFileSync(Buffer.concat([Buffer.from(repo + "/"), latin1]), line());
    expect(where(scanJson(repo, []))).toEqual(shown);
    git(repo, "-c", "core.quotepath=off", "add", "-A");
    expect(where(scanJson(repo, ["--staged"]))).toEqual(shown);
    const message = Buffer.concat([Buffer.from("subject\n\nbody with\nnewlines and "), Buffer.from([0xe9, 0xff]), Buffer.from("\n")]);
    gitRaw(repo, ["-c", "i18n.commitEncoding=latin1", "-c", "core.quotepath=off", "commit", "-q", "-F", "-"], message);
    const history = scanJson(repo, ["--history"]);
    expect(where(history)).toEqual(shown);
    expect(history.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("corrupted objects: --history exits 2 with one line", () => {
  it.each([
    { name: "a deleted blob", target: "HEAD:b.txt", damage: "delete" },
    { name: "a truncated blob", target: "HEAD:b.txt", damage: "truncate" },
    { name: "a truncated commit", target: "HEAD~1", damage: "truncate" },
    { name: "a deleted tree", target: "HEAD^{tree}", damage: "delete" },
  ])("$name", ({ target, damage }) => {
    const repo = smallRepo();
    const file = loosePath(repo, git(repo, "rev-parse", target).trim());
    chmodSync(file, 0o644);
    if (damage === "delete") rmSync(file);
    else truncateSync(file, 10);
    const r = runCli(["--history", "--no-baseline"], repo);
    expect(r.stdout).toBe("");
    expect(isCleanUserError(r)).toBe(true);
    expect(r.stderr).toMatch(/^scan-secrets: git/);
  });
});
