import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, git, runCli, tempDir, tempRepo } from "../support/cli.js";
import { scanJson } from "../support/scan-json.js";
import { awsKeyId, githubToken } from "../support/tokens.js";

describe("work-tree scan", () => {
  it("reports a planted token with the contract's JSON shape, redacted, exit 1", () => {
    const dir = tempDir();
    const tok = githubToken();
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/config.ts"), `const a = 1;\n\nexport const token = "${tok}";\n`);
    const r = scanJson(dir, ["."]);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([["github-pat", "src/config.ts", 3, 23]]);
    expect(r.stdout).not.toContain(tok);
    expect(r.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{16,}$/);
  });

  it("exits 0 on a clean file and 2 with a one-line error on a missing path", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "clean.txt"), "hello\n");
    expect(scanJson(dir, ["clean.txt"]).code).toBe(0);
    const r = runCli(["does-not-exist"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("does-not-exist");
  });

  it("keeps line and column right with CRLF and a UTF-8 BOM, and decodes UTF-16", () => {
    const dir = tempDir();
    const tok = githubToken();
    writeFileSync(join(dir, "crlf.js"), `a\r\nb\r\n  x = "${tok}";\r\n`);
    writeFileSync(join(dir, "bom.js"), `\uFEFFx = "${tok}";\n`);
    writeFileSync(join(dir, "utf16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`a\nk = "${tok}"\n`, "utf16le")]));
    const found = scanJson(dir, ["."]).findings.map((f) => [f.file, f.line, f.column]);
    expect(found).toEqual([
      ["bom.js", 1, 6],
      ["crlf.js", 3, 8],
      ["utf16.txt", 2, 6],
    ]);
  });

  it("honours .gitignore in a repository and skips node_modules and binaries", () => {
    const repo = tempRepo();
    writeFileSync(join(repo, ".gitignore"), "ignored.env\n");
    writeFileSync(join(repo, "ignored.env"), `T=${githubToken()}\n`);
    mkdirSync(join(repo, "node_modules/x"), { recursive: true });
    writeFileSync(join(repo, "node_modules/x/index.js"), `t = "${githubToken()}"\n`);
    writeFileSync(join(repo, "blob.bin"), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(githubToken())]));
    writeFileSync(join(repo, "untracked.js"), `t = "${githubToken()}"\n`);
    expect(scanJson(repo, []).findings.map((f) => f.file)).toEqual(["untracked.js"]);
  });

  it("honours .gitignore outside a repository too", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "secret-dir/\n*.log\n");
    mkdirSync(join(dir, "secret-dir"));
    writeFileSync(join(dir, "secret-dir/a.js"), `t = "${githubToken()}"\n`);
    writeFileSync(join(dir, "x.log"), `t = "${githubToken()}"\n`);
    writeFileSync(join(dir, "kept.js"), `t = "${githubToken()}"\n`);
    expect(scanJson(dir, ["."]).findings.map((f) => f.file)).toEqual(["kept.js"]);
  });

  it("survives a symlink loop, a FIFO, a dangling link, invalid UTF-8 and an oversized file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "loop"));
    symlinkSync("..", join(dir, "loop/up"));
    symlinkSync("/nonexistent/target", join(dir, "dangling"));
    execFileSync("mkfifo", [join(dir, "pipe")]);
    writeFileSync(join(dir, "bad.txt"), Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]));
    writeFileSync(join(dir, "big.txt"), "a".repeat(3 * 1024 * 1024));
    writeFileSync(join(dir, "k.js"), `k = "${awsKeyId()}";\n`);
    const r = scanJson(dir, [".", "--max-file-size", "1MB"]);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.file)).toEqual(["k.js"]);
    expect(r.stderr).toMatch(/skipped 1 file larger than 1 MB \(big\.txt\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("names an unreadable file instead of failing (when not root)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "locked.js"), "x\n");
    chmodSync(join(dir, "locked.js"), 0);
    const r = scanJson(dir, ["."]);
    expect(r.code).toBe(0);
    if (process.getuid?.() !== 0) expect(r.stderr).toContain("locked.js");
  });

  it("writes -o into /dev/null and a FIFO without replacing them", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.js"), `t = "${githubToken()}"\n`);
    expect(runCli([".", "--format", "json", "-o", "/dev/null"], dir).code).toBe(1);
    expect(execFileSync("stat", ["-c", "%F", "/dev/null"]).toString().trim()).toBe("character special file");
    const fifo = join(tempDir(), "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = execFileSync("bash", ["-c", `cat "${fifo}" & node "${CLI}" . --format json -o "${fifo}"; wait`], { cwd: dir, timeout: 30_000 }).toString();
    expect(JSON.parse(reader).findings).toHaveLength(1);
    expect(execFileSync("stat", ["-c", "%F", fifo]).toString().trim()).toBe("fifo");
  });

  it("writes a regular -o file atomically and leaves no temp files", () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, "a.js"), "clean\n");
    expect(runCli([".", "--format", "json", "-o", join(out, "r.json")], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "r.json"), "utf8")).findings).toEqual([]);
    expect(execFileSync("ls", ["-A", out]).toString().trim()).toBe("r.json");
  });

  it("finds the same secrets with three scanning threads as with one (many files)", () => {
    const repo = tempRepo();
    const expected: string[] = [];
    for (let i = 0; i < 400; i++) {
      const name = `src/m${i % 10}/f${i}.ts`;
      mkdirSync(join(repo, `src/m${i % 10}`), { recursive: true });
      const planted = i % 37 === 0;
      writeFileSync(join(repo, name), `export const v = ${i};\n${planted ? `const t = "${githubToken()}";\n` : ""}`);
      if (planted) expected.push(name);
    }
    git(repo, "add", "-A");
    for (const jobs of ["1", "3"]) {
      const r = scanJson(repo, ["--jobs", jobs]);
      expect(r.findings.map((f) => f.file).sort()).toEqual(expected.sort());
      expect(r.stats?.files).toBe(400);
    }
  });

  it("rejects an unknown option and a bad --format with exit 2", () => {
    const dir = tempDir();
    for (const args of [["--frobnicate"], ["--format", "xml"], ["--max-file-size", "lots"]]) {
      const r = runCli(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("work-tree scan in a bare repository", () => {
  it("is a one-line usage error pointing to --history", () => {
    const repo = tempRepo();
    writeFileSync(join(repo, "a.txt"), "x\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "one");
    const bare = tempDir();
    git(bare, "clone", "-q", "--bare", repo, "b.git");
    const r = runCli([], join(bare, "b.git"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bare repository .*--history/);
  });
});
