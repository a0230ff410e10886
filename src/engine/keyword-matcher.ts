/**
 * Aho-Corasick automaton over lower-cased ASCII keywords, compiled to a dense transition table so
 * that one pass over a fragment finds every keyword of every rule (the prefilter). Upper-case
 * letters share the lower-case transitions; non-ASCII characters return to the root.
 */

const ALPHABET = 128;

export interface KeywordMatcher {
  keywords: readonly string[];
  /** transitions[state * 128 + charCode] -> next state. */
  transitions: Int32Array;
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
  const n = goto.length;
  const transitions = new Int32Array(n * ALPHABET);
  const fail = new Int32Array(n);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const next = goto[0]!.get(c);
    if (next !== undefined) {
      transitions[c] = next;
      queue.push(next);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    out[s]!.push(...out[fail[s]!]!);
    for (let c = 0; c < ALPHABET; c++) {
      const next = goto[s]!.get(c);
      if (next !== undefined) {
        fail[next] = transitions[fail[s]! * ALPHABET + c]!;
        transitions[s * ALPHABET + c] = next;
        queue.push(next);
      } else {
        transitions[s * ALPHABET + c] = transitions[fail[s]! * ALPHABET + c]!;
      }
    }
  }
  for (let s = 0; s < n; s++) {
    for (let c = 65; c <= 90; c++) transitions[s * ALPHABET + c] = transitions[s * ALPHABET + c + 32]!;
  }
  const outStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) outStart[s + 1] = outStart[s]! + out[s]!.length;
  const outputs = new Int32Array(outStart[n]!);
  for (let s = 0; s < n; s++) outputs.set(out[s]!, outStart[s]!);
  return { keywords, transitions, outStart, outputs };
}

/**
 * Calls onHit(endIndex, keywordId) for every keyword occurrence, in increasing end order.
 * endIndex is the index just past the keyword's last character.
 */
export function findKeywords(m: KeywordMatcher, text: string, onHit: (end: number, keywordId: number) => void): void {
  const { transitions, outStart, outputs } = m;
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    s = c < ALPHABET ? transitions[s * ALPHABET + c]! : 0;
    const a = outStart[s]!;
    const b = outStart[s + 1]!;
    for (let k = a; k < b; k++) onHit(i + 1, outputs[k]!);
  }
}
