// Benchmark text: realistic source files from node_modules, plus minified bundles and source maps
// made from them (long single lines and long base64-VLQ runs: the inputs that expose regexes
// that backtrack). Deterministic for the same node_modules.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";

const EXT = new Set([".js", ".mjs", ".cjs", ".ts", ".json", ".md", ".yml", ".yaml"]);

function listFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else if (e.isFile() && EXT.has(extname(e.name))) out.push(p);
  }
  return out;
}

/** Source files of node_modules adding up to about `bytes`. */
export function sourceFiles(root, bytes) {
  const files = [];
  let total = 0;
  for (const p of listFiles(join(root, "node_modules"))) {
    const size = statSync(p).size;
    if (size > 4_000_000) continue;
    files.push(p);
    total += size;
    if (total >= bytes) break;
  }
  return files;
}

/** A minified bundle: sources with comments and line breaks squeezed out, on one line. */
export function minify(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "").replace(/\s+/g, " ");
}

const VLQ = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** A source map of `text`: long base64-VLQ mappings and the sources embedded. */
export function sourceMap(name, text, seed = 1) {
  let s = seed;
  const rnd = (n) => ((s = (s * 1103515245 + 12345) % 2147483648) % n);
  const segs = [];
  for (let i = 0; i < text.length / 6; i++) {
    let seg = "";
    for (let k = 0, n = 4 + rnd(2); k < n; k++) seg += VLQ[rnd(64)];
    segs.push(seg + (rnd(12) === 0 ? ";" : ","));
  }
  return JSON.stringify({ version: 3, file: `${name}.min.js`, sources: [`webpack://app/./src/${name}`], sourcesContent: [text], names: [], mappings: segs.join("") });
}

/** The whole corpus: [{ path, text }], about `bytes` in all. */
export function benchCorpus(root, bytes = 32 * 1024 * 1024) {
  const out = [];
  const files = sourceFiles(root, bytes * 0.55);
  files.forEach((p, i) => {
    const text = readFileSync(p, "utf8");
    out.push({ path: p.slice(root.length + 1), text });
  });
  // Bundles and maps from the JS sources, in 1 MB lines.
  let bundle = "";
  let n = 0;
  for (const f of out.slice()) {
    if (!/\.(c|m)?js$/.test(f.path)) continue;
    bundle += minify(f.text);
    if (bundle.length > 1_000_000) {
      out.push({ path: `dist/bundle${n}.min.js`, text: bundle });
      if (n % 2 === 0) out.push({ path: `dist/bundle${n}.min.js.map`, text: sourceMap(`bundle${n}`, bundle.slice(0, 400_000), n + 1) });
      bundle = "";
      n++;
    }
    if (out.reduce((a, x) => a + x.text.length, 0) >= bytes) break;
  }
  return out;
}
