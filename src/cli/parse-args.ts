import { UsageError } from "./errors.js";

type Kind = "boolean" | "string" | "list";

/** Every option the CLI knows, with its kind; aliases map to the long name. */
const OPTIONS: Record<string, Kind> = {
  format: "string",
  output: "string",
  baseline: "string",
  "no-baseline": "boolean",
  config: "string",
  cache: "string",
  redact: "string",
  "show-allowed": "boolean",
  "no-inline-allow": "boolean",
  "max-file-size": "string",
  color: "boolean",
  "no-color": "boolean",
  quiet: "boolean",
  help: "boolean",
  version: "boolean",
  staged: "boolean",
  history: "boolean",
  range: "string",
  since: "string",
  branch: "list",
  "all-occurrences": "boolean",
  jobs: "string",
  shard: "string",
  progress: "boolean",
  "no-progress": "boolean",
  "fail-on-unaudited": "boolean",
  "keep-missing": "boolean",
  mark: "list",
  as: "string",
  note: "string",
  force: "boolean",
  from: "string",
  interactive: "boolean",
};
const ALIASES: Record<string, string> = { o: "output", f: "format", h: "help", V: "version", q: "quiet", j: "jobs" };

/** Parsed command line: positionals in order, options by long name. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[]>;
}

/** Parses argv (without node and script); unknown options are a UsageError. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs["options"] = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const raw = arg.startsWith("--") ? arg.slice(2, eq > 0 ? eq : undefined) : arg.slice(1, eq > 0 ? eq : undefined);
    const name = arg.startsWith("--") ? raw : ALIASES[raw];
    const kind = name ? OPTIONS[name] : undefined;
    if (!name || !kind) throw new UsageError(`unknown option ${arg.split("=")[0]} (see scan-secrets --help)`);
    if (kind === "boolean") {
      if (eq > 0) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (kind === "list") options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  return { positionals, options };
}

/** A string option's value, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === "string" ? v : undefined;
}

/** A boolean option. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/** A list option's values. */
export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : [];
}

/** Parses sizes like 10MB, 512k, 1048576. */
export function parseSize(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--${option}: not a size: ${JSON.stringify(text)} (e.g. 10MB, 512k)`);
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Math.floor(Number(m[1]) * unit);
}

/** Parses a non-negative integer option within [min, max]. */
export function parseIntOption(text: string, option: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${option}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return n;
}
