import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The line that marks a hook file as ours (see hooks/pre-commit). */
export const HOOK_MARKER = "# scan-secrets pre-commit hook";

/** The shipped hook script: `hooks/pre-commit` of this package (two levels up from src/install or dist/install). */
export const HOOK_SCRIPT_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "hooks", "pre-commit");

/** Name a foreign pre-commit hook is moved to; our hook runs it first. */
export const CHAINED_NAME = "pre-commit.scan-secrets-chained";

/** The text of the hook script `install` writes. */
export function hookScript(): string {
  return readFileSync(HOOK_SCRIPT_PATH, "utf8");
}

/** Whether a hook file's text is one of ours (any version). */
export function isOurHook(text: string): boolean {
  return text.split("\n", 5).some((line) => line.startsWith(HOOK_MARKER));
}
