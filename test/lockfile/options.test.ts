import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyLockfiles } from "../../src/lockfile/verify.js";

const BASE = join(import.meta.dirname, "..", "fixtures", "lockfile");
const tmp = mkdtempSync(join(tmpdir(), "lockfile-opts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const codes = async (root: string, opts: { allowedHosts?: string[]; allowedSchemes?: string[] } = {}) =>
  (await verifyLockfiles({ root, ...opts })).problems.map((p) => `${p.code} ${p.package}`);

describe("allowed hosts and schemes", () => {
  it("--allowed-host removes disallowed-host for that host only", async () => {
    const root = join(BASE, "ng.npm-v3-supply-chain");
    expect(await codes(root)).toContain("disallowed-host has-flag@4.0.0");
    const allowed = await codes(root, { allowedHosts: ["evil.example.com"] });
    expect(allowed).not.toContain("disallowed-host has-flag@4.0.0");
    expect(allowed).toContain("disallowed-host sneaky@1.0.0");
  });

  it("--allowed-scheme git+ssh: accepts the transitive git+ssh dependency but still wants a pinned commit", async () => {
    const result = await codes(join(BASE, "ng.npm-v3-supply-chain"), { allowedSchemes: ["git+ssh"] });
    expect(result).not.toContain("disallowed-scheme sneaky@1.0.0");
    expect(result).toContain("unpinned-git sneaky@1.0.0");
  });

  it("a registry configured in .npmrc is allowed; without it the same lockfile is flagged", async () => {
    const root = join(tmp, "npmrc");
    cpSync(join(BASE, "ok.npm-npmrc-registry"), root, { recursive: true });
    expect(await codes(root)).toEqual([]);
    rmSync(join(root, ".npmrc"));
    expect((await codes(root)).filter((c) => c.startsWith("disallowed-host")).length).toBeGreaterThan(5);
    writeFileSync(join(root, ".npmrc"), "@corp:registry=https://npm.corp.example.com/\n");
    expect(await codes(root)).toEqual([]);
  });

  it("a git dependency package.json declares is the user's choice; the same source undeclared is not", async () => {
    const root = join(tmp, "declared");
    cpSync(join(BASE, "ok.yarn-v1"), root, { recursive: true });
    expect(await codes(root)).toEqual([]);
    const pkg = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(join(root, "package.json"), "utf8")));
    pkg.dependencies.mygit = "github:someone-else/mygit#v1.0.0";
    writeFileSync(join(root, "package.json"), JSON.stringify(pkg));
    const result = await codes(root);
    expect(result).toContain("disallowed-host mygit@1.0.0");
    expect(result).toContain("spec-mismatch mygit");
  });
});
