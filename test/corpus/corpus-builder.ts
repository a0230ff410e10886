/** Bookkeeping for the generated corpus: files, and where each planted secret lands. */
import { makeRandom, randomJwt, randomPem, randomString } from "../support/expand-template.js";
import { tokenChecksum } from "../../src/engine/checksum.js";

export interface CorpusFile {
  path: string;
  text: string;
}

export interface ExpectedSecret {
  path: string;
  /** 1-based line of the secret's first character. */
  line: number;
  ruleFamily: string;
  secret: string;
}

const CHARS = {
  alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  HEX: "0123456789ABCDEF",
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digits: "0123456789",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  b32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
  loweralnum: "abcdefghijklmnopqrstuvwxyz0123456789",
  upperalnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  bech32: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
};
type Charset = keyof typeof CHARS;

/** Deterministic random values plus the list of planted secrets of the file being built. */
export class CorpusBuilder {
  readonly files: CorpusFile[] = [];
  readonly expected: ExpectedSecret[] = [];
  /** Hard negatives: values a scanner must not report (documentation values, hashes, references). */
  readonly decoys: Array<{ path: string; line: number; kind: string }> = [];
  private pending: Array<{ family: string; secret: string }> = [];
  private pendingDecoys: Array<{ kind: string; value: string }> = [];
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = makeRandom(seed);
  }

  /** n random characters of a charset. */
  r(charset: Charset, n: number): string {
    return randomString(this.rand, CHARS[charset], n);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  uuid(): string {
    return `${this.r("hex", 8)}-${this.r("hex", 4)}-4${this.r("hex", 3)}-a${this.r("hex", 3)}-${this.r("hex", 12)}`;
  }

  ghToken(prefix: string): string {
    const body = this.r("alnum", 30);
    return `${prefix}_${body}${tokenChecksum(body)}`;
  }

  jwt(): string {
    return randomJwt(this.rand);
  }

  pem(label: string, bodyChars?: number): string {
    return randomPem(this.rand, label, bodyChars);
  }

  /** Records `secret` as planted in the next file added; returns it for interpolation. */
  secret(family: string, secret: string): string {
    this.pending.push({ family, secret });
    return secret;
  }

  /** Records `value` as a hard negative planted in the next file added; returns it. */
  decoy(kind: string, value: string): string {
    this.pendingDecoys.push({ kind, value });
    return value;
  }

  /** Adds a file; every secret recorded since the last file is located in it. */
  file(path: string, text: string): void {
    this.files.push({ path, text });
    for (const { family, secret } of this.pending) {
      const at = locate(text, secret);
      if (at < 0) throw new Error(`${path}: planted ${family} secret not in the text`);
      this.expected.push({ path, line: text.slice(0, at).split("\n").length, ruleFamily: family, secret });
    }
    this.pending = [];
    for (const { kind, value } of this.pendingDecoys) {
      const at = locate(text, value);
      if (at < 0) throw new Error(`${path}: decoy ${kind} not in the text`);
      this.decoys.push({ path, line: text.slice(0, at).split("\n").length, kind });
    }
    this.pendingDecoys = [];
  }
}

/** Where a value sits in a file, as written or JSON-escaped. */
function locate(text: string, value: string): number {
  const at = text.indexOf(value);
  return at >= 0 ? at : text.indexOf(JSON.stringify(value).slice(1, -1));
}
