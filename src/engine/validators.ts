import type { Confidence, ValidatorName } from "./types.js";
import { hasValidTokenChecksum } from "./checksum.js";
import { isPlaceholder } from "./placeholder.js";

/** Outcome of an offline structure check: keep with a confidence, or drop. */
export type Verdict = Confidence | "reject";

const BASE64_BODY = /^[A-Za-z0-9+/=\s]+$/;

/** Runs the named offline check on a secret. */
export function validateSecret(name: ValidatorName, secret: string): Verdict {
  switch (name) {
    case "github-crc32":
    case "npm-crc32":
      return checksumVerdict(secret);
    case "jwt":
      return jwtVerdict(secret);
    case "pem":
      return pemVerdict(secret);
    case "json-private-key":
      return pemVerdict(secret.replace(/\\r\\n|\\n|\\r/g, "\n"));
    case "basic-auth-base64":
      return basicAuthVerdict(secret);
  }
}

/** ghp_/npm_ tokens: the last 6 characters are the base62 CRC32 of the 30 before them. */
function checksumVerdict(secret: string): Verdict {
  const body = secret.slice(secret.indexOf("_") + 1);
  return hasValidTokenChecksum(body) ? "high" : "medium";
}

/** Docker `auths.*.auth` and `Authorization: Basic`: base64 of `user:password` with a real password. */
function basicAuthVerdict(secret: string): Verdict {
  const text = Buffer.from(secret, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 1 || /[\x00-\x1f\uFFFD]/.test(text)) return "reject";
  const password = text.slice(colon + 1);
  if (password.length < 3 || isPlaceholder(password) || password === text.slice(0, colon)) return "reject";
  return "medium";
}

/** A JWT's header must decode to a JSON object naming its algorithm. */
function jwtVerdict(secret: string): Verdict {
  const parts = secret.split(".");
  if (parts.length < 2) return "reject";
  const header = decodeJson(parts[0]!);
  if (!header || typeof header.alg !== "string") return "reject";
  if (header.alg.toLowerCase() === "none") return "low";
  const payload = decodeJson(parts[1]!);
  if (!payload) return parts.length === 5 ? "medium" : "reject";
  if (isDocumentationPayload(payload)) return "reject";
  return parts.length >= 3 && parts[2]!.length >= 16 ? "high" : "medium";
}

/** The payloads of the tokens that jwt.io and the JWT libraries print in their documentation. */
function isDocumentationPayload(payload: Record<string, unknown>): boolean {
  return payload.name === "John Doe" || payload.sub === "1234567890" || (payload.some === "payload" && Object.keys(payload).length === 1);
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A PEM private key's body must be base64 of a plausible key size (headers such as DEK-Info allowed). */
function pemVerdict(secret: string): Verdict {
  const lines = secret.split(/\r?\n/).map((l) => l.trim().replace(/^["'`]|["'`,;+]+$/g, "").replace(/\\n$/, ""));
  const body = lines.filter((l) => l && !l.startsWith("-----") && !/^[A-Za-z-]+:/.test(l)).join("");
  if (body.length < 64 || !BASE64_BODY.test(body)) return "reject";
  if (/^(.)\1+$/.test(body.replace(/=+$/, "")) || /EXAMPLE|x{8,}|\.\.\./i.test(body)) return "reject";
  return body.length >= 200 ? "high" : "medium";
}
