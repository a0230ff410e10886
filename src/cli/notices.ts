import { flag, type ParsedArgs } from "./parse-args.js";

/** Files a scan passed over, summed up on stderr at the end (one line per kind). */
export class Notices {
  tooLarge: string[] = [];
  unreadable: string[] = [];
  private readonly quiet: boolean;

  constructor(args: ParsedArgs) {
    this.quiet = flag(args, "quiet");
  }

  /** A one-off notice line on stderr. */
  say(message: string): void {
    if (!this.quiet) process.stderr.write(`scan-secrets: ${message}\n`);
  }

  /** Prints the accumulated notices. */
  flush(maxFileSize: number): void {
    if (this.tooLarge.length > 0) {
      this.say(`skipped ${plural(this.tooLarge.length, "file")} larger than ${formatBytes(maxFileSize)} (${list(this.tooLarge)}); raise --max-file-size to scan them`);
    }
    if (this.unreadable.length > 0) this.say(`could not read ${plural(this.unreadable.length, "file")}: ${list(this.unreadable)}`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function list(items: string[]): string {
  return items.length <= 5 ? items.join(", ") : `${items.slice(0, 5).join(", ")}, and ${items.length - 5} more`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
