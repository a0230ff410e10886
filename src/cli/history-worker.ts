/** Worker thread of the history scan: compiles the rules once, then scans batches of commits. */
import { parentPort, workerData } from "node:worker_threads";
import { isPathAllowlisted, loadConfig } from "../baseline/index.js";
import { compileScanRules } from "./scan-rules.js";
import { scanCommitBatch } from "../sources/scan-commits.js";

/** What the main thread hands each worker. */
export interface HistoryWorkerData {
  root: string;
  configPath?: string;
  inlineAllow: boolean;
}

const data = workerData as HistoryWorkerData;
const config = loadConfig({ root: data.root, path: data.configPath });
const { rules } = compileScanRules(config);
const decoder = new TextDecoder();

parentPort!.on("message", (msg: { id: number; bytes: Uint8Array }) => {
  const result = scanCommitBatch(rules, decoder.decode(msg.bytes), {
    inlineAllow: data.inlineAllow,
    skipPath: (p) => isPathAllowlisted(config, p),
  });
  parentPort!.postMessage({ id: msg.id, result });
});
