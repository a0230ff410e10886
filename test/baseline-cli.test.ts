/** End to end through bin/scan-secrets.js in throw-away git repositories (issue 5 acceptance). */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testRule, token } from "./baseline/helpers.js";
import { CLI, git, runCli, tempRepo } from "./support/cli.js";

const BASELINE = ".secrets-baseline.json";

/** A repository with the test rule configured and `files` committed. */
function repo(files: Record<string, string>, config: Record<string, unknown> = {}): string {
  const dir = tempRepo();
  writeFileSync(join(dir, ".scan-secrets.json"), JSON.stringify({ rules: [testRule()], ...config }, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "init");
  return dir;
}

const read = (dir: string, name = BASELINE) => readFileSync(join(dir, name), "utf8");

describe("baseline update", () => {
  it("is byte-identical when run twice, hashes secrets, and survives 50 inserted lines + re-indent", () => {
    const [t1, t2, t3] = [token(), token(), token()];
    const dir = repo({ "a.js": `const a = "${t1}";\n`, "b.yml": `cfg:\n  v: ${t2}\n`, "c.env": `V=${t3}\n` });
    expect(runCli(["baseline", "update"], dir).code).toBe(0);
    const b1 = read(dir);
    for (const t of [t1, t2, t3]) {
      expect(b1).not.toContain(t);
      expect(b1).not.toContain(Buffer.from(t).toString("base64"));
    }
    expect(runCli(["."], dir).code).toBe(0);
    expect(runCli(["baseline", "update"], dir).stdout).toContain("up to date (3 entries)");
    expect(read(dir)).toBe(b1);
    for (const f of ["a.js", "b.yml", "c.env"]) {
      const filler = Array.from({ length: 50 }, (_, i) => `# filler ${i}\n`).join("");
      writeFileSync(join(dir, f), filler + read(dir, f).replace(/^/gm, "    "));
    }
    expect(runCli(["."], dir).code).toBe(0);
    expect(runCli(["baseline", "update"], dir).code).toBe(0);
    expect(read(dir)).toBe(b1);
    writeFileSync(join(dir, "new.js"), `const b = "${t1}";\n`);
    expect(runCli(["."], dir).code).toBe(1);
  });

  it("keeps audit decisions and drops a removed secret with a message", () => {
    const [t1, t2] = [token(), token()];
    const dir = repo({ "a.js": `x = "${t1}"\n`, "b.js": `y = "${t2}"\n` });
    runCli(["baseline", "update"], dir);
    const fp = (JSON.parse(read(dir)).entries as { fingerprint: string; file: string }[]).find((e) => e.file === "a.js")!.fingerprint;
    const marked = runCli(["baseline", "audit", "--mark", fp.slice(0, 8), "--as", "false-positive", "--note", "test data"], dir);
    expect(marked.code).toBe(0);
    writeFileSync(join(dir, "b.js"), "y = 1\n");
    const r = runCli(["baseline", "update"], dir);
    expect(r.stdout).toMatch(/0 added, 1 removed, 1 kept/);
    expect(r.stdout).toMatch(/- \w+ {2}test-token {2}b\.js {2}\(no longer found; was unaudited\)/);
    expect(JSON.parse(read(dir)).entries).toMatchObject([{ file: "a.js", state: "false-positive", note: "test data" }]);
  });

  it("two concurrent updates leave one valid file with every entry and no lock", async () => {
    const dir = repo(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.js`, `v = "${token()}"\n`])));
    const run = promisify(execFile);
    await Promise.all([run("node", [CLI, "baseline", "update"], { cwd: dir }), run("node", [CLI, "baseline", "update"], { cwd: dir })]);
    expect(JSON.parse(read(dir)).entries).toHaveLength(20);
    expect(existsSync(join(dir, `${BASELINE}.lock`))).toBe(false);
    expect(runCli(["."], dir).code).toBe(0);
  });
});

describe("baseline update --history", () => {
  it("records where a removed secret was committed, keeps it on work-tree updates, and quiets history scans", () => {
    const gone = token();
    const dir = repo({ "old.js": `v = "${gone}"\n`, "a.js": `w = "${token()}"\n` });
    writeFileSync(join(dir, "old.js"), "v = 1\n");
    git(dir, "commit", "-qam", "remove");
    expect(runCli(["--history"], dir).code).toBe(1);
    expect(runCli(["baseline", "update", "--history"], dir).code).toBe(0);
    const entries = JSON.parse(read(dir)).entries as { file: string; firstSeen: { commit?: string } }[];
    expect(entries.map((e) => e.file)).toEqual(["a.js", "old.js"]);
    expect(entries[1]!.firstSeen.commit).toMatch(/^[0-9a-f]{40}$/);
    const before = read(dir);
    expect(runCli(["baseline", "update"], dir).code).toBe(0);
    expect(read(dir)).toBe(before);
    expect(runCli(["--history"], dir).code).toBe(0);
  });
});

describe("malformed inputs: exit 2, one line, files untouched", () => {
  it("a baseline that cannot be parsed is never overwritten", () => {
    const dir = repo({ "a.js": `v = "${token()}"\n` });
    const bad = '{"version": 1, "entries": [ broken';
    writeFileSync(join(dir, BASELINE), bad);
    for (const args of [["."], ["baseline", "update"], ["baseline", "audit"]]) {
      const r = runCli(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^scan-secrets: \.secrets-baseline\.json: baseline is not valid JSON/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(read(dir)).toBe(bad);
  });

  it("an invalid config names the key, and the baseline stays as it was", () => {
    const dir = repo({ "a.js": `v = "${token()}"\n` });
    runCli(["baseline", "update"], dir);
    const before = read(dir);
    writeFileSync(join(dir, ".scan-secrets.json"), JSON.stringify({ rules: [testRule()], allowlist: { regexes: ["(oops"] } }));
    for (const args of [["."], ["baseline", "update"]]) {
      const r = runCli(args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^scan-secrets: \.scan-secrets\.json: invalid config: allowlist\.regexes\[0\]: not a valid regex/);
    }
    expect(read(dir)).toBe(before);
  });
});

describe("suppression stays visible", () => {
  const [inline, allowed, baselined] = [token(), `tst_${token().slice(4, 20)}ZEBRA${token().slice(4, 15)}`, token()];
  const files = { "a.js": `v = "${inline}" // scan-secrets:allow\nw = "${allowed}"\n`, "b.js": `x = "${baselined}"\n` };

  it("--show-allowed lists what inline comments, allowlists and the baseline suppressed", () => {
    const dir = repo(files, { allowlist: { stopwords: ["zebra"] } });
    runCli(["baseline", "update"], dir);
    const r = runCli([".", "--show-allowed"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/a\.js:1:\d+ .*\(inline\)/);
    expect(r.stdout).toMatch(/a\.js:2:\d+ .*\(allowlist\)/);
    expect(r.stdout).toMatch(/b\.js:1:\d+ .*\(baseline\)/);
    expect(r.stdout).not.toContain(baselined);
    const jr = runCli([".", "--show-allowed", "--format", "json"], dir);
    expect(jr.stderr).toBe("");
    const json = JSON.parse(jr.stdout);
    expect(JSON.stringify(json)).not.toContain(inline);
  });

  it("--no-inline-allow reports inline-allowed secrets, and baseline update then records them", () => {
    const dir = repo(files, { allowlist: { stopwords: ["zebra"] } });
    expect(runCli(["."], dir).code).toBe(1);
    runCli(["baseline", "update"], dir);
    expect(runCli(["."], dir).code).toBe(0);
    const r = runCli([".", "--no-inline-allow"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.js:1:\d+ +test-token/);
    expect(runCli(["baseline", "update", "--no-inline-allow"], dir).stdout).toMatch(/1 added/);
    expect(runCli([".", "--no-inline-allow"], dir).code).toBe(0);
  });

  it("--fail-on-unaudited fails scans and audits until every entry is reviewed", () => {
    const dir = repo({ "b.js": `x = "${baselined}"\n` });
    runCli(["baseline", "update"], dir);
    expect(runCli(["."], dir).code).toBe(0);
    expect(runCli([".", "--fail-on-unaudited"], dir).code).toBe(1);
    expect(runCli(["baseline", "audit", "--fail-on-unaudited"], dir).code).toBe(1);
    const fp = JSON.parse(runCli(["baseline", "audit", "--format", "json"], dir).stdout).entries[0].fingerprint as string;
    expect(runCli(["baseline", "audit", "--mark", fp, "--as", "accepted"], dir).code).toBe(0);
    expect(runCli([".", "--fail-on-unaudited"], dir).code).toBe(0);
    expect(runCli(["baseline", "audit", "--fail-on-unaudited"], dir).stdout).toMatch(/1 entry \(0 unaudited, 1 accepted/);
    expect(runCli(["baseline", "audit", "--mark", "ffff", "--as", "accepted"], dir).code).toBe(2);
  });
});

describe("baseline import", () => {
  it("migrates a detect-secrets baseline end to end", () => {
    const dir = repo({ "c.js": `v = "${token()}"\n` });
    writeFileSync(join(dir, ".secrets.baseline"), JSON.stringify({ version: "1.5.0", results: { "c.js": [{ type: "Secret Keyword", filename: "c.js", hashed_secret: "0".repeat(40), is_verified: false, line_number: 1 }] } }));
    const r = runCli(["baseline", "import", ".secrets.baseline"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("imported from detect-secrets: 0 added, 0 updated, 0 unchanged, 1 not found");
    expect(runCli(["baseline", "import", "missing.baseline"], dir).code).toBe(2);
  });
});
