/**
 * Aho-Corasick automaton over lower-cased ASCII keywords, compiled to a dense transition table so
 * that one pass over a fragment finds every keyword of every rule (the prefilter). Characters are
 * first mapped to classes (one per character that occurs in a keyword, upper-case sharing the
 * lower-case class, everything else class 0), which keeps the table a few hundred KB instead of
 * 1 MB: it stays in cache, and two threads scanning at once no longer evict each other's.
 */

import { wasmHitFinder, type HitFinder } from "./keyword-scan-wasm.js";

const ASCII = 128;
/** Set on a packed transition when the target state ends at least one keyword. */
const HAS_OUTPUT = 1 << 30;

export interface KeywordMatcher {
  keywords: readonly string[];
  /** classOf[charCode] for ASCII; every other character is class 0. */
  classOf: Uint8Array;
  /** packed[state * width + class] = next state * width, with HAS_OUTPUT set when it ends a keyword. */
  packed: Int32Array;
  /** outputs[outStart[s] .. outStart[s + 1]) are the keyword ids that end in state s. */
  outStart: Int32Array;
  outputs: Int32Array;
  /** Number of character classes (the row width of `packed`). */
  width: number;
  /** The WebAssembly loop over these tables, made on first use (null where WebAssembly is unavailable). */
  wasm?: HitFinder | null;
}

/** Builds the automaton; keywords must be non-empty lower-case ASCII. */
export function buildKeywordMatcher(keywords: readonly string[]): KeywordMatcher {
  const classOf = new Uint8Array(ASCII);
  let width = 1;
  for (const kw of keywords) {
    for (let i = 0; i < kw.length; i++) {
      const c = kw.charCodeAt(i);
      if (c < ASCII && classOf[c] === 0) classOf[c] = width++;
    }
  }
  for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32]!;
  const ALPHABET = width;
  const goto: Array<Map<number, number>> = [new Map()];
  const out: number[][] = [[]];
  keywords.forEach((kw, id) => {
    let s = 0;
    for (let i = 0; i < kw.length; i++) {
      const c = classOf[kw.charCodeAt(i)]!;
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
  const outStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) outStart[s + 1] = outStart[s]! + out[s]!.length;
  const outputs = new Int32Array(outStart[n]!);
  for (let s = 0; s < n; s++) outputs.set(out[s]!, outStart[s]!);
  return { keywords, classOf, packed, width, outStart, outputs };
}

/**
 * Every keyword occurrence in the text, in increasing end order, as flat pairs: hits[2k] is the
 * index just past the keyword's last character, hits[2k + 1] the keyword id. (A callback per hit
 * cost the scan a deoptimization per file: each file's callback is a new closure.) Runs the
 * WebAssembly loop (keyword-scan-wasm.ts), or this module's own where there is none.
 */
export function findKeywords(m: KeywordMatcher, text: string): number[] {
  if (m.wasm === undefined) m.wasm = wasmHitFinder(m) ?? null;
  if (m.wasm !== null) {
    try {
      return m.wasm(text);
    } catch {
      m.wasm = null; // out of memory for a huge text: the JavaScript loop needs none
    }
  }
  return findKeywordsInJs(m, text);
}

/** findKeywords as a JavaScript loop: the fallback, and the reference the WebAssembly loop is tested against. */
export function findKeywordsInJs(m: KeywordMatcher, text: string): number[] {
  const { packed, outStart, outputs, classOf, width } = m;
  const hits: number[] = [];
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = packed[s + (c < ASCII ? classOf[c]! : 0)]!;
    s = v & ~HAS_OUTPUT;
    if (v !== s) {
      const state = s / width;
      for (let k = outStart[state]!, b = outStart[state + 1]!; k < b; k++) hits.push(i + 1, outputs[k]!);
    }
  }
  return hits;
}
