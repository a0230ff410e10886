import type { Manifest } from "../types.js";

/** One dependency as package.json declares it. */
export interface DeclaredDep {
  spec: string;
  /** Declared only in peerDependencies. */
  peerOnly: boolean;
}

/**
 * The dependencies of one package.json merged like package managers merge them (later kinds win:
 * peer < dev < prod < optional), with peers only where the lockfile format records them.
 */
export function declaredDeps(m: Manifest, withPeers: boolean): Map<string, DeclaredDep> {
  const out = new Map<string, DeclaredDep>();
  if (withPeers) for (const [name, spec] of Object.entries(m.peerDependencies)) out.set(name, { spec, peerOnly: true });
  for (const deps of [m.devDependencies, m.dependencies, m.optionalDependencies]) {
    for (const [name, spec] of Object.entries(deps)) out.set(name, { spec, peerOnly: false });
  }
  return out;
}
