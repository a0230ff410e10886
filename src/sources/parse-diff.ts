/**
 * Parser for git's patch output (`git diff -U0`, `git log -p -U0`, and `--cc` combined diffs of
 * merge commits): yields, per file, the lines the change adds and their line numbers in the new
 * version. Removed lines, context, binary files and submodule updates yield nothing.
 */

/** The lines one file gains in a change. */
export interface AddedLines {
  /** Path in the new version (after a rename), forward slashes. */
  path: string;
  lines: string[];
  /** lineNumbers[i] is the 1-based line of lines[i] in the new version of the file. */
  lineNumbers: number[];
}

/** Parses a patch and calls onFile for every file with added lines, in patch order. */
export function parseDiff(patch: string, onFile: (file: AddedLines) => void): void {
  let current: AddedLines | undefined;
  let parents = 1;
  let next = 0;
  let inHunk = false;
  const flush = () => {
    if (current && current.lines.length > 0) onFile(current);
    current = undefined;
  };
  let pos = 0;
  const n = patch.length;
  while (pos < n) {
    let end = patch.indexOf("\n", pos);
    if (end < 0) end = n;
    const c = patch.charCodeAt(pos);
    if (inHunk && (c === 43 || c === 45 || c === 32 || c === 92)) {
      // '+', '-', ' ', '\'
      if (c === 92) {
        pos = end + 1;
        continue;
      }
      if (current) {
        let added = true;
        let removed = false;
        for (let k = 0; k < parents; k++) {
          const p = patch.charCodeAt(pos + k);
          if (p !== 43) added = false;
          if (p === 45) removed = true;
        }
        if (added) {
          let lineEnd = end;
          if (lineEnd > pos && patch.charCodeAt(lineEnd - 1) === 13) lineEnd--;
          current.lines.push(patch.slice(pos + parents, lineEnd));
          current.lineNumbers.push(next++);
        } else if (!removed) {
          // context, or (combined diff) a line the result took from one of the parents
          next++;
        }
      }
      pos = end + 1;
      continue;
    }
    inHunk = false;
    if (c === 64 /* @ */ && patch.startsWith("@@", pos)) {
      const header = patch.slice(pos, end);
      const m = /^(@@+) [^+]*\+(\d+)/.exec(header);
      if (m) {
        parents = m[1]!.length - 1;
        // git never writes a start of 0 before added lines, nor one past 2^53; stay in range anyway.
        next = Math.min(Math.max(Number(m[2]), 1), Number.MAX_SAFE_INTEGER - 1e6);
        inHunk = true;
      }
    } else if (c === 100 /* d */ && patch.startsWith("diff --", pos)) {
      flush();
      current = undefined;
      parents = patch.startsWith("diff --cc ", pos) || patch.startsWith("diff --combined ", pos) ? 2 : 1;
    } else if (c === 43 /* + */ && patch.startsWith("+++ ", pos)) {
      const path = parsePath(patch.slice(pos + 4, end).replace(/\r$/, ""));
      current = path === undefined ? undefined : { path, lines: [], lineNumbers: [] };
    } else if (c === 83 /* S */ && patch.startsWith("Subproject commit", pos)) {
      // submodule pointer: nothing to scan
    }
    pos = end + 1;
  }
  flush();
}

/** `b/path`, `"b/quoted\tpath"` or `/dev/null` (deleted: undefined). */
function parsePath(raw: string): string | undefined {
  if (raw === "/dev/null") return undefined;
  const text = raw.startsWith('"') ? unquote(raw) : raw.replace(/\t$/, "");
  return text.replace(/^[a-z]\//, "");
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** Undoes git's C-style quoting of unusual file names (octal escapes are UTF-8 bytes). */
export function unquote(quoted: string): string {
  const bytes: number[] = [];
  const body = quoted.slice(1, quoted.lastIndexOf('"'));
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const nx = body[i + 1] ?? "";
    if (/[0-7]/.test(nx)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[nx] ?? nx.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The text a fragment scans for one file's added lines. */
export function addedText(file: AddedLines): string {
  return file.lines.join("\n");
}
