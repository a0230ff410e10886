import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Registry hosts the project configures: `.npmrc` `registry=` and `@scope:registry=`, `.yarnrc`
 * `registry "..."`, `.yarnrc.yml` `npmRegistryServer:`. Project files only, so CI and laptops agree;
 * `${VAR}` references are expanded from the environment like npm does.
 */
export function configuredRegistryHosts(root: string): string[] {
  const urls = [
    ...matches(root, ".npmrc", /^\s*(?:@[^:\s]+:)?registry\s*=\s*(\S+)\s*$/gm),
    ...matches(root, ".yarnrc", /^\s*(?:"?@[^:\s]+:)?registry"?\s+"?([^"\s]+)"?\s*$/gm),
    ...matches(root, ".yarnrc.yml", /^\s*npmRegistryServer:\s*["']?([^"'\s]+)["']?\s*$/gm),
  ];
  const hosts: string[] = [];
  for (const url of urls) {
    const expanded = url.replace(/\$\{([^}]+)\}/g, (_, name: string) => process.env[name] ?? "");
    try {
      hosts.push(new URL(expanded).hostname.toLowerCase());
    } catch {
      /* unresolved variable or not a URL: nothing to allow */
    }
  }
  return hosts;
}

function matches(root: string, name: string, pattern: RegExp): string[] {
  const file = join(root, name);
  if (!existsSync(file)) return [];
  return [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1]!);
}
