import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules, scanFragment } from "../../src/engine/index.js";
import { loadRulePack } from "../../src/rules/load-rule-pack.js";
import { decodeForScan } from "../../src/sources/decode-text.js";
import { awsKeyId, githubToken, randomToken, stripeKey } from "../support/tokens.js";

const rules = compileRules(loadRulePack());

/** What a work-tree scan of a file holding `text` in UTF-8 reports, read the fast way (see decodeForScan). */
function scanAsFile(text: string) {
  const decoded = decodeForScan(Buffer.from(text, "utf8"))!;
  return { decoded, findings: scanFragment(rules, { path: "f.js", text: decoded.text, utf8Bytes: decoded.utf8Bytes }) };
}

describe("files with non-ASCII text, scanned as UTF-8 bytes", () => {
  const password = `${randomToken("Zx9", 14)}-contraseña-${randomToken("q", 6)}`;
  it.each([
    { name: "accents and an emoji before the token on its line", text: `// ça coûte 10 € 🚀\nconst t = "${githubToken()}"; // é 🚀 ${awsKeyId()}\n` },
    { name: "a minified line with astral characters", text: `${"var a='😀',b=\"ü\";".repeat(200)}k="${stripeKey()}";${"ö".repeat(50)}\n` },
    { name: "a password with non-ASCII letters", text: `# Übersicht\npassword = "${password}"\n` },
    { name: "CRLF and a BOM-less Greek comment", text: `// κλειδί\r\nconst token = "${githubToken()}";\r\n` },
    {
      name: "a Kubernetes Secret with an accented comment",
      text: `# clé\napiVersion: v1\nkind: Secret\ndata:\n  token: ${Buffer.from(githubToken()).toString("base64")}\n`,
    },
  ])("reports exactly what a scan of the decoded text reports: $name", ({ text }) => {
    const { decoded, findings } = scanAsFile(text);
    expect(decoded.utf8Bytes).toBe(true);
    const expected = scanFragment(rules, { path: "f.js", text });
    expect(expected.length).toBeGreaterThan(0);
    expect(findings).toEqual(expected);
  });

  it("returns the non-ASCII secret decoded, with its UTF-16 columns", () => {
    const { findings } = scanAsFile(`// 🚀\npassword = "${password}"\n`);
    expect(findings.map((f) => [f.secret === password, f.line, f.column, f.endColumn])).toEqual([[true, 2, 13, 13 + password.length]]);
  });

  it("decodes a file holding byte A0 as UTF-8, where latin1 would turn it into whitespace for \\s", () => {
    const text = `password = "voilà-${randomToken("", 16)}"\n`;
    const decoded = decodeForScan(Buffer.from(text, "utf8"))!;
    expect(decoded).toEqual({ text, utf8Bytes: false });
    expect(scanFragment(rules, { path: "f.js", ...decoded }).map((f) => f.secret)).toEqual([text.slice(12, -2)]);
  });

  it("counts columns after invalid UTF-8 as the UTF-8 decoder does (one U+FFFD per maximal invalid subpart)", () => {
    const token = githubToken();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (before, between) => {
        const bytes = Buffer.concat([Buffer.from(before.map((b) => (b === 0 ? 1 : b))), Buffer.from(` t="${token}" `), Buffer.from(between.map((b) => (b === 0 || b === 10 ? 1 : b))), Buffer.from(` u="${token}"\n`)]);
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return; // a UTF-16 BOM: decoded as UTF-16, not UTF-8
        const decoded = decodeForScan(bytes);
        if (!decoded) return;
        const expected = scanFragment(rules, { path: "f.js", text: bytes.toString("utf8").replace(/^\uFEFF/, "") });
        expect(scanFragment(rules, { path: "f.js", text: decoded.text, utf8Bytes: decoded.utf8Bytes })).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it("keeps ASCII files as they are", () => {
    const text = `const t = "${githubToken()}";\n`;
    expect(decodeForScan(Buffer.from(text))).toEqual({ text, utf8Bytes: false });
  });
});
