/**
 * The accuracy corpus (issue acceptance 2): realistic files of many types with planted secrets of
 * 30+ kinds and 100+ hard negatives (documentation values, placeholders, variable references,
 * hashes, ids, public keys: the false alarms a generic rule produces). Deterministic per seed.
 */
import { CorpusBuilder, type CorpusFile, type ExpectedSecret } from "./corpus-builder.js";
import { sourceFiles } from "./corpus-source-files.js";
import { configFiles } from "./corpus-config-files.js";
import { keyAndLockFiles } from "./corpus-key-and-lock-files.js";

export type { CorpusFile, ExpectedSecret };

export interface Corpus {
  files: CorpusFile[];
  expected: ExpectedSecret[];
  decoys: Array<{ path: string; line: number; kind: string }>;
}

/** Builds the whole corpus from a seed. */
export function generateCorpus(seed = 20240601): Corpus {
  const b = new CorpusBuilder(seed);
  sourceFiles(b);
  configFiles(b);
  keyAndLockFiles(b);
  return { files: b.files, expected: b.expected, decoys: b.decoys };
}
