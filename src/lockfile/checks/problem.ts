import type { LockEntry, Lockfile, Problem, ProblemCode, ProjectContext } from "../types.js";
import { classifySource, sourceIdentity, type Source } from "../source.js";

/** How a problem names a locked package: `name@version`, with the real name for aliases. */
export function label(e: LockEntry): string {
  const version = e.version ? `@${e.version}` : "";
  return e.name === e.realName ? `${e.name}${version}` : `${e.name} (npm:${e.realName}${version})`;
}

/** A problem about one entry, located at the entry's line when the parser knows it. */
export function entryProblem(lock: Lockfile, e: LockEntry, code: ProblemCode, message: string): Problem {
  const line = lock.lineOf(e.key);
  const p: Problem = { code, lockfile: lock.path, package: label(e), message: `${lock.path}: ${label(e)}: ${message}` };
  if (line !== undefined) p.line = line;
  return p;
}

const sources = new WeakMap<LockEntry, Source>();

/** The entry's classified source, computed once for all checks (URL parsing dominates the run time). */
export function sourceOf(e: LockEntry): Source {
  let source = sources.get(e);
  if (!source) sources.set(e, (source = classifySource(e.resolved)));
  return source;
}

/** Entries that are fetched from somewhere (not workspace/link/bundled), with their classified source. */
export function* fetchedSources(lock: Lockfile): Generator<[LockEntry, Source]> {
  for (const e of lock.entries) if (!e.local) yield [e, sourceOf(e)];
}

/** package.json explicitly declares this git repo or URL: the user's choice, not a supply-chain surprise. */
export function isDeclared(source: Source, ctx: ProjectContext): boolean {
  const id = sourceIdentity(source);
  return id !== undefined && ctx.declaredSources.has(id);
}
