/**
 * Migration from gitleaks: a `.gitleaksignore` (one fingerprint a line, `[commit:]file:rule:line`)
 * or a JSON report used as `--baseline-path` (an array of findings with File, Secret, RuleID,
 * StartLine, Commit). Ignore entries become `accepted`; report entries `unaudited`.
 */
import type { Finding } from "../engine/types.js";
import { UsageError } from "../cli/errors.js";
import type { ImportResult } from "./import-result.js";

interface GitleaksFinding {
  File?: string;
  Secret?: string;
  RuleID?: string;
  StartLine?: number;
  Commit?: string;
}

/** Matches a gitleaks ignore file or JSON report against current findings. */
export function importGitleaks(text: string, shown: string, findings: readonly Finding[]): ImportResult {
  return text.trimStart().startsWith("[") ? importReport(text, shown, findings) : importIgnoreFile(text, findings);
}

function importReport(text: string, shown: string, findings: readonly Finding[]): ImportResult {
  let records: GitleaksFinding[];
  try {
    records = JSON.parse(text) as GitleaksFinding[];
  } catch (err) {
    throw new UsageError(`${shown}: not a gitleaks report (invalid JSON: ${(err as Error).message})`);
  }
  const out: ImportResult = { decisions: [], unmatched: [] };
  records.forEach((r, i) => {
    if (typeof r?.File !== "string" || typeof r.Secret !== "string") throw new UsageError(`${shown}: [${i}]: expected a gitleaks finding with File and Secret`);
    // Rule ids differ between tools, and gitleaks' Secret may be a little wider or narrower than ours.
    const hits = findings.filter((f) => f.file === r.File && (f.secret === r.Secret || r.Secret!.includes(f.secret) || f.secret.includes(r.Secret!)));
    if (hits.length === 0) out.unmatched.push(`${r.File}:${r.StartLine ?? "?"} ${r.RuleID ?? "secret"}`);
    for (const finding of hits) out.decisions.push({ finding, state: "unaudited", note: `imported from gitleaks report (${r.RuleID ?? "unknown rule"})` });
  });
  return out;
}

function importIgnoreFile(text: string, findings: readonly Finding[]): ImportResult {
  const out: ImportResult = { decisions: [], unmatched: [] };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const fp = parseIgnoreLine(line);
    if (!fp) {
      out.unmatched.push(`${line} (not a gitleaks fingerprint)`);
      continue;
    }
    const inFile = findings.filter((f) => f.file === fp.file && (!fp.commit || !f.commit || f.commit === fp.commit));
    // Line numbers are gitleaks' identity; fall back to the rule when the file has moved on since.
    let hits = inFile.filter((f) => f.line === fp.line);
    if (hits.length === 0) hits = inFile.filter((f) => f.ruleId === fp.rule);
    if (hits.length === 0) out.unmatched.push(line);
    for (const finding of hits) out.decisions.push({ finding, state: "accepted", note: `imported from .gitleaksignore (${fp.rule})` });
  }
  return out;
}

/** `[commit:]file:rule:line`; the file may itself contain colons. */
export function parseIgnoreLine(line: string): { commit?: string; file: string; rule: string; line: number } | undefined {
  const parts = line.split(":");
  if (parts.length < 3) return undefined;
  const lineNo = Number(parts.pop());
  const rule = parts.pop()!;
  if (!Number.isInteger(lineNo) || lineNo < 1 || !rule) return undefined;
  const commit = parts.length > 1 && /^[0-9a-f]{7,64}$/.test(parts[0]!) ? parts.shift() : undefined;
  const file = parts.join(":");
  return file ? { commit, file, rule, line: lineNo } : undefined;
}
