/**
 * Issue 4, acceptance 1: every secret that ever entered the repository is found once, at the
 * commit that introduced it, in that commit's version of the file; nothing else is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsKeyId, githubToken } from "../support/tokens.js";
import { filler, located, TestRepo, type ScanRun } from "./helpers.js";

describe("history scan: where each secret entered", () => {
  const repo = new TestRepo();
  const expected: string[] = [];
  const at = (rule: string, file: string, line: number, sha: string) => expected.push(`${rule} ${file}:${line} @${sha}`);
  let run: ScanRun;
  const shas: Record<string, string> = {};

  beforeAll(() => {
    repo.commit("initial", { "README.md": "# project\n", "src/app.js": filler(5, "app") });

    // Added, then deleted in the next commit: still reported, at the commit that added it.
    shas.added = repo.commit("add settings", { "config/settings.js": filler(3, "s") + `const gh = "${githubToken()}";\n` });
    at("github-pat", "config/settings.js", 4, shas.added);
    repo.commit("remove settings", { "config/settings.js": null });

    // The same secret kept across 50 commits (the file changes around it): reported once.
    const kept = githubToken();
    shas.kept = repo.commit("add kept", { "src/kept.js": `// header\nconst k = "${kept}";\n` });
    at("github-pat", "src/kept.js", 2, shas.kept);
    for (let i = 0; i < 50; i++) repo.commit(`churn ${i}`, { "src/kept.js": `// header\nconst k = "${kept}";\n` + filler(i + 1, "churn") });

    // A secret whose line is edited later (so the diff adds it again): still reported once.
    const edited = awsKeyId();
    shas.edited = repo.commit("add edited", { "src/edited.js": `const id = "${edited}";\n` });
    at("aws-access-key-id", "src/edited.js", 1, shas.edited);
    repo.commit("edit the line", { "src/edited.js": `const id = "${edited}"; // prod\n` });
    repo.commit("edit it again", { "src/edited.js": `// moved down\nconst id = "${edited}"; // prod, v2\n` });

    // Merged side branch.
    repo.git("checkout", "-q", "-b", "feature");
    shas.side = repo.commit("feature work", { "src/feature.js": filler(2, "f") + `aws ${awsKeyId()} key\n` });
    at("aws-access-key-id", "src/feature.js", 3, shas.side);
    repo.git("checkout", "-q", "main");
    repo.commit("main moves on", { "src/app.js": filler(6, "app") });
    repo.merge("feature");

    // Unmerged branch.
    repo.git("checkout", "-q", "-b", "unmerged");
    shas.unmerged = repo.commit("wip", { "wip.txt": `token ${githubToken()}\n` });
    at("github-pat", "wip.txt", 1, shas.unmerged);
    repo.git("checkout", "-q", "main");

    // Only a tag reaches it (the branch is deleted).
    repo.git("checkout", "-q", "-b", "release-prep");
    shas.tagged = repo.commit("release config", { "deploy/env.txt": filler(1, "d") + `AWS ${awsKeyId()}\n` });
    at("aws-access-key-id", "deploy/env.txt", 2, shas.tagged);
    repo.git("tag", "-a", "-m", "v1", "v1.0.0");
    repo.git("checkout", "-q", "main");
    repo.git("branch", "-q", "-D", "release-prep");

    // An evil merge: the merge commit itself adds a line found in neither parent.
    repo.git("checkout", "-q", "-b", "topic");
    repo.commit("topic change", { "src/merge.js": filler(3, "m") + "const topic = 1;\n" });
    repo.git("checkout", "-q", "main");
    repo.commit("main change", { "src/other.js": filler(2, "o") });
    repo.git("merge", "-q", "--no-ff", "--no-commit", "topic");
    repo.write({ "src/merge.js": filler(3, "m") + "const topic = 1;\n" + `const evil = "${githubToken()}";\n` });
    shas.evil = repo.commit("merge topic");
    at("github-pat", "src/merge.js", 5, shas.evil);

    // Renamed: added under the old path, renamed with an edit (reported at the adding commit, old
    // path), then a second secret added under the new path.
    const moved = filler(8, "r") + `x ${awsKeyId()}\n`;
    shas.beforeRename = repo.commit("add old", { "lib/old-name.js": moved });
    at("aws-access-key-id", "lib/old-name.js", 9, shas.beforeRename);
    repo.git("mv", "lib/old-name.js", "lib/new-name.js");
    repo.commit("rename", { "lib/new-name.js": moved + "// moved\n" });
    shas.afterRename = repo.commit("add to renamed", { "lib/new-name.js": moved + "// moved\n" + `y ${githubToken()}\n` });
    at("github-pat", "lib/new-name.js", 11, shas.afterRename);

    // A binary file (NUL bytes) holding a token: not reported.
    repo.commit("binary", { "assets/blob.bin": Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(` ${githubToken()} `), Buffer.from([0, 0])]) });

    run = repo.scan();
  });
  afterAll(() => repo.remove());

  it("finds each secret at its introducing commit, file and line, and nothing else", () => {
    expect(run.status).toBe(1);
    expect(located(run.findings)).toEqual([...expected].sort());
  });

  it("covers every reachable commit and says so", () => {
    expect(run.reachable).toBe(Number(repo.git("rev-list", "--all", "--count").trim()));
    expect(run.scanned).toBe(run.reachable);
  });

  it("stamps findings with author, email, date and subject", () => {
    const f = run.findings.find((x) => x.commit === shas.side)!;
    expect(f).toMatchObject({ author: "Test Author", email: "author@example.com", message: "feature work" });
    expect(new Date(f.date).toISOString()).toBe(new Date(repo.git("show", "-s", "--format=%aI", shas.side!).trim()).toISOString());
  });

  it("lists every commit a secret appears in with --all-occurrences", () => {
    const all = repo.scan(["--all-occurrences"]);
    const edited = all.findings.filter((f) => f.file === "src/edited.js").map((f) => f.line);
    expect(edited.sort()).toEqual([1, 1, 2]);
    expect(all.findings.length).toBe(run.findings.length + 2);
  });

  it("never prints a secret in full", () => {
    for (const f of run.findings) expect(f.secret.includes("…") || f.secret.length < 12).toBe(true);
  });
});

describe("history scan: commits with the same timestamp (a scripted repository)", () => {
  const repo = new TestRepo({ frozenClock: true });
  afterAll(() => repo.remove());

  it("still reports a secret at the commit that introduced it", () => {
    const token = githubToken();
    repo.commit("base", { "a.txt": "start\n" });
    const first = repo.commit("introduce", { "a.txt": `start\nv ${token}\n` });
    for (let i = 0; i < 5; i++) repo.commit(`touch ${i}`, { "a.txt": `start\nv ${token} ${i}\n` });
    repo.git("checkout", "-q", "-b", "side", `${first}~1`);
    repo.commit("side", { "b.txt": "b\n" });
    repo.git("checkout", "-q", "main");
    repo.merge("side");
    for (let i = 0; i < 3; i++) repo.commit(`after ${i}`, { "a.txt": `start\nv ${token} after ${i}\n` });
    const run = repo.scan();
    expect(located(run.findings)).toEqual([`github-pat a.txt:2 @${first}`]);
  });
});
