/**
 * Executable examples of every rule in patterns/*.json (STYLE.md principle 2): positives are
 * found exactly once with the intended secret, negatives are not, raw templates never match,
 * and every regex scales linearly on adversarial input.
 */
import { describe, expect, it } from "vitest";
import { compileRules, scanFragment, type CompiledRules, type RuleSpec } from "../src/engine/index.js";
import { loadRulePack } from "../src/rules/load-rule-pack.js";
import { expandTemplate } from "./support/expand-template.js";

const specs = loadRulePack();
const pack = compileRules(specs);
const SEEDS = [1, 7, 42, 1234];

/** A file path the rule's `path` restriction accepts (rules without one scan any path). */
const CANDIDATE_PATHS = ["src/example.txt", ".env", "config/application.properties", "config.yml", "deploy.sh", "Dockerfile", "infra/terraform.tfstate", "config/master.key"];
function pathFor(spec: RuleSpec): string {
  if (!spec.path) return CANDIDATE_PATHS[0]!;
  const re = new RegExp(spec.path);
  const hit = CANDIDATE_PATHS.find((p) => re.test(p));
  if (!hit) throw new Error(`${spec.id}: no test path matches ${spec.path}`);
  return hit;
}

function single(spec: RuleSpec): CompiledRules {
  return compileRules([spec]);
}

/** The expansion of the template's longest generator: the intended secret must contain it. */
function longestGenerated(template: string, seed: number): string[] {
  const parts = template.match(/\{\{[^}]*\}\}/g) ?? [];
  const marked = template.replace(/\{\{[^}]*\}\}/g, (m) => `\u0001${m}\u0002`);
  const expanded = expandTemplate(marked, seed);
  const chunks = [...expanded.matchAll(/\u0001([^\u0002]*)\u0002/g)].map((m) => m[1]!);
  if (chunks.length !== parts.length) return [];
  const longest = Math.max(...chunks.map((c) => c.length));
  return chunks.filter((c) => c.length === longest);
}

function redact(s: string): string {
  return s.length <= 8 ? "***" : `${s.slice(0, 6)}…(${s.length})`;
}

describe("rule pack", () => {
  it("compiles, with unique ids and enough coverage", () => {
    const ids = specs.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(specs.length).toBeGreaterThanOrEqual(80);
  });

  it.each(specs.map((s) => ({ id: s.id, spec: s })))("$id: keywords are lower-case and the regex is case-aware", ({ spec }) => {
    if (spec.keywords.length === 0) expect(spec.path, "a rule without keywords needs a path").toBeTruthy();
    for (const kw of spec.keywords) expect(kw).toBe(kw.toLowerCase());
    expect(spec.examples.positive.length).toBeGreaterThanOrEqual(2);
    expect(spec.examples.negative.length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(specs.map((s) => ({ id: s.id, spec: s })))("$id", ({ spec }) => {
  const path = pathFor(spec);
  const own = single(spec);

  it.each(spec.examples.positive.map((t, i) => ({ i, t })))("positive #$i is found once with the intended secret", ({ t }) => {
    for (const seed of SEEDS) {
      const text = expandTemplate(t, seed);
      const findings = scanFragment(pack, { path, text }).filter((f) => f.ruleId === spec.id);
      const alone = scanFragment(own, { path, text });
      expect(alone.length, `seed ${seed}: ${alone.length} finding(s) alone`).toBe(1);
      const secret = alone[0]!.secret;
      expect(text.includes(secret)).toBe(true);
      const wanted = longestGenerated(t, seed);
      expect(wanted.length === 0 || wanted.some((w) => secret.includes(w)), `seed ${seed}: secret ${redact(secret)} misses the generated part`).toBe(true);
      expect(/^["'=\s]|["'\s]$/.test(secret), `secret ${redact(secret)} has surrounding punctuation`).toBe(false);
      // In the whole pack a more specific rule may win the overlap; otherwise this rule reports it.
      const any = scanFragment(pack, { path, text });
      expect(findings.length + any.filter((f) => f.ruleId !== spec.id && f.line === alone[0]!.line).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(spec.examples.negative.map((t, i) => ({ i, t })))("negative #$i is not found", ({ t }) => {
    for (const seed of SEEDS) {
      const text = expandTemplate(t, seed);
      const findings = scanFragment(own, { path, text });
      expect(findings.map((f) => `${f.ruleId}:${redact(f.secret)}`), `seed ${seed}`).toEqual([]);
    }
  });

  it("raw templates match no rule of the pack", () => {
    for (const t of [...spec.examples.positive, ...spec.examples.negative]) {
      for (const p of new Set([path, ...CANDIDATE_PATHS])) {
        const findings = scanFragment(pack, { path: p, text: t });
        expect(findings.map((f) => `${f.ruleId}:${redact(f.secret)}`), t.slice(0, 40)).toEqual([]);
      }
    }
  });
});

/** Adversarial inputs of about `size` characters built around one of the rule's keywords. */
function adversarial(keyword: string, size: number): Record<string, string> {
  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const js = `var e=function(t){return t.${keyword}="${b64}"+t.a:a@b,${keyword}:"${b64.slice(0, 40)}",x};`;
  const vlq = "AAAA,SAASA,EAAE,CAAC;AAClB,IAAI,GAAG,gBAAgB,CAAC,OAAO,CAAC";
  return {
    lowercaseRun: keyword + fill("abcdefghijklmnopqrstuvwxyz"),
    userPassNoHost: fill(`${keyword}//user:pass@`),
    base64NoEnd: `${keyword}=${fill(b64)}`,
    sourceMap: `{"version":3,"mappings":"${fill(`${vlq};${keyword}`)}"}`,
    oneChar: keyword + fill("a"),
    keyword: fill(keyword),
    colonAt: fill(`${keyword}a:a@`),
    base64: fill(`${keyword}=${b64}${b64}${b64}`),
    dashes: fill(`${keyword}-----BEGIN -----END \\n`),
    lines: fill(`${keyword} = "${b64}\n`),
    minified: fill(js),
  };
}

function timeScan(rules: CompiledRules, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    scanFragment(rules, { path: rules.rules[0]?.spec.keywords.length === 0 ? pathFor(rules.rules[0].spec) : "src/min.js", text });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe("linear time on adversarial input", () => {
  it.each(specs.map((s) => ({ id: s.id, spec: s })))("$id", ({ spec }) => {
    // A rule without keywords runs only on its path, on the whole file.
    const own = compileRules([spec.keywords.length > 0 ? { ...spec, path: undefined } : spec]);
    const kw = spec.keywords[0] ?? "a1";
    const small = adversarial(kw, 100_000);
    const large = adversarial(kw, 400_000);
    for (const name of Object.keys(small)) {
      scanFragment(own, { path: pathFor(spec), text: small[name]! }); // warm up the regex JIT
      const t1 = Math.max(timeScan(own, small[name]!), 5);
      const t4 = timeScan(own, large[name]!);
      expect(t4 / t1, `${name}: ${t1.toFixed(1)}ms at 100 KB, ${t4.toFixed(1)}ms at 400 KB`).toBeLessThan(8);
    }
  }, 60_000);
});
