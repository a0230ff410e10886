/**
 * A worker thread of the work-tree scan. It is started before the files are even listed, loads its
 * modules meanwhile, then on the main thread's message compiles the rules and claims files from
 * the shared counter until none are left.
 */
import { parentPort } from "node:worker_threads";
import { loadConfig } from "../baseline/scan.js";
import { compileScanRules } from "./scan-rules.js";
import { scanFiles } from "./scan-files.js";

/** What the main thread sends once the files are listed. */
export interface WorktreeJob {
  root: string;
  configPath?: string;
  files: string[];
  maxFileSize: number;
  inlineAllow: boolean;
  /** Int32Array over a SharedArrayBuffer: [next file index, then one "started claiming" flag per worker]. */
  shared: SharedArrayBuffer;
  /** This worker's flag in `shared`. */
  slot: number;
}

parentPort!.once("message", (job: WorktreeJob) => {
  const counters = new Int32Array(job.shared);
  const config = loadConfig({ root: job.root, path: job.configPath });
  const { rules } = compileScanRules(config);
  Atomics.store(counters, job.slot, 1);
  parentPort!.postMessage(scanFiles({ ...job, rules, config, claim: () => Atomics.add(counters, 0, 1) }));
});
