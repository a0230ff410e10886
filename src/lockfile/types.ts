/** Shared shapes of the lockfile verifier: every parser returns a `Lockfile`, every check `Problem`s. */

/** Lockfile formats the verifier understands (issue 6). */
export type LockfileFormat = "npm" | "yarn-v1" | "yarn-berry" | "pnpm" | "bun";

/** One locked package, whatever the format. */
export interface LockEntry {
  /** Where the entry lives in the lockfile: npm path key, yarn descriptor, pnpm/bun package key. */
  key: string;
  /** Name the package is installed under (the alias for `npm:` aliases). */
  name: string;
  /** Name of the package actually fetched (differs from `name` only for aliases). */
  realName: string;
  /** Locked version, or the raw spec when the format records no plain version. */
  version: string;
  /** Where it was fetched from: a URL, a git spec, `file:`/`link:` path; absent for implicit registry. */
  resolved?: string;
  /** Checksum: SRI string (npm, yarn v1, pnpm, bun) or berry `checksum`. */
  integrity?: string;
  /** Berry checksums are hex, not SRI. */
  integrityKind?: "sri" | "berry";
  /** The format has no checksum slot for this kind of entry (bun git/tarball tuples). */
  noIntegritySlot?: boolean;
  /** Git refs the format abbreviates by design (bun writes 7-hex commits). */
  shortCommits?: boolean;
  /** Workspace, link or bundled entries: nothing is fetched, so no host or integrity applies. */
  local?: boolean;
}

/** What a lockfile records for one importer (root or workspace folder). */
export interface ImporterLock {
  /** Folder relative to the project root, `""` for the root. */
  path: string;
  /** Dependency specs the lockfile recorded for it, when the format records them. */
  specs?: Map<string, string>;
  /** Locked version the importer gets for `name` declared as `spec`, `undefined` when not locked. */
  resolve(name: string, spec: string): string | undefined;
  /** Formats without importer records (yarn v1): whether any entry is locked for `name`. */
  knows?(name: string): boolean;
}

/** A key present twice in one lockfile section. */
export interface DuplicateKey {
  key: string;
  line: number;
  /** Both copies have identical content. */
  identical: boolean;
}

/** A parsed lockfile in the one shape all checks read. */
export interface Lockfile {
  format: LockfileFormat;
  /** Path relative to the project root, forward slashes. */
  path: string;
  entries: LockEntry[];
  importers: ImporterLock[];
  /** The format records an importer's own peerDependencies (npm 7+, berry, bun). */
  recordsPeers: boolean;
  /** The format also installs an importer's own peerDependencies (npm 7+). */
  installsRootPeers: boolean;
  duplicates: DuplicateKey[];
  /** Entries that disagree with another copy of themselves (e.g. npm v2 `packages` vs `dependencies`). */
  conflicts: { key: string; detail: string }[];
  /** 1-based line of an entry key, where known. */
  lineOf(key: string): number | undefined;
}

/** One problem found by a check. */
export interface Problem {
  /** Stable kebab-case problem code (see src/lockfile/README.md). */
  code: ProblemCode;
  lockfile: string;
  package: string;
  message: string;
  line?: number;
}

/** Every problem code, stable across releases. */
export const PROBLEM_CODES = {
  "disallowed-host": "resolved host is not in the allowed set",
  "insecure-protocol": "resolved URL is not fetched over an authenticated transport",
  "disallowed-scheme": "resolved URL scheme is not in the allowed set",
  "unpinned-git": "git dependency not pinned to a full commit sha",
  "name-mismatch": "package name differs from the name in the tarball URL",
  "version-mismatch": "version differs from the version in the tarball URL",
  "missing-integrity": "fetched package has no integrity checksum",
  "weak-integrity": "integrity uses only sha1 (or weaker)",
  "malformed-integrity": "integrity is not a valid SRI / checksum",
  "file-outside-project": "file:/link: dependency points outside the project",
  "missing-from-lockfile": "package.json dependency or workspace not in the lockfile",
  "range-not-satisfied": "locked version does not satisfy the range package.json declares",
  "spec-mismatch": "lockfile records a different spec than package.json declares",
  "extraneous-root-entry": "lockfile records a root dependency package.json no longer declares",
  "duplicate-entry": "the same lockfile key appears twice",
  "conflicting-entry": "two entries for the same package disagree",
} as const;

/** A stable problem code. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The project around the lockfile, read once per run. */
export interface ProjectContext {
  /** Absolute project root (--cwd). */
  root: string;
  /** Importer folder (relative, `""` root) -> its package.json dependency specs by kind. */
  manifests: Map<string, Manifest>;
  allowedHosts: Set<string>;
  allowedSchemes: Set<string>;
  /** Normalised sources (git repo or URL) that a package.json explicitly declares. */
  declaredSources: Set<string>;
}

/** The dependency declarations of one package.json. */
export interface Manifest {
  name?: string;
  version?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
}

/** A check: `(lockfile, context) -> problems`. */
export type Check = (lock: Lockfile, ctx: ProjectContext) => Problem[];
