/** What a registry tarball URL says about its package: `.../<name>/-/<unscoped>-<version>.tgz`. */
export interface TarballIdentity {
  /** Package name in the path before `/-/` (scoped names as `@scope/name`). */
  name: string;
  /** File name after `/-/`, decoded. */
  file: string;
  /** Version in the file name, when the file name starts with the package's name. */
  version?: string;
}

const cache = new Map<string, TarballIdentity | null>();

/** Reads name and version from the path of a registry-style tarball URL; undefined for other URLs. */
export function tarballIdentity(pathname: string): TarballIdentity | undefined {
  let id = cache.get(pathname);
  if (id === undefined) cache.set(pathname, (id = readIdentity(pathname) ?? null));
  return id ?? undefined;
}

function readIdentity(pathname: string): TarballIdentity | undefined {
  const path = safeDecode(pathname);
  const dash = path.lastIndexOf("/-/");
  if (dash < 0 || !path.endsWith(".tgz")) return undefined;
  const segments = path.slice(0, dash).split("/").filter(Boolean);
  const last = segments.at(-1);
  if (!last) return undefined;
  const prev = segments.at(-2);
  const name = last.includes("/") || !prev?.startsWith("@") ? last : `${prev}/${last}`;
  const file = path.slice(dash + 3, -".tgz".length);
  // Most registries write `<unscoped>-<version>`; Artifactory and some mirrors keep the scope.
  const unscoped = name.slice(name.lastIndexOf("/") + 1);
  const prefix = file.startsWith(`${name}-`) ? `${name}-` : file.startsWith(`${unscoped}-`) ? `${unscoped}-` : undefined;
  return { name, file, version: prefix ? file.slice(prefix.length) : undefined };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
