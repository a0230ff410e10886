/** `scan-secrets --staged` with renames, copies, deletions, binaries and unusual file names. */
import { describe, expect, it } from "vitest";
import { removedAfterEach, Repo } from "../support/git-repo.js";
import { stagedFindings } from "../support/scan-json.js";
import { githubToken } from "../support/tokens.js";

const keep = removedAfterEach();
const newRepo = (): Repo => keep(new Repo());

describe("scan-secrets --staged: renames, copies, deletions, binaries", () => {
  function withSecret(): Repo {
    const repo = newRepo();
    repo.commitFiles({ "old.js": `const a = 1;\nconst t = "${githubToken()}";\nconst b = 2;\n`, "other.js": "x\n" });
    return repo;
  }

  it("a renamed file is not re-reported; a token added with the rename is, under the new path", () => {
    const repo = withSecret();
    repo.git("mv", "old.js", "new.js");
    expect(stagedFindings(repo)).toEqual([]);
    repo.write("new.js", `${repo.git("show", ":new.js")}const u = "${githubToken()}";\n`);
    repo.git("add", "new.js");
    expect(stagedFindings(repo)).toEqual([{ file: "new.js", line: 4, ruleId: "github-pat" }]);
  });

  it("a copy of a file changed in the same commit counts only its own added lines", () => {
    const repo = withSecret();
    repo.write("copy.js", repo.git("show", "HEAD:old.js"));
    repo.write("old.js", "const a = 1;\nconst t = process.env.T;\nconst b = 2;\n");
    repo.git("add", "copy.js", "old.js");
    expect(stagedFindings(repo)).toEqual([]);
  });

  it("deleting a file with a secret does not block", () => {
    const repo = withSecret();
    repo.git("rm", "-q", "old.js");
    expect(stagedFindings(repo)).toEqual([]);
  });

  it("skips binary files", () => {
    const repo = newRepo();
    repo.write("blob.bin", Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`\nconst t = "${githubToken()}";\n`)]));
    repo.git("add", "blob.bin");
    expect(stagedFindings(repo)).toEqual([]);
  });

  it.each([
    { name: "a space", file: "leak me.js" },
    { name: "double quotes", file: 'say "hi".js' },
    { name: "non-ASCII", file: "données/clé-ü.js" },
    { name: "a tab and a backslash", file: "a\tb\\c.js" },
    { name: "a newline", file: "line\nbreak.js" },
  ])("reports file names with $name exactly", ({ file }) => {
    const repo = newRepo();
    repo.write(file, `x\nconst t = "${githubToken()}";\n`);
    repo.git("add", "--", file);
    expect(stagedFindings(repo)).toEqual([{ file, line: 2, ruleId: "github-pat" }]);
  });
});
