import { Worker } from "node:worker_threads";
import type { CommitBatchResult } from "../sources/scan-commits.js";
import type { HistoryWorkerData } from "./history-worker.js";

/** Scans commit batches: on worker threads, or in this thread when jobs is 1. */
export interface BatchScanner {
  /** Queues a batch; resolves when it is scanned. */
  scan(bytes: Buffer): Promise<CommitBatchResult>;
  /** Batches queued and not yet done. */
  readonly inFlight: number;
  close(): Promise<void>;
}

/** A pool of `jobs` worker threads, each compiling the rules once. */
export function createWorkerPool(jobs: number, data: HistoryWorkerData): BatchScanner {
  const workers = Array.from({ length: jobs }, () => new Worker(new URL("./history-worker.js", import.meta.url), { workerData: data }));
  const load = workers.map(() => 0);
  const waiting = new Map<number, { resolve: (r: CommitBatchResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  workers.forEach((w, i) => {
    w.on("message", (msg: { id: number; result: CommitBatchResult }) => {
      load[i]!--;
      waiting.get(msg.id)?.resolve(msg.result);
      waiting.delete(msg.id);
    });
    w.on("error", (err) => {
      failure = err;
      for (const p of waiting.values()) p.reject(err);
      waiting.clear();
    });
  });
  return {
    get inFlight() {
      return waiting.size;
    },
    scan(bytes) {
      if (failure) return Promise.reject(failure);
      const i = load.indexOf(Math.min(...load));
      load[i]!++;
      const id = nextId++;
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[i]!.postMessage({ id, bytes: copy }, [copy.buffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
