import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LockfileError, isRecord } from "./lockfile-error.js";

/**
 * Workspace folders (relative, forward slashes) declared by package.json `workspaces` (array or
 * `{packages}`) or pnpm-workspace.yaml `packages:`, expanded with fast-glob; only folders that hold a
 * package.json count, like npm, yarn and pnpm do.
 */
export async function workspaceDirs(root: string, manifest: Record<string, unknown>): Promise<string[]> {
  const patterns = [...fromManifest(manifest), ...(await fromPnpmWorkspace(root))];
  if (patterns.length === 0) return [];
  const include = patterns.filter((p) => !p.startsWith("!")).map((p) => `${p.replace(/\/+$/, "")}/package.json`);
  const ignore = ["**/node_modules/**", ...patterns.filter((p) => p.startsWith("!")).map((p) => `${p.slice(1).replace(/\/+$/, "")}/package.json`)];
  const { default: fg } = await import("fast-glob");
  const files = await fg(include, { cwd: root, ignore, onlyFiles: true, dot: false });
  return [...new Set(files.map((f) => f.slice(0, -"/package.json".length)))].filter((d) => d !== "" && d !== ".").sort();
}

function fromManifest(manifest: Record<string, unknown>): string[] {
  const ws = manifest.workspaces;
  const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws.packages) ? ws.packages : [];
  return list.filter((p): p is string => typeof p === "string");
}

async function fromPnpmWorkspace(root: string): Promise<string[]> {
  const file = join(root, "pnpm-workspace.yaml");
  if (!existsSync(file)) return [];
  const { parse } = await import("yaml");
  let data: unknown;
  try {
    data = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new LockfileError("pnpm-workspace.yaml", `invalid YAML (${(err as Error).message})`);
  }
  const packages = isRecord(data) ? data.packages : undefined;
  return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === "string") : [];
}
