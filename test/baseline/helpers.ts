/** Test helpers: token-shaped strings built at run time (this repository scans itself), a test rule, findings. */
import { compileRules, isPlaceholder, scanFragment } from "../../src/engine/index.js";
import type { Finding, RuleSpec } from "../../src/engine/types.js";
import { randomToken } from "../support/tokens.js";

/** A random `tst_` token (32 alphanumerics): matched by testRule(), by no shipped rule. */
export function token(): string {
  for (;;) {
    const t = randomToken("tst_", 32);
    // About 1 in 1000 random bodies contains a placeholder word ("tbd", "todo") the engine skips.
    if (!isPlaceholder(t)) return t;
  }
}

/** A custom rule, in the patterns/ schema, that finds token()s. */
export function testRule(id = "test-token"): RuleSpec {
  return {
    id,
    description: "Test token",
    regex: "\\b(tst_[A-Za-z0-9]{32})\\b",
    keywords: ["tst_"],
    examples: { positive: [`v = ${token()}`], negative: ["v = tst_short"] },
  };
}

/** Findings of the test rule in `text` at `path` (inline allows honoured unless told otherwise). */
export function scan(path: string, text: string, inlineAllow = true): Finding[] {
  return scanFragment(compileRules([testRule()]), { path, text }, { keepSuppressed: true, inlineAllow });
}

/** One finding of the test rule for `secret` in `file`. */
export function finding(file: string, secret: string, extra: Partial<Finding> = {}): Finding {
  const [f] = scan(file, `v = ${secret}\n`);
  if (!f) throw new Error("test rule did not match");
  return { ...f, ...extra };
}
