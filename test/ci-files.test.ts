// Issue 7, acceptance 3: the shipped CI files parse, name only real actions and contract options,
// and the workflow's own commands work when run locally in a throw-away repository.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Log } from "sarif";
import { parse } from "yaml";
import { CLI as SHARED_CLI } from "./support/cli.js";
import { expandTemplate } from "./support/expand-template.js";
import { sarifSchemaValidator } from "./report/sample-report.js";

const ROOT = resolve(import.meta.dirname, "..");
const load = (file: string): any => parse(readFileSync(join(ROOT, file), "utf8"));
const workflow = load(".github/workflows/scan-secrets.yml");
const gitlab = load("ci/gitlab-ci.yml");
const ACTIONS = ["actions/checkout@v4", "actions/setup-node@v4", "actions/cache@v4", "github/codeql-action/upload-sarif@v3"];
// Options of /work/shared/CONTRACT.md; those listed with a value take the next token.
const FLAGS = ["--staged", "--history", "--no-baseline"];
const VALUED = ["--format", "-o", "--output", "--baseline", "--cache", "--config", "--range", "--since", "--cwd"];
const SUBCOMMANDS = ["verify-lockfile", "baseline", "install"];

type Step = { name?: string; if?: string; uses?: string; run?: string; env?: Record<string, string> };
const jobs = Object.entries(workflow.jobs as Record<string, { steps: Step[] }>);
const steps = jobs.flatMap(([, job]) => job.steps);
const gitlabScripts: string[] = Object.values(gitlab as Record<string, { script?: string[] }>).flatMap((j) => j.script ?? []);
const scripts = [...steps.flatMap((s) => (s.run ? [s.run] : [])), ...gitlabScripts];
const scanCommands = scripts.flatMap((s) => s.split("\n")).flatMap((l) => l.match(/npx scan-secrets.*/g) ?? []);

/** Shell-like words (quotes kept out). */
const words = (line: string): string[] => (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ""));

describe("CI files", () => {
  it("the workflow runs on push, pull_request and a weekly schedule", () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "pull_request", "schedule"]));
    expect(workflow.on.schedule[0].cron.split(" ")).toHaveLength(5);
  });

  it("uses only existing actions, pinned to their major version", () => {
    const used = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(ACTIONS).toContain(u);
    for (const s of steps) expect(Boolean(s.uses) !== Boolean(s.run)).toBe(true);
  });

  it("runs only npm and scan-secrets, never splicing ${{ }} expressions into scripts", () => {
    for (const line of scripts.flatMap((s) => s.split("\n")).map((l) => l.trim())) {
      if (line === "" || /^(if|else|fi)\b/.test(line)) continue;
      expect(line).toMatch(/^(npm (ci|audit)|npx scan-secrets)\b/);
      expect(line).not.toContain("${{");
    }
  });

  it.each(scanCommands.map((command) => ({ command })))("only contract options: $command", ({ command }) => {
    const [, , ...rest] = words(command);
    if (SUBCOMMANDS.includes(rest[0] ?? "")) rest.shift();
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      if (VALUED.includes(w)) {
        if (w === "--format") expect(["text", "json", "sarif", "github"]).toContain(rest[i + 1]);
        i++;
      } else expect(FLAGS).toContain(w);
    }
  });

  it("scans the history with full clones, uploads SARIF with a category, audits weekly", () => {
    const checkout = workflow.jobs.secrets.steps.find((s: Step) => s.uses?.startsWith("actions/checkout"));
    expect(checkout.with["fetch-depth"]).toBe(0);
    expect(workflow.jobs.secrets.permissions["security-events"]).toBe("write");
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif")) as Step & { with: Record<string, string> };
    expect(upload.with).toMatchObject({ sarif_file: "scan.sarif", category: "scan-secrets" });
    expect(upload.if).toContain("always()");
    expect(workflow.jobs.audit.steps.at(-1).run).toBe("npm audit --omit=dev --audit-level=high");
    expect(gitlab["scan-secrets"].variables.GIT_DEPTH).toBe("0");
  });

  it(".pre-commit-hooks.yaml declares the staged-scan hook of our bin", () => {
    const [hook] = load(".pre-commit-hooks.yaml");
    expect(hook).toMatchObject({ id: "scan-secrets", entry: "scan-secrets --staged", language: "node", pass_filenames: false, stages: ["pre-commit"] });
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin).toHaveProperty("scan-secrets");
  });
});

// The built CLI (test/support/global-setup.ts builds it before the run); SCAN_SECRETS_CLI points
// the test at another build (e.g. a packed copy) instead.
const CLI = process.env.SCAN_SECRETS_CLI ?? SHARED_CLI;

