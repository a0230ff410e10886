/**
 * The prefilter's inner loop in WebAssembly, run as four lanes over four parts of the text at once.
 *
 * One automaton step is a chain of dependent loads (character class, then the next state), so a
 * single pass waits on memory at every character: 2 ns a character in JavaScript or WebAssembly
 * alike. Four independent passes interleaved in one loop overlap those waits: 2.8x the speed of
 * the JavaScript loop on the work-tree benchmark. Each lane starts in the root state a little
 * before its part (the longest keyword's length) and keeps only hits ending inside its part, so
 * hits come out exactly as one pass would report them, in order.
 *
 * The module is assembled here from its opcodes (no build step, no binary in the repository).
 */
import type { KeywordMatcher } from "./keyword-matcher.js";

/** Lanes in the interleaved loop (3 and 4 measured best on two machines' worth of cores; 6 spilled registers). */
const LANES = 4;
/** Text below this length runs as a single lane: the lanes' set-up costs more than it saves (measured on 2 KB files: lanes from 128 characters on halved the prefilter's time). */
const MIN_LANED = 512;
/** Text is scanned in chunks of this many characters, which bounds the memory the hits can take. */
const CHUNK = 1 << 19;

/** Memory layout: lane registers saved by the module, the class table, the transition table, hit lists, the text. */
const SAVE = 0;
const CLASSES = 256;
const TABLE = CLASSES + 256 * 4;
const PAGE = 65536;

/** Set on a transition whose target state ends a keyword (as in the JavaScript automaton). */
const HAS_OUTPUT = 1 << 30;

/** Finds keyword hits as flat (end, keyword id) pairs, like findKeywords. */
export type HitFinder = (text: string) => number[];

/** A WebAssembly hit finder for the matcher, or undefined where WebAssembly is unavailable (--jitless). */
export function wasmHitFinder(m: KeywordMatcher): HitFinder | undefined {
  if (typeof WebAssembly !== "object") return undefined;
  try {
    return buildHitFinder(m);
  } catch {
    return undefined;
  }
}

function buildHitFinder(m: KeywordMatcher): HitFinder {
  const overlap = Math.max(0, ...m.keywords.map((k) => k.length)) - 1;
  const tableBytes = m.packed.length * 4;
  const laneCapacity = 8 * (Math.ceil(CHUNK / LANES) + overlap + 1);
  const hitsAt = TABLE + tableBytes;
  const textAt = hitsAt + LANES * laneCapacity;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((textAt + MIN_LANED) / PAGE) });
  const imports = { env: { memory } };
  const laned = new WebAssembly.Instance(new WebAssembly.Module(scanModule(LANES)), imports).exports.scan as (...args: number[]) => void;
  const single = new WebAssembly.Instance(new WebAssembly.Module(scanModule(1)), imports).exports.scan as (...args: number[]) => void;

  let words = new Int32Array(memory.buffer);
  let bytes = Buffer.from(memory.buffer);
  for (let c = 0; c < 256; c++) words[CLASSES / 4 + c] = (c < 128 ? m.classOf[c]! : 0) * 4;
  for (let k = 0; k < m.packed.length; k++) {
    const v = m.packed[k]!;
    words[TABLE / 4 + k] = ((v & ~HAS_OUTPUT) * 4) | (v & HAS_OUTPUT);
  }
  const rowBytes = 4 * m.width;

  /** Appends lane hits [from, to) of the hit list at `list`, keeping those that end after `after`. */
  const expand = (hits: number[], list: number, to: number, after: number) => {
    for (let w = list / 4; w < to / 4; w += 2) {
      const end = words[w]! - textAt + 1;
      if (end <= after) continue;
      const state = words[w + 1]! / rowBytes;
      for (let k = m.outStart[state]!, b = m.outStart[state + 1]!; k < b; k++) hits.push(end, m.outputs[k]!);
    }
  };

  const starts = new Array<number>(LANES);
  const stops = new Array<number>(LANES);
  const args = new Array<number>(3 * LANES + 1);

  return (text) => {
    const n = text.length;
    const hits: number[] = [];
    if (n === 0) return hits;
    if (textAt + n > memory.buffer.byteLength) {
      memory.grow(Math.ceil((textAt + n - memory.buffer.byteLength) / PAGE));
      words = new Int32Array(memory.buffer);
      bytes = Buffer.from(memory.buffer);
    }
    // One byte per character; a character above U+00FF keeps its low byte, which can add a hit
    // (checked by the rules' regexes like any other) but never hides one: keywords are ASCII.
    bytes.write(text, textAt, "latin1");
    for (let from = 0; from < n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK);
      if (to - from < MIN_LANED) {
        const begin = Math.max(0, from - overlap);
        single(textAt + begin, textAt + to, 0, hitsAt);
        expand(hits, hitsAt, words[(SAVE + 8) / 4]!, from);
        continue;
      }
      // Lane k owns [starts[k], stops[k]) and begins `overlap` characters earlier in the root state.
      const part = Math.ceil((to - from) / LANES);
      let common = Infinity;
      for (let k = 0; k < LANES; k++) {
        starts[k] = from + k * part;
        stops[k] = Math.min(to, starts[k]! + part);
        common = Math.min(common, stops[k]! - Math.max(0, starts[k]! - overlap));
      }
      for (let k = 0; k < LANES; k++) {
        args[k] = textAt + Math.max(0, starts[k]! - overlap);
        args[LANES + 1 + k] = 0;
        args[2 * LANES + 1 + k] = hitsAt + k * laneCapacity;
      }
      args[LANES] = args[0]! + common;
      laned(...args);
      for (let k = 0; k < LANES; k++) {
        // The lanes ran `common` steps together; each finishes its own part alone.
        const at = words[(SAVE + 12 * k) / 4]!;
        let listEnd = words[(SAVE + 12 * k + 8) / 4]!;
        if (at < textAt + stops[k]!) {
          single(at, textAt + stops[k]!, words[(SAVE + 12 * k + 4) / 4]!, listEnd);
          listEnd = words[(SAVE + 8) / 4]!;
        }
        expand(hits, hitsAt + k * laneCapacity, listEnd, starts[k]! === 0 ? 0 : starts[k]!);
      }
    }
    return hits;
  };
}

