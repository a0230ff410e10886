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
 */
export function scanKeys(
  text: string,
  pattern: RegExp,
  { sections, split }: { sections?: Set<string>; split?: (raw: string) => string[] } = {},
): KeyScan {
  const lines = new Map<string, number>();
  const firstBlock = new Map<string, string>();
  const duplicates: DuplicateKey[] = [];
  const matches = [...text.matchAll(pattern)];
  let line = 1;
  let offset = 0;
  let section: string | undefined;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const at = m.index ?? 0;
    for (let nl = text.indexOf("\n", offset); nl !== -1 && nl < at; nl = text.indexOf("\n", nl + 1)) line++;
    offset = at;
    if (m.groups?.section !== undefined) {
      section = m.groups.section;
      continue;
    }
    const raw = m.groups?.key;
    if (raw === undefined || (sections && (section === undefined || !sections.has(section)))) continue;
    const block = text.slice(at + m[0].length, matches[i + 1]?.index ?? text.length).replace(/[\s,}\]]+$/, "");
    for (const key of split ? split(raw) : [raw]) {
      const first = firstBlock.get(key);
      if (first === undefined) {
        lines.set(key, line);
        firstBlock.set(key, block);
      } else {
        duplicates.push({ key, line, identical: first === block });
      }
    }
  }
  return { lines, duplicates };
}
