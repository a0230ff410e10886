/**
 * ReDoS guard (hardening issue): let V8 switch a regex to its linear-time (breadth-first) engine
 * once it backtracks too much. Must run before any rule regex is compiled, so main.ts imports this
 * module first. User-supplied regexes are also vetted statically (vet-user-regexes.ts); this covers
 * what the static check cannot decide (timeouts). Regexes with lookbehind or backreferences cannot
 * fall back, so shipped rules must stay linear on their own (test/redos.test.ts).
 */
import { setFlagsFromString } from "node:v8";

/** V8 flag (Node >= 16): after --regexp-backtracks-before-fallback (default 50000) backtracks, re-run in linear time. */
export const REGEX_GUARD_FLAG = "--enable-experimental-regexp-engine-on-excessive-backtracks";

setFlagsFromString(REGEX_GUARD_FLAG);

/**
 * Compile each regex straight to native code. By default V8 first compiles a regex to bytecode and
 * recompiles it natively once it runs again; every rule runs on every file, so a scan paid for both:
 * 23 ms for the shipped rules against 10 ms this way, and the same for a regex run only once.
 */
setFlagsFromString("--no-regexp-tier-up");