// --- The module: func scan(at[L], stop, state[L], list[L]) ---
// Lanes advance together until lane 0 reaches `stop`. A lane's step: state = table[state + class[byte]];
// when the new state ends a keyword, (byte address, state) goes on its hit list. Lane k's address,
// state and list end are saved at SAVE + 12k.

const I32 = 0x7f;
const OP = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, void: 0x40,
  localGet: 0x20, localSet: 0x21, localTee: 0x22,
  load: 0x28, load8u: 0x2d, store: 0x36, const: 0x41,
  ne: 0x47, geU: 0x4f, add: 0x6a, and: 0x71, shl: 0x74,
} as const;

function scanModule(lanes: number): Uint8Array<ArrayBuffer> {
  const at = (k: number) => k;
  const stop = lanes;
  const state = (k: number) => lanes + 1 + k;
  const list = (k: number) => 2 * lanes + 1 + k;
  const next = (k: number) => 3 * lanes + 1 + k; // locals after the parameters
  const step = (k: number): number[] => [
    OP.localGet, state(k),
    OP.localGet, at(k), OP.load8u, 0, 0, OP.const, 2, OP.shl, OP.load, 2, ...uleb(CLASSES),
    OP.add, OP.load, 2, ...uleb(TABLE),
    OP.localTee, next(k), OP.const, ...sleb(~HAS_OUTPUT), OP.and, OP.localTee, state(k),
    OP.localGet, next(k), OP.ne,
    OP.if, OP.void,
    OP.localGet, list(k), OP.localGet, at(k), OP.store, 2, 0,
    OP.localGet, list(k), OP.localGet, state(k), OP.store, 2, 4,
    OP.localGet, list(k), OP.const, 8, OP.add, OP.localSet, list(k),
    OP.end,
    OP.localGet, at(k), OP.const, 1, OP.add, OP.localSet, at(k),
  ];
  const save = (k: number): number[] =>
    [at(k), state(k), list(k)].flatMap((local, j) => [OP.const, ...sleb(SAVE + 12 * k + 4 * j), OP.localGet, local, OP.store, 2, 0]);
  const lanesOf = <T>(f: (k: number) => T[]): T[] => Array.from({ length: lanes }, (_, k) => f(k)).flat();
  const body = [
    ...vec([[lanes, I32]]),
    OP.block, OP.void, OP.loop, OP.void,
    OP.localGet, at(0), OP.localGet, stop, OP.geU, OP.brIf, 1,
    ...lanesOf(step),
    OP.br, 0,
    OP.end, OP.end,
    ...lanesOf(save),
    OP.end,
  ];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(Array.from({ length: 3 * lanes + 1 }, () => [I32])), 0]])), // type: (i32 x 3L+1) -> ()
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, 0x01]])), // import env.memory, min 1 page
    ...section(3, vec([[0]])), // one function of type 0
    ...section(7, vec([[...name("scan"), 0x00, 0]])), // export it as "scan"
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  return vec([...s].map((c) => [c.charCodeAt(0)]));
}
