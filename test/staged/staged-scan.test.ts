/** `scan-secrets --staged` on real repositories: exactly the lines the next commit adds, from the index. */
import { describe, expect, it } from "vitest";
import { removedAfterEach, Repo } from "../support/git-repo.js";
import { stagedFindings } from "../support/scan-json.js";
import { githubToken } from "../support/tokens.js";

const keep = removedAfterEach();
const newRepo = (): Repo => keep(new Repo());

describe("scan-secrets --staged: what is staged", () => {
  it("reports a staged token at its file and line, redacted in the text report", () => {
    const repo = newRepo();
    repo.commitFiles({ "README.md": "hello\n" });
    const tok = githubToken();
    repo.write("src/config.js", `const a = 1;\nconst t = "${tok}";\n`);
    repo.git("add", "src/config.js");
    expect(stagedFindings(repo)).toEqual([{ file: "src/config.js", line: 2, ruleId: "github-pat" }]);
    const text = repo.cli(["--staged"]);
    expect(text.code).toBe(1);
    expect(text.out).toContain("src/config.js:2");
    expect(text.out.includes(tok)).toBe(false);
  });

  it("ignores a token that is only in the working tree", () => {
    const repo = newRepo();
    repo.commitFiles({ "a.js": "const a = 1;\n" });
    repo.write("a.js", `const a = "${githubToken()}";\n`);
    repo.write("new.js", `const b = "${githubToken()}";\n`);
    expect(stagedFindings(repo)).toEqual([]);
  });

  it("reads the index, not the working tree: staged then cleaned still counts", () => {
    const repo = newRepo();
    repo.commitFiles({ "a.js": "const a = 1;\n" });
    repo.write("a.js", `const a = 1;\nconst t = "${githubToken()}";\n`);
    repo.git("add", "a.js");
    repo.write("a.js", "const a = 1;\n");
    expect(stagedFindings(repo)).toEqual([{ file: "a.js", line: 2, ruleId: "github-pat" }]);
  });

  it("partial staging (git add -p): only the staged hunk, at its line in the staged version", () => {
    const repo = newRepo();
    const base = Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`);
    repo.commitFiles({ "a.js": `${base.join("\n")}\n` });
    const tok = githubToken();
    // Work tree: a clean line inserted at the top (not staged) and a token at the end (staged).
    repo.write("a.js", `// header\n${base.join("\n")}\nconst t = "${tok}";\n`);
    const patch = repo.git("diff", "-U0", "a.js");
    const tokenHunk = patch.slice(patch.lastIndexOf("@@ -"));
    repo.write("token.patch", patch.slice(0, patch.indexOf("@@ -")) + tokenHunk);
    repo.git("apply", "--cached", "--unidiff-zero", "token.patch");
    expect(stagedFindings(repo)).toEqual([{ file: "a.js", line: 21, ruleId: "github-pat" }]);
    // The other way round: the header staged (update-index with a blob), the token left out.
    const blob = repo.git("hash-object", "-w", "--stdin", "--path", "a.js").trim();
    repo.git("update-index", "--cacheinfo", `100644,${blob},a.js`);
    expect(stagedFindings(repo)).toEqual([]);
  });

  it("works on the first commit (no HEAD yet)", () => {
    const repo = newRepo();
    repo.write("first.js", `x\ny\nconst t = "${githubToken()}";\n`);
    repo.git("add", "first.js");
    expect(stagedFindings(repo)).toEqual([{ file: "first.js", line: 3, ruleId: "github-pat" }]);
  });

  it("honours the inline allow comment", () => {
    const repo = newRepo();
    repo.write("a.js", `const t = "${githubToken()}"; // scan-secrets:allow test fixture\n`);
    repo.git("add", "a.js");
    expect(stagedFindings(repo)).toEqual([]);
  });
});

describe("scan-secrets --staged: repository states", () => {
  it("ignores submodule changes", () => {
    const sub = newRepo();
    sub.commitFiles({ "s.js": `const t = "${githubToken()}";\n` });
    const repo = newRepo();
    repo.commitFiles({ "a.js": "x\n" });
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "vendor/sub");
    expect(stagedFindings(repo)).toEqual([]);
  });

  it("runs from a subdirectory with paths from the top level", () => {
    const repo = newRepo();
    repo.commitFiles({ "pkg/a.js": "x\n" });
    repo.write("pkg/a.js", `x\nconst t = "${githubToken()}";\n`);
    repo.git("add", "pkg/a.js");
    expect(stagedFindings(repo, `${repo.dir}/pkg`)).toEqual([{ file: "pkg/a.js", line: 2, ruleId: "github-pat" }]);
  });

  it("ignores user git config that changes the diff format", () => {
    const repo = newRepo();
    repo.commitFiles({ "pkg/a.js": "x\n" });
    for (const [k, v] of [["diff.noprefix", "true"], ["diff.mnemonicPrefix", "true"], ["color.ui", "always"], ["color.diff", "always"],
      ["diff.external", "false"], ["core.quotepath", "true"], ["diff.relative", "true"], ["diff.renames", "false"]]) repo.git("config", k!, v!);
    repo.write("pkg/a.js", `x\nconst t = "${githubToken()}";\n`);
    repo.write("é.js", `const t = "${githubToken()}";\n`);
    repo.git("add", "-A");
    expect(stagedFindings(repo, `${repo.dir}/pkg`)).toEqual([
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
