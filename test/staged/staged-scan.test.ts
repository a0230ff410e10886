/** `scan-secrets --staged` on real repositories: exactly the lines the next commit adds, from the index. */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./ensure-built.js";
import { Repo, token } from "./git-repo.js";

interface Hit {
  file: string;
  line: number;
  ruleId: string;
}

/** The staged scan's findings (JSON report), after checking its exit code agrees with them. */
function staged(repo: Repo, cwd?: string): Hit[] {
  const r = repo.cli(["--staged", "--format", "json"], cwd);
  expect(r.code, r.stderr).toBe(r.stdout.includes('"ruleId"') ? 1 : 0);
  const report = JSON.parse(r.stdout) as { findings: Hit[] };
  return report.findings.map(({ file, line, ruleId }) => ({ file, line, ruleId }));
}

const repos: Repo[] = [];
function newRepo(): Repo {
  const repo = new Repo();
  repos.push(repo);
  return repo;
}

beforeAll(() => ensureBuilt());
afterEach(() => repos.splice(0).forEach((r) => r.remove()));

describe("scan-secrets --staged: what is staged", () => {
  it("reports a staged token at its file and line, redacted in the text report", () => {
    const repo = newRepo();
    repo.commitFiles({ "README.md": "hello\n" });
    const tok = token();
    repo.write("src/config.js", `const a = 1;\nconst t = "${tok}";\n`);
    repo.git("add", "src/config.js");
    expect(staged(repo)).toEqual([{ file: "src/config.js", line: 2, ruleId: "github-pat" }]);
    const text = repo.cli(["--staged"]);
    expect(text.code).toBe(1);
    expect(text.out).toContain("src/config.js:2");
    expect(text.out.includes(tok)).toBe(false);
  });

  it("ignores a token that is only in the working tree", () => {
    const repo = newRepo();
    repo.commitFiles({ "a.js": "const a = 1;\n" });
    repo.write("a.js", `const a = "${token()}";\n`);
    repo.write("new.js", `const b = "${token()}";\n`);
    expect(staged(repo)).toEqual([]);
  });

  it("reads the index, not the working tree: staged then cleaned still counts", () => {
    const repo = newRepo();
    repo.commitFiles({ "a.js": "const a = 1;\n" });
    repo.write("a.js", `const a = 1;\nconst t = "${token()}";\n`);
    repo.git("add", "a.js");
    repo.write("a.js", "const a = 1;\n");
    expect(staged(repo)).toEqual([{ file: "a.js", line: 2, ruleId: "github-pat" }]);
  });

  it("partial staging (git add -p): only the staged hunk, at its line in the staged version", () => {
    const repo = newRepo();
    const base = Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`);
    repo.commitFiles({ "a.js": `${base.join("\n")}\n` });
    const tok = token();
    // Work tree: a clean line inserted at the top (not staged) and a token at the end (staged).
    repo.write("a.js", `// header\n${base.join("\n")}\nconst t = "${tok}";\n`);
    const patch = repo.git("diff", "-U0", "a.js");
    const tokenHunk = patch.slice(patch.lastIndexOf("@@ -"));
    repo.write("token.patch", patch.slice(0, patch.indexOf("@@ -")) + tokenHunk);
    repo.git("apply", "--cached", "--unidiff-zero", "token.patch");
    expect(staged(repo)).toEqual([{ file: "a.js", line: 21, ruleId: "github-pat" }]);
    // The other way round: the header staged (update-index with a blob), the token left out.
    const blob = repo.git("hash-object", "-w", "--stdin", "--path", "a.js").trim();
    repo.git("update-index", "--cacheinfo", `100644,${blob},a.js`);
    expect(staged(repo)).toEqual([]);
  });

  it("works on the first commit (no HEAD yet)", () => {
    const repo = newRepo();
    repo.write("first.js", `x\ny\nconst t = "${token()}";\n`);
    repo.git("add", "first.js");
    expect(staged(repo)).toEqual([{ file: "first.js", line: 3, ruleId: "github-pat" }]);
  });

  it("honours the inline allow comment", () => {
    const repo = newRepo();
    repo.write("a.js", `const t = "${token()}"; // scan-secrets:allow test fixture\n`);
    repo.git("add", "a.js");
    expect(staged(repo)).toEqual([]);
  });
});

describe("scan-secrets --staged: repository states", () => {
  it("ignores submodule changes", () => {
    const sub = newRepo();
    sub.commitFiles({ "s.js": `const t = "${token()}";\n` });
    const repo = newRepo();
    repo.commitFiles({ "a.js": "x\n" });
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "vendor/sub");
    expect(staged(repo)).toEqual([]);
  });

  it("runs from a subdirectory with paths from the top level", () => {
    const repo = newRepo();
    repo.commitFiles({ "pkg/a.js": "x\n" });
    repo.write("pkg/a.js", `x\nconst t = "${token()}";\n`);
    repo.git("add", "pkg/a.js");
    expect(staged(repo, `${repo.dir}/pkg`)).toEqual([{ file: "pkg/a.js", line: 2, ruleId: "github-pat" }]);
  });

  it("ignores user git config that changes the diff format", () => {
    const repo = newRepo();
    repo.commitFiles({ "pkg/a.js": "x\n" });
    for (const [k, v] of [["diff.noprefix", "true"], ["diff.mnemonicPrefix", "true"], ["color.ui", "always"], ["color.diff", "always"],
      ["diff.external", "false"], ["core.quotepath", "true"], ["diff.relative", "true"], ["diff.renames", "false"]]) repo.git("config", k!, v!);
    repo.write("pkg/a.js", `x\nconst t = "${token()}";\n`);
    repo.write("é.js", `const t = "${token()}";\n`);
    repo.git("add", "-A");
    expect(staged(repo, `${repo.dir}/pkg`)).toEqual([
      { file: "pkg/a.js", line: 2, ruleId: "github-pat" },
      { file: "é.js", line: 1, ruleId: "github-pat" },
    ]);
  });

  it("outside a repository: exit 2 with one line", () => {
    const dir = newRepo();
    const r = dir.cli(["--staged"], "/");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