describe("the workflow's commands, run locally", () => {
  let dir = "";
  const token = expandTemplate("{{ghtoken:ghp}}", Date.now() % 1e9);
  const git = (...args: string[]): string => {
    const r = spawnSync("git", args, { cwd: dir, encoding: "utf8", env: gitEnv() });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout.trim();
  };
  const gitEnv = () => ({ ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1", NO_COLOR: "1" });
  const commit = (file: string, text: string, msg: string): string => {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
    git("add", "-A");
    git("commit", "-q", "-m", msg);
    return git("rev-parse", "HEAD");
  };
  /** Runs the workflow step(s) of `job` that run on `event` and call scan-secrets, as the runner would. */
  const runJob = (job: string, event: string, vars: Record<string, string> = {}) => {
    const chosen = (workflow.jobs[job].steps as Step[]).filter((s) => s.run?.includes("npx scan-secrets") && runsOn(s, event));
    expect(chosen.length).toBeGreaterThan(0);
    return chosen.map((s) => {
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.env ?? {})) env[k] = String(v).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_m, e: string) => vars[e] ?? "");
      const script = s.run!.replaceAll("npx scan-secrets", `node ${JSON.stringify(CLI)}`);
      return spawnSync("bash", ["-e", "-c", script], { cwd: dir, encoding: "utf8", env: { ...gitEnv(), ...env } });
    });
  };
  const sarif = (): Log => JSON.parse(readFileSync(join(dir, "scan.sarif"), "utf8")) as Log;
  let shas: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "scan-secrets-ci-"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ci@example.com");
    git("config", "user.name", "CI");
    const pkg = { name: "demo", version: "1.0.0" };
    writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ ...pkg, lockfileVersion: 3, requires: true, packages: { "": pkg } }, null, 2));
    shas = [commit("package.json", JSON.stringify(pkg, null, 2), "init"), commit("src/config.js", `export const key = "${token}";\n`, "add config"), commit("README.md", "# demo\n", "docs")];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("push: the cached history scan writes valid SARIF naming the introducing commit", () => {
    const [run] = runJob("secrets", "push");
    expect(run!.status, run!.stderr).toBe(1);
    const log = sarif();
    expect(sarifSchemaValidator()(log)).toBe(true);
    const results = log.runs[0]!.results ?? [];
    expect(results.map((r) => [r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.properties?.commit])).toEqual([["src/config.js", shas[1]]]);
    expect(readFileSync(join(dir, "scan.sarif"), "utf8")).not.toContain(token);
    expect(readFileSync(join(dir, ".scan-secrets-cache.json"), "utf8")).not.toContain(token);
  });

  it.each([
    { name: "base before the secret: reported", base: 0, want: 1, status: 1 },
    { name: "base after the secret: only later commits scanned", base: 1, want: 0, status: 0 },
    { name: "empty range: nothing scanned is an error, never a silent pass", base: 2, want: -1, status: 2 },
  ])("pull_request, $name", ({ base, want, status }) => {
    git("update-ref", "refs/remotes/origin/main", shas[base]!);
    const [run] = runJob("secrets", "pull_request", { "github.base_ref": "main" });
    expect(run!.status, run!.stderr).toBe(status);
    if (want >= 0) expect(sarif().runs[0]!.results ?? []).toHaveLength(want);
  });

  it("verify-lockfile passes on a consistent lockfile", () => {
    const [run] = runJob("lockfile", "push");
    expect(run!.status, run!.stderr).toBe(0);
  });

  it("partialFingerprints survive a second run and lines inserted above the finding", () => {
    const prints = () => {
      spawnSync("node", [CLI, "--format", "sarif", "-o", "scan.sarif"], { cwd: dir, env: gitEnv() });
      return sarif().runs[0]!.results!.map((r) => [r.partialFingerprints, r.locations![0]!.physicalLocation!.region!.startLine]);
    };
    const [first, second] = [prints(), prints()];
    writeFileSync(join(dir, "src/config.js"), `// a\n// b\n${readFileSync(join(dir, "src/config.js"), "utf8")}`);
    const shifted = prints();
    expect(second).toEqual(first);
    expect(shifted).toEqual([[first[0]![0], 3]]);
  });
});

/** Whether a step's simple `if:` (`github.event_name ==|!= 'x'`) lets it run on `event`. */
function runsOn(step: Step, event: string): boolean {
  if (!step.if) return true;
  const m = /^github\.event_name\s*(==|!=)\s*'(\w+)'$/.exec(step.if.trim());
  if (!m) return false;
  return (m[1] === "==") === (m[2] === event);
}
