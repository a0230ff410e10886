import "./regex-guard.js";
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
    await reportError(err);
  }
}

/** One redacted line on stderr (the stack only with SCAN_SECRETS_DEBUG), exit code 2. */
async function reportError(err: unknown): Promise<void> {
  const internal = !(err instanceof UsageError) && !(err as NodeJS.ErrnoException)?.code;
  process.stderr.write(`scan-secrets: ${internal ? "internal error: " : ""}${await redactSecrets(oneLine(err))}\n`);
  if (process.env.SCAN_SECRETS_DEBUG && err instanceof Error) process.stderr.write(`${await redactSecrets(err.stack ?? "")}\n`);
  process.exitCode = 2;
}

/**
 * Error messages quote user input (a config key, a regex, a path) that may hold a secret: redact
 * what the shipped rules find in them, and any long random-looking run (entropy above hex's 4
 * bits, so commit ids stay readable); only the runs if the rules cannot load.
 */
async function redactSecrets(text: string): Promise<string> {
  const { redact } = await import("../report/redact.js");
  const { shannonEntropy } = await import("../engine/entropy.js");
  let out = text;
  try {
    const { compileRules, scanFragment } = await import("../engine/index.js");
    const { loadRulePack } = await import("../rules/load-rule-pack.js");
    for (const f of scanFragment(compileRules(loadRulePack()), { path: "error", text }, { inlineAllow: false })) {
      out = out.split(f.secret).join(redact(f.secret));
    }
  } catch {
    /* the fallback below still hides random-looking runs */
  }
  return out.replace(/[A-Za-z0-9_+/=-]{32,}/g, (run) => (!looksLikePath(run) && shannonEntropy(run) > 4.2 ? redact(run) : run));
}

/** `/tmp/scan-secrets-x1Y2z3/config.json`: slash-separated word segments, none long; the path the error is about stays readable. */
function looksLikePath(run: string): boolean {
  const segments = run.split("/");
  return segments.length >= 3 && segments.every((s) => s.length < 32 && /^[\w.-]*$/.test(s));
}

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
});
// Errors thrown from callbacks (a child process closing, a stream event) escape run()'s try.
const crash = (err: unknown) => void reportError(err).finally(() => process.exit(2));
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
await run();
