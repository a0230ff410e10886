import { posix } from "node:path";
import { splitDescriptor } from "./descriptor.js";

/**
 * The source of a berry resolution range: `npm:1.0.0` is the configured registry (no URL in the
 * lockfile), `patch:` wraps another resolution, `file:`/`link:`/`portal:` are relative to the
 * workspace named in `::locator=`, anything else (https, git) is kept as is.
 */
export function berryResolved(range: string): { resolved?: string; local: boolean } {
  if (range.startsWith("npm:")) return { local: false };
  if (range.startsWith("workspace:")) return { resolved: `link:${range.slice(10)}`, local: true };
  if (range.startsWith("patch:")) {
    const inner = decodeURIComponent(range.slice(6).split("#")[0]!.split("::")[0]!);
    return berryResolved(splitDescriptor(inner).range);
  }
  const local = /^(file|link|portal):/.exec(range);
  if (local) {
    const [target = "", params = ""] = range.slice(local[0].length).split("::");
    const locator = new URLSearchParams(params).get("locator") ?? "";
    const base = /@workspace:(.*)$/.exec(locator)?.[1] ?? ".";
    const path = posix.isAbsolute(target) ? target : posix.normalize(posix.join(base, target));
    return { resolved: `${local[1]}:${path}`, local: local[1] !== "file" };
  }
  return { resolved: range, local: false };
}

/** Berry stores `^1.0.0` as `npm:^1.0.0`; drop that default protocol so specs compare with package.json. */
export function normalizeBerrySpec(spec: string): string {
  return spec.startsWith("npm:") && !spec.slice(5).includes("@") ? spec.slice(4) : spec;
}
