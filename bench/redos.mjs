// ReDoS bench (hardening issue): every rule alone, on adversarial inputs of 100 KB and 400 KB built
// around its keyword; prints the worst time ratio for 4x input (linear is ~4). Exit 1 if any > 8.
// Uses dist/ (npm run build).
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { compileRules, scanFragment } = await import(join(root, "dist/engine/index.js"));
const { loadRulePack } = await import(join(root, "dist/rules/load-rule-pack.js"));

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VLQ = "AAAA,SAASA,EAAE,CAAC;AAClB,IAAI,GAAG,gBAAgB,CAAC,OAAO,CAAC";

/** Adversarial texts of about `size` chars around one keyword (same shapes as test/rules.test.ts). */
function shapes(kw, size) {
  const fill = (unit) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const js = `var e=function(t){return t.${kw}="${B64}"+t.a:a@b,${kw}:"${B64.slice(0, 40)}",x};`;
  return {
    lowercaseRun: `${kw}${fill("abcdefghijklmnopqrstuvwxyz")}`,
    oneChar: kw + fill("a"),
    keywordRepeated: fill(kw),
    colonAt: fill(`${kw}a:a@`),
    userPassNoHost: fill(`${kw}//user:pass@`),
    base64NoEnd: `${kw}=${fill(B64)}`,
    dashes: fill(`${kw}-----BEGIN -----END \\n`),
    lines: fill(`${kw} = "${B64}\n`),
    minified: fill(js),
    sourceMap: `{"version":3,"sources":["${kw}"],"mappings":"${fill(`${VLQ};${kw}`)}"}`,
  };
}

function time(rules, text) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    scanFragment(rules, { path: "src/min.js", text });
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

let worst = { ratio: 0, id: "", shape: "" };
let slowest = { mbs: Infinity, id: "", shape: "" };
let over = 0;
for (const spec of loadRulePack()) {
  const rules = compileRules([{ ...spec, path: undefined }]);
  for (const kw of spec.keywords.slice(0, 2)) {
    const small = shapes(kw, 100_000);
    const large = shapes(kw, 400_000);
    for (const name of Object.keys(small)) {
      scanFragment(rules, { path: "src/min.js", text: small[name] }); // JIT warm-up
      const t1 = Math.max(time(rules, small[name]), 2); // below 2 ms timer noise dominates
      const t4 = time(rules, large[name]);
      const ratio = t4 / t1;
      const mbs = large[name].length / 1024 / 1024 / (t4 / 1000);
      if (mbs < slowest.mbs) slowest = { mbs, id: spec.id, shape: `${name} [${kw}]` };
      if (ratio > 8) {
        over++;
        console.log(`  ${spec.id} [${kw}] ${name}: ratio ${ratio.toFixed(1)} (${t1.toFixed(1)} ms at 100 KB)`);
      }
      if (ratio > worst.ratio) worst = { ratio, id: spec.id, shape: `${name} [${kw}]` };
    }
  }
}
console.log(`redos: worst rule ${worst.id} (${worst.shape}), ratio ${worst.ratio.toFixed(2)} for 4x input (goal: linear, <= ~5)`);
console.log(`redos: slowest rule ${slowest.id} (${slowest.shape}), ${slowest.mbs.toFixed(0)} MB/s alone on 400 KB`);
process.exitCode = over > 0 ? 1 : 0;
