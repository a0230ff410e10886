/**
 * Third-party packages that only some commands need, required on first use. The CLI ships as one
 * bundle (scripts/bundle.mjs): a static import of these would load them on every run, including
 * the pre-commit hook's, which needs none of them.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Yaml = typeof import("yaml");
type YarnParsers = typeof import("@yarnpkg/parsers");
export interface Semver {
  satisfies: typeof import("semver/functions/satisfies.js");
  valid: typeof import("semver/functions/valid.js");
  validRange: typeof import("semver/ranges/valid.js");
}

let yamlModule: Yaml | undefined;
let yarnParsersModule: YarnParsers | undefined;
let semverModule: Semver | undefined;

/** The `yaml` library (pnpm lockfiles, lefthook.yml). */
export function yaml(): Yaml {
  return (yamlModule ??= require("yaml") as Yaml);
}

/** Yarn's own parsers (`parseSyml` for yarn berry lockfiles). */
export function yarnParsers(): YarnParsers {
  return (yarnParsersModule ??= require("@yarnpkg/parsers") as YarnParsers);
}

/** The three semver functions the lockfile checks use. */
export function semver(): Semver {
  return (semverModule ??= {
    satisfies: require("semver/functions/satisfies.js") as Semver["satisfies"],
    valid: require("semver/functions/valid.js") as Semver["valid"],
    validRange: require("semver/ranges/valid.js") as Semver["validRange"],
  });
}
