/** `scan-secrets baseline import FILE [--from detect-secrets|gitleaks]`: migrate another tool's baseline. */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { displayPath, importDetectSecrets, importGitleaks, mergeImported, type ImportFormat } from "../baseline/index.js";
import { UsageError } from "./errors.js";
import { changeBaseline } from "./baseline-store.js";
import { scanForBaseline } from "./baseline-collect.js";
import { stringOption, type ParsedArgs } from "./parse-args.js";

/** Scans the work tree, matches the foreign file's entries to current findings, and merges them in. */
export async function runBaselineImport(args: ParsedArgs): Promise<number> {
  const source = args.positionals[2];
  if (!source) throw new UsageError("baseline import: give the file to import (.secrets.baseline, .gitleaksignore or a gitleaks JSON report)");
  const abs = resolve(source);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (err) {
    throw new UsageError(`${source}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const format = importFormat(stringOption(args, "from"), abs, text);
  const { target, findings } = await scanForBaseline(args, 3);
  const result = format === "detect-secrets" ? importDetectSecrets(text, source, findings) : importGitleaks(text, source, findings);
  const { value: counts } = await changeBaseline(target, (previous) => {
    const { baseline, counts } = mergeImported(previous, result.decisions);
    return { baseline, value: counts };
  });
  const lines = [`${displayPath(target)}: imported from ${format}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${result.unmatched.length} not found`];
  for (const u of result.unmatched) lines.push(`  ? ${u} (no current finding matches)`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/** `--from`, else from the content: a JSON object with "results" is detect-secrets, the rest gitleaks. */
function importFormat(from: string | undefined, abs: string, text: string): ImportFormat {
  if (from !== undefined) {
    if (from === "detect-secrets" || from === "gitleaks") return from;
    throw new UsageError(`--from: expected detect-secrets or gitleaks, got ${JSON.stringify(from)}`);
  }
  if (basename(abs) === ".secrets.baseline" || /^\s*\{[\s\S]*"results"\s*:/.test(text)) return "detect-secrets";
  return "gitleaks";
}
