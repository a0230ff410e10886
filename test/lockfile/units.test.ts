import { describe, expect, it } from "vitest";
import { judgeBerryChecksum, judgeSri } from "../../src/lockfile/integrity.js";
import { classifySource, pinnedCommit, sourceIdentity } from "../../src/lockfile/source.js";
import { tarballIdentity } from "../../src/lockfile/tarball-url.js";
import { stripJsonc } from "../../src/lockfile/parse/strip-jsonc.js";

const SHA = "5d3c0e2b7a9f41c8e6b0d2a4f8c1e3b5a7d9f0c2";

describe("classifySource", () => {
  it.each([
    { name: "implicit registry", input: undefined, kind: "registry" },
    { name: "https tarball", input: "https://registry.npmjs.org/a/-/a-1.0.0.tgz", kind: "url", id: "url:https://registry.npmjs.org/a/-/a-1.0.0.tgz" },
    { name: "git+ssh", input: `git+ssh://git@github.com/o/r.git#${SHA}`, kind: "git", id: "git:github.com/o/r" },
    { name: "github shorthand", input: "github:O/R#v1", kind: "git", id: "git:github.com/o/r" },
    { name: "bare owner/repo", input: "o/r#v1", kind: "git", id: "git:github.com/o/r" },
    { name: "scp-like", input: "git@gitlab.com:o/r.git", kind: "git", id: "git:gitlab.com/o/r" },
    { name: "codeload tarball", input: `https://codeload.github.com/o/r/tar.gz/${SHA}`, kind: "url", id: "git:github.com/o/r" },
    { name: "berry git", input: `https://github.com/o/r.git#commit=${SHA}`, kind: "git", id: "git:github.com/o/r" },
    { name: "file", input: "file:../x", kind: "file" },
    { name: "URL with port and credentials-free host", input: "https://Npm.Corp:8443/a/-/a-1.0.0.tgz", kind: "url", id: "url:https://npm.corp:8443/a/-/a-1.0.0.tgz" },
    { name: "URL the fast path leaves to WHATWG", input: "https://h.example/a b.tgz?x=1", kind: "url", id: "url:https://h.example/a%20b.tgz" },
    { name: "npm alias", input: "npm:a@1", kind: "registry" },
  ])("$name", ({ input, kind, id }) => {
    const source = classifySource(input);
    expect(source.kind).toBe(kind);
    if (id) expect(sourceIdentity(source)).toBe(id);
  });

  it("pins only full shas, also berry's commit= form", () => {
    expect(pinnedCommit(SHA)).toBe(SHA);
    expect(pinnedCommit(`commit=${SHA}`)).toBe(SHA);
    expect(pinnedCommit("main")).toBeUndefined();
    expect(pinnedCommit(SHA.slice(0, 7))).toBeUndefined();
  });
});

describe("tarballIdentity", () => {
  it.each([
    ["https://registry.npmjs.org/a/-/a-1.0.0.tgz", "a", "1.0.0"],
    ["https://registry.yarnpkg.com/@s/p/-/p-2.0.0-beta.1.tgz", "@s/p", "2.0.0-beta.1"],
    ["https://r.example/api/npm/@s%2fp/-/p-1.0.0.tgz", "@s/p", "1.0.0"],
    ["https://art.example/api/npm/npm/@s/p/-/@s/p-1.0.0.tgz", "@s/p", "1.0.0"],
  ])("%s", (url, name, version) => {
    expect(tarballIdentity(new URL(url).pathname)).toMatchObject({ name, version });
  });
  it("ignores non-registry URLs", () => {
    expect(tarballIdentity("/x.tgz")).toBeUndefined();
  });
});

describe("integrity", () => {
  const sha512 = `sha512-${Buffer.alloc(64, 1).toString("base64")}`;
  const sha1 = `sha1-${Buffer.alloc(20, 1).toString("base64")}`;
  it.each([
    [sha512, "ok"],
    [`${sha1} ${sha512}`, "ok"],
    [sha1, "weak"],
    ["sha512-abc", "malformed"],
    ["md5", "malformed"],
    [`sha999-${Buffer.alloc(64).toString("base64")}`, "malformed"],
  ])("%s -> %s", (value, verdict) => expect(judgeSri(value)).toBe(verdict));
  it("berry checksums", () => {
    expect(judgeBerryChecksum(`10c0/${"ab".repeat(64)}`)).toBe("ok");
    expect(judgeBerryChecksum("ab".repeat(64))).toBe("ok");
    expect(judgeBerryChecksum("10c0/xyz")).toBe("malformed");
  });
});

describe("stripJsonc", () => {
  it("drops trailing commas and comments, keeps strings", () => {
    const text = '{ "a": [1, 2,], // c\n "b": "x,}/*y*/", /* z */ }';
    expect(JSON.parse(stripJsonc(text))).toEqual({ a: [1, 2], b: "x,}/*y*/" });
  });
});
