/** `baseline audit --interactive`: walk the unaudited entries on a terminal and record decisions. */
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { AuditState, BaselineEntry, BaselineFile } from "../baseline/index.js";
import { UsageError } from "./errors.js";
import { changeBaseline } from "./baseline-store.js";
import { withDecision } from "./baseline-audit.js";

/** A decision taken during review. */
export interface Decision {
  state: AuditState;
  note?: string;
}

const KEYS: Record<string, AuditState | "skip" | "quit"> = { a: "accepted", f: "false-positive", s: "skip", q: "quit" };

/** Reviews on the terminal, then saves the decisions under the baseline lock. */
export async function reviewBaseline(path: string, current: BaselineFile): Promise<BaselineFile> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError("--interactive needs a terminal; use --mark FINGERPRINT --as STATE in scripts");
  const decisions = await askDecisions(current.entries, { input: process.stdin, output: process.stdout });
  if (decisions.size === 0) return current;
  const { value } = await changeBaseline(path, (latest) => {
    const entries = latest.entries.map((e) => {
      const d = decisions.get(e.fingerprint);
      return d ? withDecision(e, d.state, d.note) : e;
    });
    return { baseline: { ...latest, entries }, value: { ...latest, entries } };
  });
  return value;
}

/** Asks about each unaudited entry: (a)ccepted, (f)alse-positive, (s)kip, (q)uit; then an optional note. */
export async function askDecisions(entries: readonly BaselineEntry[], { input, output }: { input: Readable; output: Writable }): Promise<Map<string, Decision>> {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (prompt: string): Promise<string | undefined> => {
    output.write(prompt);
    const r = await lines.next();
    return r.done ? undefined : String(r.value);
  };
  const decisions = new Map<string, Decision>();
  const todo = entries.filter((e) => e.state === "unaudited");
  try {
    for (const [i, e] of todo.entries()) {
      output.write(`\n[${i + 1}/${todo.length}] ${e.fingerprint}  ${e.ruleId}  ${e.file}${e.firstSeen.commit ? `  commit ${e.firstSeen.commit.slice(0, 8)}` : ""}\n`);
      const choice = await ask(next);
      if (choice === "quit" || choice === undefined) break;
      if (choice === "skip") continue;
      const note = ((await next("note (optional): ")) ?? "").trim();
      decisions.set(e.fingerprint, { state: choice, ...(note ? { note } : {}) });
    }
  } finally {
    rl.close();
  }
  return decisions;
}

async function ask(next: (prompt: string) => Promise<string | undefined>): Promise<AuditState | "skip" | "quit" | undefined> {
  for (;;) {
    const answer = await next("(a)ccepted, (f)alse-positive, (s)kip, (q)uit? ");
    if (answer === undefined) return undefined; // input closed
    const choice = KEYS[answer.trim().toLowerCase().slice(0, 1)];
    if (choice) return choice;
  }
}
