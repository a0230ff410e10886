/** `scan-secrets baseline update [--history] [--keep-missing] [PATH...]`. */
import { displayPath, updateBaseline, type BaselineChanges, type BaselineEntry } from "../baseline/index.js";
import { changeBaseline } from "./baseline-store.js";
import { scanForBaseline } from "./baseline-collect.js";
import { flag, type ParsedArgs } from "./parse-args.js";

/** Adds new findings as unaudited, keeps decisions, drops entries no longer found; prints the changes. */
export async function runBaselineUpdate(args: ParsedArgs): Promise<number> {
  const history = flag(args, "history");
  const { target, scope, findings } = await scanForBaseline(args, 2);
  const shown = displayPath(target);
  const inScope = (e: BaselineEntry): boolean => {
    // A work-tree scan cannot tell whether a secret found in history is still there.
    if (e.firstSeen.commit && !history) return false;
    return scope.length === 0 || scope.some((p) => e.file === p || e.file.startsWith(`${p}/`));
  };
  const { value: changes, written } = await changeBaseline(target, (previous) => {
    const { baseline, changes } = updateBaseline({ previous, findings, inScope, keepMissing: flag(args, "keep-missing") });
    return { baseline, value: changes };
  });
  process.stdout.write(describeChanges(shown, changes, written));
  return 0;
}

/** The update's message: a summary line, then one line per added or removed entry. */
export function describeChanges(shown: string, changes: BaselineChanges, written: boolean): string {
  const { added, removed, kept } = changes;
  const lines = [
    written || added.length + removed.length > 0
      ? `${shown}: ${added.length} added, ${removed.length} removed, ${kept.length} kept`
      : `${shown}: up to date (${kept.length} ${kept.length === 1 ? "entry" : "entries"})`,
  ];
  for (const e of added) lines.push(`  + ${e.fingerprint}  ${e.ruleId}  ${e.file}  (unaudited)`);
  for (const e of removed) lines.push(`  - ${e.fingerprint}  ${e.ruleId}  ${e.file}  (no longer found; was ${e.state})`);
  return `${lines.join("\n")}\n`;
}
