export interface CorpusFile {
  path: string;
  text: string;
}
export interface PositiveLabel {
  path: string;
  line: number;
  endLine: number;
  provider: string;
  context: string;
}
export interface NegativeLabel {
  path: string;
  line: number;
  kind: string;
}
export interface IndependentCorpus {
  seed: number;
  files: CorpusFile[];
  positives: PositiveLabel[];
  negatives: NegativeLabel[];
}
export const DEFAULT_SEED: number;
export function generateIndependentCorpus(options?: { seed?: number }): IndependentCorpus;
export function writeCorpus(dir: string, corpus: IndependentCorpus): void;
