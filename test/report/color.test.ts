import { describe, expect, it } from "vitest";
import { painter, shouldUseColor } from "../../src/report/color.js";

describe("shouldUseColor", () => {
  it.each([
    { name: "terminal", tty: true, env: {}, want: true },
    { name: "pipe or file", tty: false, env: {}, want: false },
    { name: "NO_COLOR on a terminal", tty: true, env: { NO_COLOR: "1" }, want: false },
    { name: "empty NO_COLOR is ignored", tty: true, env: { NO_COLOR: "" }, want: true },
    { name: "NO_COLOR beats FORCE_COLOR", tty: true, env: { NO_COLOR: "1", FORCE_COLOR: "1" }, want: false },
    { name: "FORCE_COLOR on a pipe", tty: false, env: { FORCE_COLOR: "1" }, want: true },
    { name: "FORCE_COLOR=0 on a terminal", tty: true, env: { FORCE_COLOR: "0" }, want: false },
    { name: "TERM=dumb", tty: true, env: { TERM: "dumb" }, want: false },
  ])("$name", ({ tty, env, want }) => {
    expect(shouldUseColor({ isTTY: tty }, env)).toBe(want);
  });
});

describe("painter", () => {
  it("adds ANSI codes only when enabled", () => {
    expect(painter(false)("red", "x")).toBe("x");
    expect(painter(true)("red", "x")).toBe("\u001b[31mx\u001b[39m");
  });
});
