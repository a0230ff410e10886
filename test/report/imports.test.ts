// The pre-commit hook loads the text reporter on every commit, and the CLI loads index.ts for every
// scan: report modules must stay free of runtime dependencies (type-only imports are erased).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = resolve(import.meta.dirname, "../../src/report");
const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

/** Specifiers of the imports that survive compilation (not `import type`). */
function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
    if (!m[2]) out.push(m[3]!);
  }
  return out;
}

describe("report modules", () => {
  it.each(files.map((file) => ({ file })))("$file imports only sibling modules", ({ file }) => {
    for (const spec of runtimeImports(readFileSync(join(DIR, file), "utf8"))) {
      expect(spec).toMatch(/^\.\/[a-z-]+\.js$/);
    }
  });

  it("the text reporter pulls in no other format", () => {
    const deps = runtimeImports(readFileSync(join(DIR, "text.ts"), "utf8"));
    expect(deps.sort()).toEqual(["./color.js", "./redact.js", "./scan-report.js"]);
  });
});
