/**
 * Hardening (no leaks): three planted tokens across two commits; every command and format, the
 * cache, the baseline, -o outputs and error messages are collected, and no token appears in full.
 * Findings must also have been produced, so the test can fail.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { git, runCli, tempDir, tempRepo, type CliRun } from "../support/cli.js";
import { awsKeyId, githubToken, stripeKey } from "../support/tokens.js";

const FORMATS = ["text", "json", "sarif", "github"];
const tokens = [githubToken(), awsKeyId(), stripeKey()];
let repo = "";
let out = "";
let inputs = "";
const runs: { args: string[]; r: CliRun }[] = [];

function run(args: string[], cwd = repo): CliRun {
  const r = runCli(args, cwd);
  runs.push({ args, r });
  return r;
}

function readOrEmpty(p: string): string {
  try {
    return readFileSync(p, "latin1");
  } catch {
    return ""; // a directory
  }
}

/** Files the tool may have written: -o outputs, cache, baseline, the repository and .git state. */
function sources(): string[] {
  const files = [...readdirSync(out).map((n) => join(out, n)), ...readdirSync(repo).filter((n) => n !== "a.py" && n !== ".git").map((n) => join(repo, n))];
  const state = readdirSync(join(repo, ".git")).filter((n) => !["objects", "index", "hooks", "logs"].includes(n)).map((n) => join(repo, ".git", n));
  return [...files, ...state];
}

/** Every byte the tool wrote anywhere: outputs, cache, baseline, files left in the repository. */
function everything(): string {
  return [...runs.map(({ r }) => r.stdout + r.stderr), ...sources().map(readOrEmpty)].join("\n");
}

beforeAll(() => {
  repo = tempRepo();
  out = tempDir("scan-secrets-no-leak-out-");
  inputs = tempDir("scan-secrets-no-leak-in-");
  writeFileSync(join(repo, "a.py"), `a = "${tokens[0]}"\nb = "${tokens[1]}"\n`);
  git(repo, "add", "a.py");
  git(repo, "commit", "-qm", "one");
  writeFileSync(join(repo, "a.py"), `c = "${tokens[2]}"\n`);
  git(repo, "commit", "-qam", "two");

  for (const f of FORMATS) {
    run([".", "--no-baseline", "--format", f]);
    run(["--history", "--no-baseline", "--format", f]);
    run([".", "--no-baseline", "--format", f, "-o", join(out, `tree.${f}`)]);
    run(["--history", "--no-baseline", "--format", f, "-o", join(out, `history.${f}`)]);
  }
  writeFileSync(join(repo, "a.py"), `d = "${tokens[0]}"\n`);
  git(repo, "add", "a.py");
  for (const f of FORMATS) run(["--staged", "--no-baseline", "--format", f]);
  git(repo, "reset", "-q", "--hard");
  run(["--history", "--no-baseline", "--cache", join(out, "cache")]);
  const again = run(["--history", "--no-baseline", "--cache", join(out, "cache")]); // reads the cache: nothing new, exit 0 by design
  runs.pop();
  runs.push({ args: ["(cached re-run)"], r: again });
  run(["baseline", "update", "--history"]);
  run(["baseline", "audit"]);
  run(["baseline", "audit", "--format", "json"]);
  run([".", "--show-allowed"]);
  run(["--history", "--show-allowed", "--format", "json"]);
  // errors that quote user input holding a token
  writeFileSync(join(inputs, "bad-config.json"), JSON.stringify({ [`bogus${tokens[0]}`]: 1 }));
  run([".", "--config", join(inputs, "bad-config.json")]);
  writeFileSync(join(inputs, "bad-regex.json"), JSON.stringify({ allowlist: { regexes: [`(${tokens[1]}`] } }));
  run([".", "--config", join(inputs, "bad-regex.json")]);
  writeFileSync(join(inputs, "bad-rule.json"), JSON.stringify({ rules: [{ id: tokens[2], description: "x", regex: "x", keywords: ["x"], examples: { positive: [], negative: [] } }] }));
  run([".", "--config", join(inputs, "bad-rule.json")]);
  run(["--range", `${tokens[0]}..HEAD`, "--history"]);
  run([`missing-${tokens[1]}.txt`]);
});

describe("no planted secret appears in full anywhere", () => {
  it("findings were produced in every format and command (the test can fail)", () => {
    const found = runs.filter(({ args }) => !args.includes("--config") && !args.some((a) => a.startsWith("missing-") || a.includes(".."))).map(({ args, r }) => [args.join(" "), r.code]);
    for (const [args, code] of found) expect([args, code]).toEqual([args, /^(baseline|\(cached)|--show-allowed/.test(String(args)) ? 0 : 1]);
    expect(readFileSync(join(out, "history.json"), "utf8")).toMatch(/"ruleId": "github-pat"/);
    // after `baseline update`, --show-allowed still lists the (baselined) findings
    const shown = runs.find(({ args }) => args.includes("--show-allowed") && args.includes("json"))!.r.stdout;
    expect((JSON.parse(shown) as { suppressed: unknown[] }).suppressed.length).toBeGreaterThanOrEqual(3);
    expect(readFileSync(join(repo, ".secrets-baseline.json"), "utf8")).toMatch(/"entries": \[\s*\{/);
  });

  it("errors quoting a token redact it and still exit 2 with one line", () => {
    for (const { args, r } of runs.filter(({ args }) => args.includes("--config") || args.some((a) => a.startsWith("missing-") || a.includes("..")))) {
      expect([args.join(" "), r.code, r.stderr.trim().split("\n").length]).toEqual([args.join(" "), 2, 1]);
    }
  });

  it.each(tokens.map((t, i) => ({ i, t })))("token $i: absent from stdout, stderr, -o outputs, cache, baseline and repository state", ({ t }) => {
    const all = everything();
    expect(all.length).toBeGreaterThan(10_000);
    const leaks = [...runs.map(({ args, r }) => [args.join(" ").replace(t, "<T>"), r.stdout + r.stderr]), ...sources().map((p) => [p, readOrEmpty(p)])].filter(([, v]) => v!.includes(t)).map(([k]) => k);
    expect(leaks).toEqual([]);
    expect(all.includes(t)).toBe(false);
    expect(all.includes(Buffer.from(t).toString("base64"))).toBe(false);
  });
});
