import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findHookTarget, type HookTarget } from "../install/hook-target.js";
import { CHAINED_NAME } from "../install/hook-script.js";
import { installHook, uninstallHook } from "../install/install-hook.js";
import { addLefthookCommand, removeLefthookCommand } from "../install/lefthook-config.js";
import { UsageError } from "./errors.js";
import { flag, type ParsedArgs } from "./parse-args.js";

/** `scan-secrets install [--force]` / `scan-secrets uninstall`: the pre-commit hook of the current repository. */
export async function runInstallCommand(args: ParsedArgs): Promise<number> {
  const [command, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`${command}: unexpected argument ${JSON.stringify(extra[0])}`);
  const target = findHookTarget(process.cwd());
  const lines = command === "uninstall" ? uninstall(target) : install(target, flag(args, "force"));
  process.stdout.write(lines.map((l) => `scan-secrets: ${l}\n`).join(""));
  return 0;
}

/** Through lefthook when the repository uses it, else a hook file in the effective hooks directory. */
function install(target: HookTarget, force: boolean): string[] {
  if (target.lefthookConfig) {
    const name = show(target, target.lefthookConfig);
    const outcome = addLefthookCommand({ path: target.lefthookConfig, name, run: lefthookRun(target.root), force });
    const lines = [`pre-commit command ${outcome} in ${name}`];
    if (outcome !== "already installed" && !lefthookActive(target)) lines.push("run `npx lefthook install` to activate it");
    return lines;
  }
  const hook = join(target.hooksDir, "pre-commit");
  const outcome = installHook({ hooksDir: target.hooksDir, force });
  const lines = [`pre-commit hook ${outcome}: ${show(target, hook)}`];
  if (outcome === "installed, existing hook chained") lines.push(`the earlier hook is now ${show(target, join(target.hooksDir, CHAINED_NAME))} and runs first`);
  return lines;
}

/** Reverses install: the lefthook command and/or our hook file (restoring a chained hook). */
function uninstall(target: HookTarget): string[] {
  const lines: string[] = [];
  if (target.lefthookConfig) {
    const name = show(target, target.lefthookConfig);
    lines.push(`pre-commit command ${removeLefthookCommand({ path: target.lefthookConfig, name })} in ${name}`);
  }
  const outcome = uninstallHook({ hooksDir: target.hooksDir });
  if (outcome !== "not installed" || !target.lefthookConfig) lines.push(`pre-commit hook ${outcome}: ${show(target, join(target.hooksDir, "pre-commit"))}`);
  return lines;
}

/** The project's local copy when there is one (no npm start-up on every commit), else npx. */
function lefthookRun(root: string): string {
  return existsSync(join(root, "node_modules", ".bin", "scan-secrets")) ? "node_modules/.bin/scan-secrets --staged" : "npx --no-install scan-secrets --staged";
}

/** Whether lefthook's own pre-commit hook is in place (else our command would not run yet). */
function lefthookActive(target: HookTarget): boolean {
  try {
    return readFileSync(join(target.hooksDir, "pre-commit"), "utf8").includes("lefthook");
  } catch {
    return false;
  }
}

/** A path relative to the top level when inside it. */
function show(target: HookTarget, path: string): string {
  const rel = relative(target.root, path);
  return rel && !rel.startsWith("..") ? rel : path;
}
