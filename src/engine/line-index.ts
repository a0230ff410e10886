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
    const column = this.utf8Bytes ? utf16Length(this.text, starts[lo]!, offset) : offset - starts[lo]!;
    return { line: lo + 1, column: column + 1 };
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
}

/** How much of a long line around a match counts as its line (inline allow comments, line allowlists). */
const LINE_CONTEXT = 4096;

/** UTF-16 code units that the UTF-8 bytes text[from, to) decode to: one per lead byte, two for 4-byte sequences. */
function utf16Length(text: string, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = text.charCodeAt(i);
    if (b < 0x80 || b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
