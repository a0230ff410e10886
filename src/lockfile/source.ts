/** Classifies a resolved string (URL, git spec, local path) into the one shape checks reason about. */

/** Where a locked package comes from. */
export type Source =
  | { kind: "registry" }
  | { kind: "url"; scheme: string; host: string; origin: string; pathname: string; repo?: string; ref?: string }
  | { kind: "git"; scheme: string; host: string; repo: string; ref?: string }
  | { kind: "file"; scheme: string; path: string }
  | { kind: "other"; scheme: string };

const HOSTED: Record<string, string> = {
  "github:": "github.com",
  "gitlab:": "gitlab.com",
  "bitbucket:": "bitbucket.org",
  "gist:": "gist.github.com",
};
const LOCAL_SCHEMES = new Set(["file:", "link:", "portal:", "workspace:"]);
/** `owner/repo` GitHub shorthand as npm accepts it in package.json (npm-package-arg). */
const SHORTHAND = /^[^@./:#\s][^/:#\s]*\/[^/:#\s]+(#.*)?$/;
const SCP_LIKE = /^([^@/:\s]+)@([^/:\s]+):(?!\/\/)(.+)$/;

/** Classifies `resolved` (undefined means the implicit default registry). */
export function classifySource(resolved: string | undefined): Source {
  if (!resolved || resolved.startsWith("npm:")) return { kind: "registry" };
  if (SHORTHAND.test(resolved)) return hosted("github:", resolved);
  const colon = resolved.indexOf(":");
  const scheme = colon > 0 ? resolved.slice(0, colon + 1).toLowerCase() : "";
  if (LOCAL_SCHEMES.has(scheme)) return { kind: "file", scheme, path: resolved.slice(colon + 1) };
  if (scheme === "" || resolved.startsWith(".") || resolved.startsWith("/")) return { kind: "file", scheme: "file:", path: resolved };
  if (HOSTED[scheme]) return hosted(scheme, resolved.slice(colon + 1));
  const scp = /^[a-z0-9.+-]+:\/\//i.test(resolved) ? null : SCP_LIKE.exec(resolved);
  if (scp) return gitRepo("git+ssh:", scp[2]!, scp[3]!);
  const url = parseUrl(resolved);
  if (!url) return { kind: "other", scheme };
  const host = url.hostname.toLowerCase();
  const ref = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined;
  const isHttp = scheme === "https:" || scheme === "http:";
  if (scheme.startsWith("git") || scheme === "ssh:" || (isHttp && (/\.git$/.test(url.pathname) || /(^|&)commit=/.test(ref ?? "")))) {
    return { ...gitRepo(scheme, host, url.pathname, ref), host };
  }
  if (!isHttp) return { kind: "other", scheme };
  const codeload = host === "codeload.github.com" ? /^\/([^/]+)\/([^/]+)\/tar\.gz\/(.+)$/.exec(url.pathname) : null;
  const base = { kind: "url", scheme, host, origin: `${scheme}//${url.host}`, pathname: url.pathname } as const;
  if (codeload) return { ...base, repo: `github.com/${codeload[1]}/${codeload[2]}`.toLowerCase(), ref: codeload[3] };
  return base;
}

/** Plain http(s) URLs, the bulk of every lockfile, without WHATWG URL objects (their cost dominates). */
const PLAIN_HTTP = /^https?:\/\/([a-z0-9.-]+(?::\d+)?)(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)(?:#([^#]*))?$/i;

function parseUrl(text: string): { hostname: string; host: string; pathname: string; hash: string } | undefined {
  const plain = PLAIN_HTTP.exec(text);
  if (plain) return { host: plain[1]!.toLowerCase(), hostname: plain[1]!.replace(/:\d+$/, ""), pathname: plain[2]!, hash: plain[3] ? `#${plain[3]}` : "" };
  try {
    const url = new URL(text);
    return { host: url.host, hostname: url.hostname, pathname: url.pathname, hash: url.hash };
  } catch {
    return undefined;
  }
}

function hosted(scheme: string, rest: string): Source {
  const [path = "", ref] = splitRef(rest);
  return { kind: "git", scheme, host: HOSTED[scheme]!, repo: repoId(HOSTED[scheme]!, path), ref };
}

function gitRepo(scheme: string, host: string, pathWithRef: string, hashRef?: string): Source & { kind: "git" } {
  const [path = "", ref] = hashRef === undefined ? splitRef(pathWithRef) : [pathWithRef, hashRef];
  return { kind: "git", scheme, host: host.toLowerCase(), repo: repoId(host, path), ref };
}

function splitRef(text: string): [string, string | undefined] {
  const hash = text.indexOf("#");
  return hash < 0 ? [text, undefined] : [text.slice(0, hash), text.slice(hash + 1)];
}

function repoId(host: string, path: string): string {
  return `${host}/${path.replace(/^\/+/, "").replace(/\.git$/, "").replace(/\/+$/, "")}`.toLowerCase();
}

/** The commit a git ref pins (`<sha>`, berry `commit=<sha>`), if it is a full sha. */
export function pinnedCommit(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const commit = /(?:^|&)commit=([^&]+)/.exec(ref)?.[1] ?? ref;
  return /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(commit) ? commit : undefined;
}

/** Identity used to match a locked source against what package.json declares (`git:host/o/r`, `url:<href>`). */
export function sourceIdentity(source: Source): string | undefined {
  if (source.kind === "git") return `git:${source.repo}`;
  if (source.kind === "url") return source.repo ? `git:${source.repo}` : `url:${source.origin}${source.pathname}`;
  return undefined;
}
