import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildKeywordMatcher, findKeywords, findKeywordsInJs } from "../../src/engine/keyword-matcher.js";
import { loadRulePack } from "../../src/rules/load-rule-pack.js";
import { compileRules } from "../../src/engine/index.js";

const packMatcher = compileRules(loadRulePack()).matcher;

/** Keyword ids found, as [end, keyword] pairs, the slow and obvious way. */
function naive(keywords: readonly string[], text: string): Array<[number, string]> {
  const lower = text.toLowerCase();
  const out: Array<[number, string]> = [];
  for (let end = 1; end <= text.length; end++) {
    keywords.forEach((k) => {
      if (end >= k.length && lower.startsWith(k, end - k.length)) out.push([end, k]);
    });
  }
  return out;
}

function pairs(m: { keywords: readonly string[] }, hits: number[]): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let i = 0; i < hits.length; i += 2) out.push([hits[i]!, m.keywords[hits[i + 1]!]!]);
  return out.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

describe("keyword prefilter", () => {
  it("finds every keyword occurrence, case-insensitively, in both loops", () => {
    const keywords = ["ghp_", "token", "to", "pass", "password", "sk_live_", "://"];
    const m = buildKeywordMatcher(keywords);
    const piece = fc.constantFrom("ghp_", "GHP_", "Token", "tok", "passWORD", "pas", "sk_live_", "http://", "x", " ", "\n", "é", "😀", "\u0167");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3000 }), (parts) => {
        const text = parts.join("");
        const expected = naive(keywords, text).sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
        expect(pairs(m, findKeywordsInJs(m, text))).toEqual(expected);
        expect(findKeywords(m, text)).toEqual(findKeywordsInJs(m, text));
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });

  it("reports keywords across lane and chunk boundaries in long texts as the one-pass loop does", () => {
    const words = ["password", "token", "ghp_", "AKIA", "secret", "xoxb-", "://", "api_key"];
    let text = "";
    let seed = 11;
    while (text.length < 1_300_000) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += seed % 7 === 0 ? words[seed % words.length] : "abcdefghij klmnopq=\"',;\n".slice(0, 1 + (seed % 23));
    }
    const hits = findKeywords(packMatcher, text);
    expect(hits.length).toBeGreaterThan(10_000);
    expect(hits).toEqual(findKeywordsInJs(packMatcher, text));
    // A last chunk too short for lanes (the chunk is 2^19 characters).
    const tail = text.slice(0, (1 << 19) + 100);
    expect(findKeywords(packMatcher, tail)).toEqual(findKeywordsInJs(packMatcher, tail));
  });

  it("never hides a keyword next to characters above U+00FF", () => {
    const text = `\u2028token\u0167ghp_x😀password${"\u4e2d".repeat(5000)}secret`;
    expect(findKeywords(packMatcher, text)).toEqual(findKeywordsInJs(packMatcher, text));
    expect(pairs(packMatcher, findKeywords(packMatcher, text)).map(([, k]) => k)).toEqual(expect.arrayContaining(["token", "ghp_", "password", "secret"]));
  });
});
