import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LockfileError, isRecord, specMap } from "./lockfile-error.js";
import { configuredRegistryHosts } from "./registry-hosts.js";
import { classifySource, sourceIdentity } from "./source.js";
import type { Manifest, ProjectContext } from "./types.js";
import { workspaceDirs } from "./workspaces.js";

/** The public registries every package manager uses by default (lockfile-lint's `npm` and `yarn`). */
export const DEFAULT_HOSTS = ["registry.npmjs.org", "registry.yarnpkg.com"];
/** lockfile-lint host aliases, accepted by --allowed-host too. */
const HOST_ALIASES: Record<string, string> = { npm: "registry.npmjs.org", yarn: "registry.yarnpkg.com", verdaccio: "registry.verdaccio.org" };

/** Options of one verification run. */
export interface ProjectOptions {
  root: string;
  allowedHosts?: string[];
  allowedSchemes?: string[];
}

/** Reads package.json (root and workspaces) and registry config once; everything checks need. */
export async function loadProject({ root, allowedHosts = [], allowedSchemes = [] }: ProjectOptions): Promise<ProjectContext> {
  const rootManifest = readManifest(root, "");
  if (!rootManifest) throw new LockfileError(join(root, "package.json"), "not found (needed to check drift)");
  const manifests = new Map<string, Manifest>([["", rootManifest.manifest]]);
  for (const dir of await workspaceDirs(root, rootManifest.raw)) {
    const ws = readManifest(root, dir);
    if (ws) manifests.set(dir, ws.manifest);
  }
  const hosts = [...DEFAULT_HOSTS, ...configuredRegistryHosts(root), ...allowedHosts.map(normalizeHost)];
  const declaredSources = new Set<string>();
  for (const m of manifests.values()) {
    for (const spec of allSpecs(m)) {
      const id = sourceIdentity(classifySource(spec));
      if (id) declaredSources.add(id);
    }
  }
  return {
    root,
    manifests,
    allowedHosts: new Set(hosts),
    allowedSchemes: new Set(["https:", ...allowedSchemes.map((s) => (s.endsWith(":") ? s : `${s}:`).toLowerCase())]),
    declaredSources,
  };
}

function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  if (HOST_ALIASES[lower]) return HOST_ALIASES[lower]!;
  try {
    return lower.includes("://") ? new URL(lower).hostname : lower;
  } catch {
    return lower;
  }
}

function readManifest(root: string, dir: string): { manifest: Manifest; raw: Record<string, unknown> } | undefined {
  const file = join(root, dir, "package.json");
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new LockfileError(join(dir, "package.json") || "package.json", `invalid JSON (${(err as Error).message})`);
  }
  if (!isRecord(raw)) throw new LockfileError(join(dir, "package.json"), "not a JSON object");
  const manifest: Manifest = {
    name: typeof raw.name === "string" ? raw.name : undefined,
    version: typeof raw.version === "string" ? raw.version : undefined,
    dependencies: specMap(raw.dependencies),
    devDependencies: specMap(raw.devDependencies),
    optionalDependencies: specMap(raw.optionalDependencies),
    peerDependencies: specMap(raw.peerDependencies),
  };
  return { manifest, raw };
}

/** Every spec a manifest declares, of the four kinds. */
export function allSpecs(m: Manifest): string[] {
  return [m.dependencies, m.devDependencies, m.optionalDependencies, m.peerDependencies].flatMap((deps) => Object.values(deps));
}
