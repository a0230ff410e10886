/** Worker thread of the history scan: compiles the rules once, then scans batches of commits. */
import { parentPort, workerData } from "node:worker_threads";
import { isPathAllowlisted, loadConfig } from "../baseline/scan.js";
import { compileScanRules } from "./scan-rules.js";
import { scanHistoryBatch, type HistoryBatchContext } from "./history-batch.js";

/** What the main thread hands each worker. */
export interface HistoryWorkerData {
  root: string;
  configPath?: string;
  inlineAllow: boolean;
}

const data = workerData as HistoryWorkerData;
const config = loadConfig({ root: data.root, path: data.configPath });
const context: HistoryBatchContext = {
  rules: compileScanRules(config).rules,
  inlineAllow: data.inlineAllow,
  skipPath: (p) => isPathAllowlisted(config, p),
};

parentPort!.on("message", (msg: { id: number; bytes: Uint8Array }) => {
  parentPort!.postMessage({ id: msg.id, result: scanHistoryBatch(context, msg.bytes) });
});
