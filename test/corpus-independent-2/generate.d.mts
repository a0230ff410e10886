export type { CorpusFile, IndependentCorpus, NegativeLabel, PositiveLabel } from "../corpus-independent/generate.mjs";
import type { IndependentCorpus } from "../corpus-independent/generate.mjs";
export const DEFAULT_SEED: number;
export function generateIndependentCorpus(options?: { seed?: number } | number): IndependentCorpus;
export function writeCorpus(dir: string, corpus: IndependentCorpus): void;
