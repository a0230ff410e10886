import { UsageError } from "./errors.js";
import { writeOutput } from "./write-output.js";

const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

/** Options of `scan-secrets verify-lockfile`. */
interface VerifyArgs {
  cwd: string;
  allowedHosts: string[];
  allowedSchemes: string[];
  format: Format;
  output?: string;
  help: boolean;
}

export const VERIFY_LOCKFILE_HELP = `Usage: scan-secrets verify-lockfile [options]

Checks package-lock.json / npm-shrinkwrap.json (v1-3), yarn.lock (v1, berry), pnpm-lock.yaml (v6, v9)
and bun.lock for supply-chain problems and for drift from package.json.

Options:
  --cwd DIR               project directory (default: current directory)
  --allowed-host HOST     also allow this registry host (repeatable; npm, yarn accepted)
  --allowed-scheme SCHEME also allow this URL scheme, e.g. git+https: (repeatable)
  --format text|json|sarif
  -o, --output FILE       write the report to FILE
  -h, --help

Exit: 0 no problem, 1 problems, 2 usage or parse error.
`;

/** `scan-secrets verify-lockfile ...` (`args` after the command word); returns the exit code. */
export async function runVerifyLockfile(args: string[]): Promise<number> {
  const opts = parseVerifyArgs(args);
  if (opts.help) {
    process.stdout.write(VERIFY_LOCKFILE_HELP);
    return 0;
  }
  const { verifyLockfiles } = await import("../lockfile/verify.js");
  const { LockfileError } = await import("../lockfile/lockfile-error.js");
  let result: Awaited<ReturnType<typeof verifyLockfiles>>;
  try {
    result = await verifyLockfiles({ root: opts.cwd, allowedHosts: opts.allowedHosts, allowedSchemes: opts.allowedSchemes });
  } catch (err) {
    if (err instanceof LockfileError) throw new UsageError(err.message);
    throw err;
  }
  const text = await render(opts.format, result);
  if (opts.output) writeOutput(opts.output, text);
  else process.stdout.write(text);
  return result.problems.length > 0 ? 1 : 0;
}

async function render(format: Format, result: import("../lockfile/verify.js").VerifyResult): Promise<string> {
  if (format === "json") return (await import("../lockfile/report-json.js")).formatLockfileJson(result);
  if (format === "sarif") return (await import("../lockfile/report-sarif.js")).formatLockfileSarif(result);
  return (await import("../lockfile/report-text.js")).formatLockfileText(result);
}

/** Parses the command's own options; anything unknown is a usage error naming it. */
export function parseVerifyArgs(args: string[]): VerifyArgs {
  const out: VerifyArgs = { cwd: process.cwd(), allowedHosts: [], allowedSchemes: [], format: "text", help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (v === undefined || v === "") throw new UsageError(`verify-lockfile: ${name} needs a value`);
      return v;
    };
    if (name === "--help" || name === "-h") out.help = true;
    else if (name === "--cwd") out.cwd = value();
    else if (name === "--allowed-host" || name === "--allowed-hosts") out.allowedHosts.push(...value().split(/[\s,]+/).filter(Boolean));
    else if (name === "--allowed-scheme" || name === "--allowed-schemes") out.allowedSchemes.push(...value().split(/[\s,]+/).filter(Boolean));
    else if (name === "-o" || name === "--output") out.output = value();
    else if (name === "--format") out.format = formatOf(value());
    else throw new UsageError(`verify-lockfile: unknown option or argument "${arg}" (see --help)`);
  }
  return out;
}

function formatOf(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`verify-lockfile: unknown --format "${value}" (use ${FORMATS.join(", ")})`);
}
