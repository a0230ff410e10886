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
  const packed = new Int32Array(transitions.length);
  for (let i = 0; i < packed.length; i++) {
    const next = transitions[i]!;
    packed[i] = (next * ALPHABET) | (outStart[next + 1]! > outStart[next]! ? HAS_OUTPUT : 0);
  }
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
