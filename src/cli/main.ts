import { oneLine, UsageError } from "./errors.js";
import { flag, parseArgs } from "./parse-args.js";
import { HELP } from "./help.js";
import { toolVersion } from "./tool-version.js";

/** Runs the CLI and returns the exit code: 0 clean, 1 findings, 2 usage/config/git/parse error. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "verify-lockfile") return (await import("./verify-lockfile-command.js")).runVerifyLockfile(rest);
  const args = parseArgs(argv);
  if (flag(args, "help")) return print(HELP);
  if (flag(args, "version")) return print(`${toolVersion()}\n`);
  const command = args.positionals[0];
  if (command === "baseline") return (await import("./baseline-command.js")).runBaselineCommand(args);
  if (command === "install" || command === "uninstall") return (await import("./install-command.js")).runInstallCommand(args);
  if (flag(args, "staged") && flag(args, "history")) throw new UsageError("--staged and --history cannot be combined");
  if (flag(args, "staged")) return (await import("./staged-command.js")).runStagedScan(args);
  if (flag(args, "history")) return (await import("./history-command.js")).runHistoryScan(args);
  return (await import("./worktree-command.js")).runWorktreeScan(args);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

/** Exit with main's code; user errors print one line, never a stack trace. */
async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    const internal = !(err instanceof UsageError) && !(err as NodeJS.ErrnoException)?.code;
    process.stderr.write(`scan-secrets: ${internal ? "internal error: " : ""}${oneLine(err)}\n`);
    if (process.env.SCAN_SECRETS_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 2;
  }
}

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
await run();
