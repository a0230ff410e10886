/** Unusual file names, CRLF files, a 2,000-file commit, and identical findings whatever --jobs. */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsKeyId, githubToken } from "../support/tokens.js";
import { EPOCH, filler, located, TestRepo } from "./helpers.js";

describe("file names and line endings", () => {
  const repo = new TestRepo();
  beforeAll(() => void repo.commit("base", { "README.md": "x\n" }));
  afterAll(() => repo.remove());

  it.each([
    ["spaces", "dir with space/file name.txt"],
    ["unicode", "ünïcødé/ファイル.txt"],
    ["double quote", 'quo"te.txt'],
    ["tab and backslash", "tab\there\\back.txt"],
    ["leading dash", "-dash.txt"],
  ])("reports the exact path of a file with %s", (_name, path) => {
    const sha = repo.commit(`add ${path}`, { [path]: filler(2) + `k ${githubToken()}\n` });
    const run = repo.scan(["--range", `${sha}~1..${sha}`]);
    expect(run.status, run.stderr).toBe(1);
    expect(located(run.findings)).toEqual([`github-pat ${path}:3 @${sha}`]);
  });

  it("locates secrets in CRLF files without the carriage return", () => {
    const token = awsKeyId();
    const sha = repo.commit("crlf", { "win.ini": `[a]\r\nx=1\r\nkey=${token}\r\nend\r\n` });
    const run = repo.scan(["--range", `${sha}~1..${sha}`]);
    expect(located(run.findings)).toEqual([`aws-access-key-id win.ini:3 @${sha}`]);
    expect(run.findings[0]!.column).toBe(5);
    const lf = repo.commit("same secret, LF, another file", { "unix.ini": `[a]\nx=1\nkey=${token}\nend\n` });
    const both = repo.scan(["--range", `${sha}~1..${lf}`]).findings;
    expect(both.map((f) => f.line)).toEqual([3, 3]);
  });
});

describe("a commit touching 2,000 files", () => {
  const repo = new TestRepo();
  afterAll(() => repo.remove());

  it("finds the secrets among them", () => {
    repo.commit("base", { "README.md": "x\n" });
    const planted = new Map([[7, 3], [1234, 5], [1999, 1]]);
    for (let i = 0; i < 2000; i++) {
      mkdirSync(join(repo.dir, `pkg${i % 20}`), { recursive: true });
      const line = planted.get(i);
      const lines = filler(6, `f${i}`).split("\n");
      if (line) lines.splice(line - 1, 0, `id ${awsKeyId()}`);
      writeFileSync(join(repo.dir, `pkg${i % 20}`, `file${i}.js`), lines.join("\n"));
    }
    repo.git("add", "-A");
    const sha = repo.commit("bulk");
    const run = repo.scan();
    expect(run.scanned).toBe(2);
    const expected = [...planted].map(([i, line]) => `aws-access-key-id pkg${i % 20}/file${i}.js:${line} @${sha}`);
    expect(located(run.findings)).toEqual(expected.sort());
  });
});

describe("--jobs", () => {
  const repo = new TestRepo();
  afterAll(() => repo.remove());

  /** 300 commits (enough for the worker pool) of ~12 KB patches, built with git fast-import. */
  function importHistory(): number {
    const parts: string[] = [];
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    let planted = 0;
    for (let n = 1; n <= 300; n++) {
      const when = `${EPOCH + n * 60} +0000`;
      parts.push(`commit refs/heads/${n % 7 === 0 ? "side" : "main"}\nmark :${n}\n`);
      parts.push(`author A <a@example.com> ${when}\ncommitter A <a@example.com> ${when}\n${data(`commit ${n}`)}`);
      // Every 7th commit lands on "side", branching off the previous commit.
      if (n > 1) parts.push(`from :${n - 1}\n`);
      const body = filler(200, `c${n}`) + (n % 23 === 0 ? `t ${(planted++, n % 2 ? githubToken() : awsKeyId())}\n` : "");
      parts.push(`M 100644 inline src/f${n % 40}.js\n${data(body)}\n`);
    }
    const r = spawnSync("git", ["fast-import", "--quiet"], { cwd: repo.dir, input: parts.join("") });
    if (r.status !== 0) throw new Error(r.stderr.toString());
    return planted;
  }

  it("gives identical findings with 1 and 2 workers", () => {
    const planted = importHistory();
    const one = repo.scan(["--jobs", "1"]);
    const two = repo.scan(["--jobs", "2"]);
    expect(one.scanned).toBe(300);
    expect(one.findings).toHaveLength(planted);
    expect(located(two.findings)).toEqual(located(one.findings));
    expect(two.findings.map((f) => f.fingerprint).sort()).toEqual(one.findings.map((f) => f.fingerprint).sort());
  });
});
