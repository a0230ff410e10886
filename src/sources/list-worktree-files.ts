import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { gitAsync } from "./git.js";

/** Where to look and how: repository root (or scan root outside git) and the user's paths. */
export interface ListOptions {
  /** Repository root, or the scan root outside a repository. */
  root: string;
  inRepo: boolean;
  /** Absolute paths the user named (files or directories); empty = the whole root. */
  paths: readonly string[];
}

/** Never scanned, whatever the listing says. */
export function isAlwaysSkipped(rel: string): boolean {
  return /(?:^|\/)(?:node_modules|\.git)(?:\/|$)/.test(rel);
}

/** Files to scan, relative to root with forward slashes, sorted. */
export async function listWorktreeFiles(opts: ListOptions): Promise<string[]> {
  const explicitFiles: string[] = [];
  const dirs: string[] = [];
  for (const p of opts.paths) (statSync(p).isDirectory() ? dirs : explicitFiles).push(p);
  const listed = opts.paths.length === 0 || dirs.length > 0 ? await listDirs(opts, opts.paths.length === 0 ? [opts.root] : dirs) : [];
  const all = new Set<string>(listed);
  for (const f of explicitFiles) all.add(toRel(opts.root, f));
  return [...all].filter((rel) => !isAlwaysSkipped(rel)).sort();
}

async function listDirs(opts: ListOptions, dirs: readonly string[]): Promise<string[]> {
  if (opts.inRepo) {
    const specs = dirs.map((d) => (resolve(d) === resolve(opts.root) ? "." : toRel(opts.root, d)));
    // Asynchronous, so that the caller can compile the rules while git lists.
    const out = await gitAsync(["-c", "core.quotepath=off", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...specs], opts.root);
    const names = out.toString("utf8").split("\0").filter(Boolean);
    return [...new Set(names)];
  }
  const { default: fg } = await import("fast-glob");
  const files: string[] = [];
  for (const d of dirs) {
    const found = await fg("**/*", {
      cwd: d,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: ["**/.git/**", "**/node_modules/**", ...gitignoreGlobs(d)],
    });
    for (const f of found) files.push(toRel(opts.root, join(d, f)));
  }
  return files;
}

/** Path relative to root with forward slashes. */
export function toRel(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** The top-level .gitignore of a directory outside git, as fast-glob ignore globs. */
function gitignoreGlobs(dir: string): string[] {
  const file = join(dir, ".gitignore");
  if (!existsSync(file)) return [];
  const globs: string[] = [];
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const anchored = line.startsWith("/") || line.slice(0, -1).includes("/");
    const body = line.replace(/^\//, "").replace(/\/$/, "");
    const base = anchored ? body : `**/${body}`;
    globs.push(base, `${base}/**`);
  }
  return globs;
}
