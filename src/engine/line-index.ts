/** Maps string offsets to 1-based line and column numbers; built lazily, once per fragment. */
export class LineIndex {
  private starts: number[] | undefined;

  /** `utf8Bytes`: the text is UTF-8 bytes one per character, and columns count the decoded UTF-16 code units. */
  constructor(
    private readonly text: string,
    private readonly utf8Bytes = false,
  ) {}

  /** 1-based line and column (UTF-16 code units) of an offset. */
  locate(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = this.utf8Bytes ? this.decodedColumn(lo, starts[lo]!, offset) : offset - starts[lo]!;
    return { line: lo + 1, column: column + 1 };
  }

  /**
   * UTF-16 units before `offset` on a line of UTF-8 bytes. Counting resumes from the last offset
   * asked for on the same line when that one follows an ASCII byte (no sequence spans it): findings
   * are located in order, so many on one minified line stay linear.
   */
  private decodedColumn(line: number, lineStart: number, offset: number): number {
    const resume = this.counted.line === line && offset >= this.counted.offset;
    const from = resume ? this.counted.offset : lineStart;
    const units = (resume ? this.counted.units : 0) + utf16Length(this.text, from, offset);
    if (offset === lineStart || this.text.charCodeAt(offset - 1) < 0x80) this.counted = { line, offset, units };
    return units;
  }

  /**
   * The text of the line holding an offset, without its line break; on lines longer than
   * 2 * LINE_CONTEXT only the part within LINE_CONTEXT of the offset, so that judging many
   * matches on one minified line stays linear. Line bounds are cached for consecutive calls.
   */
  lineAt(offset: number): string {
    if (offset < this.lineStart || offset > this.lineEnd) {
      this.lineStart = this.text.lastIndexOf("\n", offset - 1) + 1;
      const nl = this.text.indexOf("\n", offset);
      this.lineEnd = nl < 0 ? this.text.length : nl;
    }
    let end = this.lineEnd;
    if (end > this.lineStart && this.text.charCodeAt(end - 1) === 13) end--;
    const from = Math.max(this.lineStart, offset - LINE_CONTEXT);
    const to = Math.min(end, offset + LINE_CONTEXT);
    return this.text.slice(from, to);
  }

  private lineStart = 0;
  private lineEnd = -1;
  private counted = { line: -1, offset: 0, units: 0 };
}

/** How much of a long line around a match counts as its line (inline allow comments, line allowlists). */
const LINE_CONTEXT = 4096;

/**
 * UTF-16 code units that the UTF-8 bytes text[from, to) decode to, invalid sequences counted as
 * the decoder replaces them (WHATWG: one U+FFFD per maximal invalid subpart), so that columns
 * match those of the file decoded as UTF-8.
 */
function utf16Length(text: string, from: number, to: number): number {
  let units = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = from; i < to; i++) {
    const b = text.charCodeAt(i);
    if (needed === 0) {
      if (b < 0x80) units++;
      else if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else units++; // a byte that starts nothing: U+FFFD
      continue;
    }
    if (b < lower || b > upper) {
      units++; // the sequence so far becomes one U+FFFD, and this byte starts afresh
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      units += needed === 3 ? 2 : 1;
      needed = seen = 0;
    }
  }
  return needed > 0 ? units + 1 : units;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
