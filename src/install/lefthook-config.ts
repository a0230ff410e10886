import { readFileSync, writeFileSync } from "node:fs";
import type { Document, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { yaml } from "../lib/lazy-packages.js";
import { UsageError } from "../cli/errors.js";

/** Name of our command (lefthook `commands:` key, or `jobs:` item name). */
export const LEFTHOOK_NAME = "scan-secrets";

/** What install or uninstall did to the lefthook config. */
export type LefthookOutcome = "installed" | "already installed" | "updated" | "uninstalled" | "not installed";

/** Adds (or verifies) our pre-commit command, keeping the file's comments and layout; `name` is the path messages show. */
export function addLefthookCommand({ path, name = path, run, force }: { path: string; name?: string; run: string; force: boolean }): LefthookOutcome {
  const { doc, source } = load(path, name);
  const preCommit = doc.get("pre-commit");
  const hook = isMap(preCommit) ? preCommit : undefined;
  const entry = hook && findEntry(hook);
  if (entry) {
    const current = String(entry.get("run") ?? "");
    if (/\bscan-secrets\b/.test(current) && /--staged\b/.test(current)) return "already installed";
    if (!force) throw new UsageError(`${name}: pre-commit ${LEFTHOOK_NAME} runs ${JSON.stringify(current)}, not \`scan-secrets --staged\`; fix it or use --force`);
    entry.set("run", run);
    save(path, doc, source);
    return "updated";
  }
  if (!hook) doc.set("pre-commit", doc.createNode({ commands: { [LEFTHOOK_NAME]: { run } } }));
  else if (isSeq(hook.get("jobs"))) hook.addIn(["jobs"], doc.createNode({ name: LEFTHOOK_NAME, run }));
  else if (isMap(hook.get("commands"))) hook.setIn(["commands", LEFTHOOK_NAME], doc.createNode({ run }));
  else hook.set("commands", doc.createNode({ [LEFTHOOK_NAME]: { run } }));
  save(path, doc, source);
  return "installed";
}

/** Removes our pre-commit command, and the `commands:`/`pre-commit:` keys it leaves empty. */
export function removeLefthookCommand({ path, name = path }: { path: string; name?: string }): LefthookOutcome {
  const { doc, source } = load(path, name);
  const hook = doc.get("pre-commit");
  if (!isMap(hook)) return "not installed";
  const commands = hook.get("commands");
  const jobs = hook.get("jobs");
  if (isMap(commands) && commands.has(LEFTHOOK_NAME)) {
    commands.delete(LEFTHOOK_NAME);
    if (commands.items.length === 0) hook.delete("commands");
  } else if (isSeq(jobs) && jobs.items.some((j) => isOurs(j))) {
    jobs.items = jobs.items.filter((j) => !isOurs(j));
    if (jobs.items.length === 0) hook.delete("jobs");
  } else return "not installed";
  if (hook.items.length === 0) doc.delete("pre-commit");
  save(path, doc, source);
  return "uninstalled";
}

/** Our entry: `commands.scan-secrets`, or a job named scan-secrets or running it. */
function findEntry(hook: YAMLMap): YAMLMap | undefined {
  const commands = hook.get("commands");
  if (isMap(commands)) {
    const mine = commands.get(LEFTHOOK_NAME);
    if (isMap(mine)) return mine;
    const running = commands.items.find((pair) => isMap(pair.value) && runsUs(pair.value));
    if (running && isMap(running.value)) return running.value;
  }
  const jobs = hook.get("jobs");
  if (isSeq(jobs)) return jobs.items.find((j): j is YAMLMap => isOurs(j));
  return undefined;
}

function isOurs(node: unknown): boolean {
  return isMap(node) && (node.get("name") === LEFTHOOK_NAME || runsUs(node));
}

function runsUs(node: YAMLMap): boolean {
  const run = node.get("run");
  return typeof run === "string" && /\bscan-secrets\b/.test(run) && /--staged\b/.test(run);
}

function load(path: string, name: string): { doc: Document; source: string } {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const doc = yaml().parseDocument(source);
  if (doc.errors.length > 0) throw new UsageError(`${name}: invalid YAML (${doc.errors[0]!.message.split("\n")[0]})`);
  if (doc.contents !== null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null)) {
    throw new UsageError(`${name}: expected a mapping of hook names at the top level`);
  }
  return { doc, source };
}

/** Writes the document back in the file's own indentation (2 spaces and indented lists when unsure). */
function save(path: string, doc: Document, source: string): void {
  const indent = /^\S[^\n]*:\s*\n( +)\S/m.exec(source)?.[1]?.length ?? 2;
  const flatSeq = /^( *)[^\s#-][^\n]*:\s*\n\1- /m.test(source);
  writeFileSync(path, doc.toString({ indent, indentSeq: !flatSeq, lineWidth: 0 }));
}

function isMap(node: unknown): node is YAMLMap {
  return yaml().isMap(node);
}

function isSeq(node: unknown): node is YAMLSeq {
  return yaml().isSeq(node);
}

function isScalar(node: unknown): node is Scalar {
  return yaml().isScalar(node);
}
