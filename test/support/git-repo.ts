/**
 * Throw-away git repositories with git and the CLI run in a clean environment, for the staged-scan,
 * hook and install tests (STYLE principle 9). Tokens are built at run time and never printed: this
 * repository scans itself.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { CLI, initRepo, tempDir } from "./cli.js";

/** Exit code and output of a process. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  out: string;
}

/** Environment for git: no user/system config, no GIT_* leaking in from a hook that runs the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_") && k !== "LEFTHOOK") env[k] = v;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", NO_COLOR: "1", ...extra };
}

function toRun(r: SpawnSyncReturns<string>): Run {
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** A temporary repository with a fixed identity and helpers to change and commit it. */
export class Repo {
  readonly dir: string;

  constructor(dir?: string, init = true) {
    this.dir = dir ?? tempDir("scan-secrets-staged-");
    if (init) initRepo((...args) => this.git(...args), "Test", "test@example.com");
  }

  /** Runs git; throws with its stderr on failure. */
  git(...args: string[]): string {
    const r = this.tryGit(...args);
    if (r.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
    return r.stdout;
  }

  /** Runs git and returns the outcome whatever it is. */
  tryGit(...args: string[]): Run {
    return this.tryGitEnv({}, ...args);
  }

  /** Runs git with extra environment variables (seen by hooks too). */
  tryGitEnv(extra: Record<string, string>, ...args: string[]): Run {
    return toRun(spawnSync("git", args, { cwd: this.dir, env: cleanEnv(extra), encoding: "utf8" }));
  }

  /** Writes a file (parents created). */
  write(path: string, text: string | Buffer): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }

  /** Writes and stages files, then commits them without hooks (test set-up, not under test). */
  commitFiles(files: Record<string, string>, message = "set-up"): void {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
    this.git("add", "--", ...Object.keys(files));
    this.git("commit", "-q", "--no-verify", "-m", message);
  }

  /** Runs the CLI in this repository (or a subdirectory of it). */
  cli(args: string[], cwd = this.dir): Run {
    return toRun(spawnSync(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), encoding: "utf8" }));
  }

  /** `git commit` with hooks enabled: the code path a developer takes. */
  commit(...args: string[]): Run {
    return this.tryGit("commit", ...args);
  }

  /** Number of commits on HEAD (0 before the first). */
  commitCount(): number {
    const r = this.tryGit("rev-list", "--count", "HEAD");
    return r.code === 0 ? Number(r.stdout.trim()) : 0;
  }

  /** Makes `node_modules/.bin/scan-secrets` run the CLI under test (as `npm i -D` would), kept out of commits. */
  linkCli(): void {
    this.write("node_modules/.bin/scan-secrets", `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(this.dir, "node_modules/.bin/scan-secrets"), 0o755);
    this.write(".git/info/exclude", "node_modules/\n");
  }

  /** A repository with the CLI linked, the hook installed by `scan-secrets install` and one clean commit. */
  static hooked(): Repo {
    const repo = new Repo();
    repo.linkCli();
    for (const step of [() => repo.cli(["install"]), () => (repo.write("README.md", "hello\n"), repo.tryGit("add", "README.md")), () => repo.commit("-q", "-m", "first")]) {
      const r = step();
      if (r.code !== 0) throw new Error(`hooked repository set-up failed: ${r.out}`);
    }
    return repo;
  }

  /** Deletes the repository. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Keeps the repositories a test file makes and removes them after each test (call once at the top of the file). */
export function removedAfterEach(): <R extends Repo>(repo: R) => R {
  const repos: Repo[] = [];
  afterEach(() => repos.splice(0).forEach((r) => r.remove()));
  return (repo) => (repos.push(repo), repo);
}
