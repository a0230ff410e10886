import { flag, type ParsedArgs } from "./parse-args.js";

/** Commits done / total, MB/s and ETA on stderr: on a terminal, or with --progress. */
export class Progress {
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private last = 0;

  constructor(args: ParsedArgs, public total: number) {
    this.enabled = !flag(args, "no-progress") && !flag(args, "quiet") && (flag(args, "progress") || process.stderr.isTTY === true);
  }

  /** Redraws at most five times a second. */
  update(done: number, bytes: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = bytes / 1024 / 1024 / Math.max(secs, 0.001);
    const known = Number.isFinite(this.total) && this.total >= done;
    const eta = known && done > 0 ? ((this.total - done) * secs) / done : 0;
    const line = known
      ? `history: ${done}/${this.total} commits, ${rate.toFixed(1)} MB/s, ETA ${Math.ceil(eta)} s`
      : `history: ${done} commits, ${rate.toFixed(1)} MB/s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }

  /** Clears the progress line. */
  done(): void {
    if (this.enabled && process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  }
}
