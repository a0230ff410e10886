/** Minimal types for yarn's own v1 lockfile parser (the package ships none). */
declare module "@yarnpkg/lockfile" {
  /** Result of parsing: `conflict` when merge-conflict markers cannot be auto-merged. */
  export interface ParseResult {
    type: "success" | "merge" | "conflict";
    object: Record<string, Record<string, unknown>>;
  }
  /** Parses the text of a yarn v1 lockfile. */
  export function parse(text: string, fileLoc?: string): ParseResult;
  const lockfile: { parse: typeof parse };
  export default lockfile;
}
