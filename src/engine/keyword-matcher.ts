/**
 * Aho-Corasick automaton over lower-cased ASCII keywords, compiled to a dense transition table so
 * that one pass over a fragment finds every keyword of every rule (the prefilter). Upper-case
 * letters share the lower-case transitions; non-ASCII characters return to the root.
 */

const ALPHABET = 128;
/** Set on a packed transition when the target state ends at least one keyword. */
const HAS_OUTPUT = 1 << 30;

export interface KeywordMatcher {
  keywords: readonly string[];
  /** packed[state * 128 + charCode] = next state * 128, with HAS_OUTPUT set when it ends a keyword. */
  packed: Int32Array;
  /** outputs[outStart[s] .. outStart[s + 1]) are the keyword ids that end in state s. */
  outStart: Int32Array;
  outputs: Int32Array;
}

/** Builds the automaton; keywords must be non-empty lower-case ASCII. */
export function buildKeywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const goto: Array<Map<number, number>> = [new Map()];
  const out: number[][] = [[]];
  keywords.forEach((kw, id) => {
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const c = kw.charCodeAt(i);
      let next = goto[s]!.get(c);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        out.push([]);
        goto[s]!.set(c, next);
      }
      s = next;
    }
    out[s]!.push(id);
  });
  // Built breadth-first straight into the packed table (this runs at every start-up, e.g. each
  // pre-commit): a state's row starts as a copy of its failure state's row, which is complete
  // because that state is shallower; then its own edges go in. hasOut[t] is final when t's failure
  // link is set, because the failure state's parent was dequeued earlier.
  const n = goto.length;
  const packed = new Int32Array(n * ALPHABET);
  const fail = new Int32Array(n);
  const hasOut = new Uint8Array(n);
  const queue: number[] = [];
  const link = (row: number, c: number, next: number, failOfNext: number) => {
    fail[next] = failOfNext;
    hasOut[next] = out[next]!.length > 0 || hasOut[failOfNext] === 1 ? 1 : 0;
    packed[row + c] = next * ALPHABET | (hasOut[next] === 1 ? HAS_OUTPUT : 0);
    queue.push(next);
  };
  for (const [c, next] of goto[0]!) link(0, c, next, 0);
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    out[s]!.push(...out[fail[s]!]!);
    const row = s * ALPHABET;
    const failRow = fail[s]! * ALPHABET;
    packed.copyWithin(row, failRow, failRow + ALPHABET);
    for (const [c, next] of goto[s]!) link(row, c, next, (packed[failRow + c]! & ~HAS_OUTPUT) / ALPHABET);
  }
  for (let row = 0; row < n * ALPHABET; row += ALPHABET) packed.copyWithin(row + 65, row + 97, row + 123);
  const outStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) outStart[s + 1] = outStart[s]! + out[s]!.length;
  const outputs = new Int32Array(outStart[n]!);
  for (let s = 0; s < n; s++) outputs.set(out[s]!, outStart[s]!);
  return { keywords, packed, outStart, outputs };
}

/**
 * Calls onHit(endIndex, keywordId) for every keyword occurrence, in increasing end order.
 * endIndex is the index just past the keyword's last character.
 */
export function findKeywords(m: KeywordMatcher, text: string, onHit: (end: number, keywordId: number) => void): void {
  const { packed, outStart, outputs } = m;
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= ALPHABET) c = 0;
    const v = packed[s + c]!;
    s = v & ~HAS_OUTPUT;
    if (v !== s) {
      const state = s / ALPHABET;
      for (let k = outStart[state]!, b = outStart[state + 1]!; k < b; k++) onHit(i + 1, outputs[k]!);
    }
  }
}
