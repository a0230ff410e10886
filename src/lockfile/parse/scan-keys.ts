import type { DuplicateKey } from "../types.js";

/** Lines and duplicates of the entry keys of a lockfile, found in its text (parsers drop both). */
export interface KeyScan {
  lines: Map<string, number>;
  duplicates: DuplicateKey[];
}

/**
 * Scans `text` with `pattern` (global + multiline, named groups `section` or `key`). A `section` match
 * opens a section; `key` matches inside one of `sections` (or anywhere when `sections` is omitted)
 * are recorded, split into several keys by `split` (yarn's `a@^1, a@^2:` lines). JSON.parse and the
 * YAML parsers keep only the last copy of a duplicated key, so duplicates are only visible here.
 * Only offsets are kept per key (the run is dominated by allocation); blocks are compared on demand.
 */
export function scanKeys(
  text: string,
  pattern: RegExp,
  { sections, split }: { sections?: Set<string>; split?: (raw: string) => string[] } = {},
): KeyScan {
  const lines = new Map<string, number>();
  const firstAt = new Map<string, number>();
  const starts: number[] = [];
  const pending: { key: string; line: number; first: number; at: number }[] = [];
  let line = 1;
  let offset = 0;
  let section: string | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    for (let nl = text.indexOf("\n", offset); nl !== -1 && nl < m.index; nl = text.indexOf("\n", nl + 1)) line++;
    offset = m.index;
    starts.push(m.index + m[0].length);
    if (m.groups?.section !== undefined) {
      section = m.groups.section;
      continue;
    }
    const raw = m.groups?.key;
    if (raw === undefined || (sections && (section === undefined || !sections.has(section)))) continue;
    for (const key of split ? split(raw) : [raw]) {
      const first = firstAt.get(key);
      if (first === undefined) {
        lines.set(key, line);
        firstAt.set(key, starts.length - 1);
      } else pending.push({ key, line, first, at: starts.length - 1 });
    }
  }
  const block = (i: number) => text.slice(starts[i], i + 1 < starts.length ? lineStart(text, starts[i + 1]!) : text.length).replace(/[\s,}\]]+$/, "");
  const duplicates = pending.map(({ key, line: l, first, at }) => ({ key, line: l, identical: block(first) === block(at) }));
  return { lines, duplicates };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}
