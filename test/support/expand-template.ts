/**
 * Expands the example templates stored in patterns/*.json into concrete test strings.
 * Templates keep the rule pack free of live-looking tokens: `ghp_{{alnum:36}}` never matches a
 * rule, its expansion does. Deterministic for a given seed.
 */
import { tokenChecksum } from "../../src/engine/checksum.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const CHARSETS: Record<string, string> = {
  alnum: ALNUM,
  alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digits: "0123456789",
  hex: "0123456789abcdef",
  HEX: "0123456789ABCDEF",
  base64: ALNUM + "+/",
  base64url: ALNUM + "-_",
  b32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
  loweralnum: "abcdefghijklmnopqrstuvwxyz0123456789",
  upperalnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  bech32: "qpzry9x8gf2tvdw0s3jn54khce6mua7l",
  BECH32: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
};

/** A small deterministic PRNG (mulberry32). */
export function makeRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` characters drawn uniformly from `charset`. */
export function randomString(rand: () => number, charset: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += charset[Math.floor(rand() * charset.length)];
  return s;
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A structurally valid JWT (HS256 header, plausible claims, random signature). */
export function randomJwt(rand: () => number): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = {
    sub: randomString(rand, CHARSETS.digits!, 10),
    name: randomString(rand, CHARSETS.lower!, 8),
    iat: 1700000000 + Math.floor(rand() * 1e7),
    jti: randomString(rand, ALNUM, 16),
  };
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${randomString(rand, CHARSETS.base64url!, 43)}`;
}

/** A full PEM block with a random base64 body of realistic length (64-char lines). */
export function randomPem(rand: () => number, label: string, bodyChars = 1588): string {
  const body = randomString(rand, CHARSETS.base64!, bodyChars - 2) + "==";
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----`;
}

function uuid(rand: () => number): string {
  const h = (n: number) => randomString(rand, CHARSETS.hex!, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${"89ab"[Math.floor(rand() * 4)]}${h(3)}-${h(12)}`;
}

function expandOne(rand: () => number, kind: string, arg: string | undefined): string {
  if (kind === "literal") return arg ?? "";
  if (kind === "ghtoken") {
    const random = randomString(rand, ALNUM, 30);
    return `${arg ?? "ghp"}_${random}${tokenChecksum(random)}`;
  }
  if (kind === "jwt") return randomJwt(rand);
  if (kind === "pem") {
    const [, label = "PRIVATE KEY", size] = /^([^:]*)(?::(\d+))?$/.exec(arg ?? "") ?? [];
    return randomPem(rand, label || "PRIVATE KEY", size ? Number(size) : undefined);
  }
  if (kind === "uuid") return uuid(rand);
  const charset = CHARSETS[kind];
  const n = Number(arg);
  if (!charset || !Number.isInteger(n) || n < 0) throw new Error(`unknown template {{${kind}:${arg}}}`);
  return randomString(rand, charset, n);
}

/** Replaces every `{{kind}}` / `{{kind:arg}}` in `template` with deterministic random text. */
export function expandTemplate(template: string, seed: number): string {
  const rand = makeRandom(seed);
  return template.replace(/\{\{([A-Za-z0-9]+)(?::([^}]*))?\}\}/g, (_m, kind: string, arg?: string) =>
    expandOne(rand, kind, arg),
  );
}
