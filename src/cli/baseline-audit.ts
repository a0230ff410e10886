/** `scan-secrets baseline audit [--format json] [--mark FP --as STATE --note TEXT] [--interactive]`. */
import { AUDIT_STATES, baselinePath, displayPath, readBaselineFile, type AuditState, type BaselineEntry, type BaselineFile } from "../baseline/index.js";
import { UsageError } from "./errors.js";
import { changeBaseline } from "./baseline-store.js";
import { flag, listOption, stringOption, type ParsedArgs } from "./parse-args.js";

/** Lists, marks or interactively reviews baseline entries; exit 1 with --fail-on-unaudited when any is unaudited. */
export async function runBaselineAudit(args: ParsedArgs): Promise<number> {
  const explicit = stringOption(args, "baseline");
  const path = baselinePath({ root: explicit ? process.cwd() : await repoRoot(), path: explicit });
  const shown = displayPath(path);
  const file = readBaselineFile(path, shown);
  if (!file) throw new UsageError(`${shown}: no baseline (create it with scan-secrets baseline update)`);
  let current: BaselineFile = file;
  if (listOption(args, "mark").length > 0) current = await mark(path, args);
  else if (flag(args, "interactive")) current = await (await import("./baseline-review.js")).reviewBaseline(path, current);
  const format = stringOption(args, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format: baseline audit prints text or json, not ${JSON.stringify(format)}`);
  process.stdout.write(format === "json" ? auditJson(shown, current) : auditText(shown, current));
  const unaudited = current.entries.filter((e) => e.state === "unaudited").length;
  return flag(args, "fail-on-unaudited") && unaudited > 0 ? 1 : 0;
}

async function repoRoot(): Promise<string> {
  const { findRepoRoot } = await import("../sources/git.js");
  return findRepoRoot(process.cwd()) ?? process.cwd();
}

/** `--mark FP... --as STATE [--note TEXT]`: fingerprints may be unique prefixes (4+ characters). */
async function mark(path: string, args: ParsedArgs): Promise<BaselineFile> {
  const state = stringOption(args, "as");
  if (!state || !AUDIT_STATES.includes(state as AuditState)) throw new UsageError(`--mark needs --as ${AUDIT_STATES.join("|")}`);
  const note = stringOption(args, "note");
  const { value } = await changeBaseline(path, (current) => {
    const chosen = new Set(listOption(args, "mark").map((fp) => findEntry(current.entries, fp).fingerprint));
    const entries = current.entries.map((e) => (chosen.has(e.fingerprint) ? withDecision(e, state as AuditState, note) : e));
    const baseline = { ...current, entries };
    return { baseline, value: baseline };
  });
  return value;
}

/** The entry a fingerprint (or unique prefix) names; UsageError otherwise. */
export function findEntry(entries: readonly BaselineEntry[], fp: string): BaselineEntry {
  const hits = fp.length >= 4 ? entries.filter((e) => e.fingerprint.startsWith(fp.toLowerCase())) : [];
  if (hits.length === 1) return hits[0]!;
  throw new UsageError(`--mark ${fp}: ${hits.length === 0 ? "no baseline entry has this fingerprint" : "ambiguous fingerprint prefix"}`);
}

/** An entry with a new state; the note is replaced when given, kept otherwise. */
export function withDecision(e: BaselineEntry, state: AuditState, note?: string): BaselineEntry {
  const { note: old, ...rest } = e;
  const text = note ?? old;
  return { ...rest, state, ...(text ? { note: text } : {}) };
}

function auditText(shown: string, b: BaselineFile): string {
  const counts = AUDIT_STATES.map((s) => `${b.entries.filter((e) => e.state === s).length} ${s}`).join(", ");
  const lines = [`${shown}: ${b.entries.length} ${b.entries.length === 1 ? "entry" : "entries"} (${counts})`];
  for (const e of b.entries) {
    const commit = e.firstSeen.commit ? `  commit ${e.firstSeen.commit.slice(0, 8)}` : "";
    lines.push(`  ${e.fingerprint}  ${e.state.padEnd(14)}  ${e.ruleId}  ${e.file}${commit}${e.note ? `  # ${e.note}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

function auditJson(shown: string, b: BaselineFile): string {
  const entries = b.entries.map(({ hash: _hash, ...rest }) => rest);
  return `${JSON.stringify({ version: 1, baseline: shown, entries }, null, 2)}\n`;
}
