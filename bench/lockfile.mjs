#!/usr/bin/env node
// Issue 6, acceptance 4: verify a 3,000-package package-lock.json in <= 3x the floor, the floor being
// Node start-up + JSON.parse of the same file, both measured here (median of RUNS child processes).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = 3000;
const ROOT_DEPS = 150;
const RUNS = 11;
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(repo, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "bench-lockfile-"));

/** A v3 lockfile shaped like npm writes it: hoisted and nested paths, scoped names, dev flags, deps. */
function generate() {
  const names = Array.from({ length: PACKAGES }, (_, i) => (i % 7 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`));
  const deps = Object.fromEntries(names.slice(0, ROOT_DEPS).map((n) => [n, "^1.0.0"]));
  const packages = { "": { name: "bench-app", version: "1.0.0", dependencies: deps } };
  names.forEach((name, i) => {
    const path = i > PACKAGES - 300 ? `node_modules/${names[i % ROOT_DEPS]}/node_modules/${name}` : `node_modules/${name}`;
    const version = `1.${i % 10}.${i % 3}`;
    packages[path] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${version}.tgz`,
      integrity: `sha512-${randomBytes(64).toString("base64")}`,
      ...(i % 3 === 0 ? { dev: true } : {}),
      license: "MIT",
      dependencies: { [names[(i * 7 + 1) % PACKAGES]]: "^1.0.0", [names[(i * 13 + 5) % PACKAGES]]: "^1.0.0" },
      engines: { node: ">=18" },
    };
  });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-app", version: "1.0.0", dependencies: deps }, null, 2));
  writeFileSync(join(dir, "package-lock.json"), `${JSON.stringify({ name: "bench-app", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr || r.stdout}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median of each command, runs interleaved so both see the same machine load. */
function medians(...commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((args, c) => times[c].push(time(args)));
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
}

try {
  generate();
  const lock = join(dir, "package-lock.json");
  const [floor, verify] = medians(["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(lock)}, "utf8"))`], [cli, "verify-lockfile", "--cwd", dir]);
  const ratio = verify / floor;
  console.log(`lockfile: verify ${PACKAGES} pkgs ${verify.toFixed(0)} ms, floor ${floor.toFixed(0)} ms, ratio ${ratio.toFixed(2)} (goal <= 3)`);
  process.exitCode = ratio <= 3 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
