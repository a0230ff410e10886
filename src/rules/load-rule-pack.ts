import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleFile, RuleSpec } from "../engine/types.js";

/** The shipped patterns/ folder (two levels up from src/rules or dist/rules). */
export const PATTERNS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "patterns");

/** Reads every patterns/*.json rule file, in file-name order. */
export function loadRulePack(dir: string = PATTERNS_DIR): RuleSpec[] {
  const rules: RuleSpec[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const path = join(dir, name);
    let file: RuleFile;
    try {
      file = JSON.parse(readFileSync(path, "utf8")) as RuleFile;
    } catch (err) {
      throw new Error(`${path}: invalid JSON (${(err as Error).message})`);
    }
    if (!file || !Array.isArray(file.rules)) throw new Error(`${path}: expected {"family": ..., "rules": [...]}`);
    rules.push(...file.rules);
  }
  return rules;
}
