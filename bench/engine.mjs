// Engine throughput: MB/s of scanFragment with every rule enabled, on one core, over ~32 MB of
// realistic source, minified bundles and source maps. Goal >= 100 MB/s. Also the slowest file kind.
import { performance } from "node:perf_hooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpus } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { compileRules, scanFragment } = await import(join(root, "dist/engine/index.js"));
const { loadRulePack } = await import(join(root, "dist/rules/load-rule-pack.js"));

const specs = loadRulePack();
const rules = compileRules(specs);
const corpus = benchCorpus(root);
const bytes = corpus.reduce((a, f) => a + f.text.length, 0);
for (const f of corpus.slice(0, 200)) scanFragment(rules, f); // warm-up

const kinds = new Map();
let findings = 0;
const times = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  for (const f of corpus) {
    const k = /\.map$/.test(f.path) ? "source maps" : /\.min\.js$/.test(f.path) ? "minified" : "source";
    const s = performance.now();
    const r = scanFragment(rules, f);
    const e = performance.now() - s;
    if (run === 0) {
      findings += r.length;
      const cur = kinds.get(k) ?? { bytes: 0, ms: 0 };
      cur.bytes += f.text.length;
      cur.ms += e;
      kinds.set(k, cur);
    }
  }
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const ms = times[1];
const mbs = bytes / 1024 / 1024 / (ms / 1000);
const per = [...kinds].map(([k, v]) => `${k} ${(v.bytes / 1024 / 1024 / (v.ms / 1000)).toFixed(0)} MB/s`).join(", ");
console.log(`engine: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${specs.length} rules, ${mbs.toFixed(0)} MB/s (goal >= 100) [${per}], ${findings} findings`);
process.exitCode = mbs >= 100 ? 0 : 1;
