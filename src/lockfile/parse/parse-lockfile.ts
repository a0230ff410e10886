import type { Lockfile, LockfileFormat } from "../types.js";

/** Parses a lockfile of a known format; the format's parser (and its library) loads only when needed. */
export async function parseLockfile(format: LockfileFormat, text: string, path: string): Promise<Lockfile> {
  switch (format) {
    case "npm":
      return (await import("./parse-npm.js")).parseNpm(text, path);
    case "yarn-v1":
      return (await import("./parse-yarn-v1.js")).parseYarnV1(text, path);
    case "yarn-berry":
      return (await import("./parse-yarn-berry.js")).parseYarnBerry(text, path);
    case "pnpm":
      return (await import("./parse-pnpm.js")).parsePnpm(text, path);
    case "bun":
      return (await import("./parse-bun.js")).parseBun(text, path);
  }
}
