/** Splits a yarn/pnpm/bun descriptor `name@range` (scoped names keep their leading `@`). */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf("@", 1);
  return at < 0 ? { name: descriptor, range: "" } : { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/** Splits a yarn key line `"a@^1", a@^2` into its descriptors. */
export function splitKeyLine(raw: string): string[] {
  return raw.split(/,\s*/).map((d) => d.trim().replace(/^"(.*)"$/, "$1"));
}

/** Real package name of an `npm:real@range` alias range, else undefined. */
export function aliasTarget(range: string): { name: string; range: string } | undefined {
  if (!range.startsWith("npm:")) return undefined;
  const inner = splitDescriptor(range.slice(4));
  return inner.range || /^@?[^@]*\//.test(inner.name) || !/^[\^~<>=\d*]/.test(inner.name) ? inner : undefined;
}
