/**
 * Migration from detect-secrets' `.secrets.baseline` (Yelp/detect-secrets, format 1.x):
 * `{"results": {"<file>": [{"type", "filename", "hashed_secret", "is_verified", "line_number",
 * "is_secret"?}]}}` where hashed_secret is the SHA-1 of the secret. We cannot invert it, so each
 * record is matched to a current finding of the same file whose secret has that SHA-1.
 */
import { createHash } from "node:crypto";
import type { Finding } from "../engine/types.js";
import { UsageError } from "../cli/errors.js";
import type { AuditState } from "./baseline-file.js";
import type { ImportResult } from "./import-result.js";

interface DetectSecretsRecord {
  type?: string;
  hashed_secret?: string;
  line_number?: number;
  is_secret?: boolean;
}

/** Matches a detect-secrets baseline against current findings; `is_secret` false/true/absent maps to false-positive/accepted/unaudited. */
export function importDetectSecrets(text: string, shown: string, findings: readonly Finding[]): ImportResult {
  const results = parseResults(text, shown);
  const bySha1 = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.file}\0${createHash("sha1").update(f.secret, "utf8").digest("hex")}`;
    bySha1.set(key, [...(bySha1.get(key) ?? []), f]);
  }
  const out: ImportResult = { decisions: [], unmatched: [] };
  for (const [file, records] of Object.entries(results)) {
    for (const r of records) {
      const hits = bySha1.get(`${file}\0${String(r.hashed_secret).toLowerCase()}`) ?? [];
      if (hits.length === 0) out.unmatched.push(`${file}:${r.line_number ?? "?"} ${r.type ?? "secret"}`);
      const note = `imported from detect-secrets (${r.type ?? "unknown type"})`;
      for (const finding of hits) out.decisions.push({ finding, state: stateOf(r.is_secret), note });
    }
  }
  return out;
}

function stateOf(isSecret: boolean | undefined): AuditState {
  if (isSecret === false) return "false-positive";
  return isSecret === true ? "accepted" : "unaudited";
}

function parseResults(text: string, shown: string): Record<string, DetectSecretsRecord[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${shown}: not a detect-secrets baseline (invalid JSON: ${(err as Error).message})`);
  }
  const results = (raw as { results?: unknown } | null)?.results;
  if (typeof results !== "object" || results === null || Array.isArray(results)) {
    throw new UsageError(`${shown}: not a detect-secrets baseline (no "results" object)`);
  }
  for (const [file, list] of Object.entries(results)) {
    if (!Array.isArray(list) || list.some((r) => typeof r?.hashed_secret !== "string")) {
      throw new UsageError(`${shown}: results.${file}: expected a list of {"hashed_secret": ...} records`);
    }
  }
  return results as Record<string, DetectSecretsRecord[]>;
}
