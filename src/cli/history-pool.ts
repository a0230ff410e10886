import { Worker } from "node:worker_threads";
import type { CommitBatchResult } from "../sources/scan-commits.js";
import type { HistoryWorkerData } from "./history-worker.js";

/** Scans commit batches: on worker threads, or in this thread when jobs is 1. */
export interface BatchScanner {
  /** Queues a batch (which it may take over: the caller must not reuse it); resolves when scanned. */
  scan(bytes: Uint8Array): Promise<CommitBatchResult>;
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
      // A batch that owns its whole ArrayBuffer moves to the worker without a copy.
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const moved = owned ? bytes : Uint8Array.prototype.slice.call(bytes);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[i]!.postMessage({ id, bytes: moved }, [moved.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
