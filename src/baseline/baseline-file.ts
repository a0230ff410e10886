/** The baseline file: parse and validate strictly, serialize deterministically. */
import { readFileSync } from "node:fs";
import { UsageError } from "../cli/errors.js";
import { entryFingerprint, HASH_ALGORITHM } from "./secret-hash.js";

/** What a maintainer decided about a baselined finding. */
export type AuditState = "unaudited" | "accepted" | "false-positive";

/** Every audit state, in the order they are offered. */
export const AUDIT_STATES: readonly AuditState[] = ["unaudited", "accepted", "false-positive"];

/** One accepted finding: identity without position, plus the audit decision. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** Keyed hash of the secret (see secret-hash.ts). */
  hash: string;
  firstSeen: { file: string; commit?: string };
  state: AuditState;
  note?: string;
}

/** The whole file. */
export interface BaselineFile {
  version: 1;
  salt: string;
  entries: BaselineEntry[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{7,64}$/;

/** Reads a baseline; undefined when the file does not exist; UsageError naming the file when malformed. */
export function readBaselineFile(path: string, shown: string = path): BaselineFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UsageError(`${shown}: cannot read baseline (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseBaseline(text, shown);
}

/** Parses and validates baseline text; every problem names the file and the key. */
export function parseBaseline(text: string, shown: string): BaselineFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${shown}: baseline is not valid JSON (${(err as Error).message}); fix or delete it`);
  }
  const fail = (key: string, problem: string): never => {
    throw new UsageError(`${shown}: invalid baseline: ${key}: ${problem}`);
  };
  if (!isObject(raw)) return fail("(top level)", "expected an object");
  if (raw.version !== 1) fail("version", `unsupported version ${JSON.stringify(raw.version)} (expected 1)`);
  const hashing = raw.hashing;
  if (!isObject(hashing) || hashing.algorithm !== HASH_ALGORITHM) fail("hashing.algorithm", `expected "${HASH_ALGORITHM}"`);
  const salt = (hashing as Record<string, unknown>).salt;
  if (typeof salt !== "string" || !HEX64.test(salt)) return fail("hashing.salt", "expected 64 hex digits");
  if (!Array.isArray(raw.entries)) return fail("entries", "expected an array");
  const seen = new Set<string>();
  const entries = raw.entries.map((e: unknown, i: number) => {
    const entry = parseEntry(e, (key, problem) => fail(`entries[${i}]${key}`, problem));
    if (seen.has(entry.fingerprint)) fail(`entries[${i}]`, "duplicate entry");
    seen.add(entry.fingerprint);
    return entry;
  });
  return { version: 1, salt, entries };
}

function parseEntry(e: unknown, fail: (key: string, problem: string) => never): BaselineEntry {
  if (!isObject(e)) return fail("", "expected an object");
  const { ruleId, file, hash, firstSeen, state, note } = e;
  if (typeof ruleId !== "string" || !ruleId) fail(".ruleId", "expected a rule id");
  if (typeof file !== "string" || !file) fail(".file", "expected a path");
  if (typeof hash !== "string" || !HEX64.test(hash)) fail(".hash", "expected 64 hex digits");
  if (!isObject(firstSeen) || typeof firstSeen.file !== "string") return fail(".firstSeen", 'expected {"file": ..., "commit"?: ...}');
  const commit = firstSeen.commit;
  if (commit !== undefined && (typeof commit !== "string" || !COMMIT.test(commit))) fail(".firstSeen.commit", "expected a commit id");
  if (!AUDIT_STATES.includes(state as AuditState)) fail(".state", `expected one of ${AUDIT_STATES.join(", ")}`);
  if (note !== undefined && typeof note !== "string") fail(".note", "expected a string");
  return makeEntry({
    ruleId: ruleId as string,
    file: file as string,
    hash: hash as string,
    firstSeen: { file: firstSeen.file, ...(commit ? { commit: commit as string } : {}) },
    state: state as AuditState,
    note: note as string | undefined,
  });
}

/** An entry with its derived fingerprint and keys in their canonical order. */
export function makeEntry({ ruleId, file, hash, firstSeen, state, note }: Omit<BaselineEntry, "fingerprint">): BaselineEntry {
  const seen = firstSeen.commit ? { file: firstSeen.file, commit: firstSeen.commit } : { file: firstSeen.file };
  return { fingerprint: entryFingerprint(ruleId, file, hash), ruleId, file, hash, firstSeen: seen, state, ...(note ? { note } : {}) };
}

/** Canonical text: sorted entries, two-space indent, trailing newline; no dates, no line numbers. */
export function serializeBaseline(b: BaselineFile): string {
  const entries = [...b.entries].map(makeEntry).sort(compareEntries);
  const doc = { version: 1, generator: "scan-secrets", hashing: { algorithm: HASH_ALGORITHM, salt: b.salt }, entries };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Order of entries in the file: file, rule, hash. */
export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.hash, b.hash);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
