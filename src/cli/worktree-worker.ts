/** Worker thread of the work-tree scan: claims files from the shared counter until none are left. */
import { parentPort, workerData } from "node:worker_threads";
import { loadConfig } from "../baseline/scan.js";
import { compileScanRules } from "./scan-rules.js";
import { scanFiles } from "./scan-files.js";

/** What the main thread hands the worker. */
export interface WorktreeWorkerData {
  root: string;
  configPath?: string;
  files: string[];
  maxFileSize: number;
  inlineAllow: boolean;
  /** Int32Array over a SharedArrayBuffer: [next file index, worker started claiming]. */
  shared: SharedArrayBuffer;
}

const data = workerData as WorktreeWorkerData;
const counters = new Int32Array(data.shared);
const config = loadConfig({ root: data.root, path: data.configPath });
const { rules } = compileScanRules(config);
Atomics.store(counters, 1, 1);
const result = scanFiles({ ...data, rules, config, claim: () => Atomics.add(counters, 0, 1) });
parentPort!.postMessage(result);
