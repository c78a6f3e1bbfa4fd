// Writes dist/shantytown-planner.html: the whole app in one file that works when opened from
// disk (file://) with no server and not a single request. The stylesheet is inlined; the wasm
// and the ECharts build are gzipped (Zopfli) and base64-encoded inline (the browser's own
// DecompressionStream unpacks them; base64 of the raw wasm would be over the size budget); the
// wasm-bindgen glue is inlined as the module script that starts the app.
// Run by scripts/build.sh after trunk; prints the file's size.
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { gzipAsync } from '@gfx/zopfli';

const dist = 'dist';
const files = readdirSync(dist);
const pick = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) throw new Error(`one-file: expected one ${what} in dist/, found ${found.join(', ') || 'none'}`);
  return `${dist}/${found[0]}`;
};
const wasm = readFileSync(pick((f) => /^shantytown-planner-[0-9a-f]+_bg\.wasm$/.test(f), 'wasm module'));
// The worker (optimizer, risk draws, Excel in and out): its glue and module, started from a
// blob only when the app first needs it, so the first rows do not wait for its unpacking.
const workerGlue = readFileSync(`${dist}/worker.js`, 'utf8');
const workerWasm = readFileSync(`${dist}/worker_bg.wasm`);
const glue = readFileSync(pick((f) => /^shantytown-planner-[0-9a-f]+\.js$/.test(f), 'wasm-bindgen glue'), 'utf8');
const css = readFileSync(pick((f) => f.endsWith('.css'), 'stylesheet'), 'utf8');
const echarts = readFileSync(`${dist}/echarts.js`);

// Zopfli's gzip: the same format DecompressionStream unpacks, about 5 % smaller than zlib's
// best (some 120 KB of base64 for the two modules), for some seconds of build.
const packed = async (bytes) => Buffer.from(await gzipAsync(bytes, { numiterations: 5 })).toString('base64');
const [echartsPacked, wasmPacked, workerPacked] = await Promise.all([echarts, wasm, workerWasm].map(packed));
// Inline text must not close its element early.
const safe = (text, tag) => text.replaceAll(`</${tag}`, `<\\/${tag}`);

// The glue's exports stay as they are (an inline module may declare them); the page's bench
// hooks read the exported functions by name, as `import * as bindings` gives them in dist/.
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
const start = `
const unpack = async (b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
const text = (bytes) => new TextDecoder().decode(bytes);
// ECharts when the app first asks for it (a chart in view, or idle after the first rows), in the
// global scope: it sets window.echarts and says it is ready. The rows do not wait for it.
window.plannerLoadEcharts = () => {
  if (window.plannerEchartsRequested) return;
  window.plannerEchartsRequested = true;
  unpack(document.getElementById('echarts-gz').textContent.trim()).then((b) => (0, eval)(text(b)));
};
// The worker's script, made when first asked for: its glue, its module inline, and the start
// that unpacks the module inside the worker (src/ui/shell/worker.rs reads plannerWorkerUrl).
let workerUrl;
const workerStart = (gz) => {
  const bytes = Uint8Array.from(atob(gz), (c) => c.charCodeAt(0));
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    .then((module_or_path) => wasm_bindgen({ module_or_path }))
    .catch((e) => setTimeout(() => { throw e; }));
};
Object.defineProperty(window, 'plannerWorkerUrl', {
  get() {
    if (!workerUrl) {
      const gz = JSON.stringify(document.getElementById('worker-gz').textContent.trim());
      const glue = document.getElementById('worker-glue').textContent;
      const start = ';(' + workerStart.toString() + ')(' + gz + ');';
      workerUrl = URL.createObjectURL(new Blob([glue, start], { type: 'text/javascript' }));
    }
    return workerUrl;
  },
});
await __wbg_init({ module_or_path: await unpack(document.getElementById('wasm-gz').textContent.trim()) });
window.wasmBindings = { ${exported.join(', ')} };
`;

const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>棚改规划</title>
<!-- 棚改规划 in one file: open it from disk; it needs no server and makes no request. -->
<link rel="icon" href="data:,">
<style>
${safe(css, 'style')}
</style>
<script type="application/octet-stream" id="echarts-gz">${echartsPacked}</script>
<script type="application/octet-stream" id="wasm-gz">${wasmPacked}</script>
<script type="application/octet-stream" id="worker-gz">${workerPacked}</script>
<script type="text/plain" id="worker-glue">${safe(workerGlue, 'script')}</script>
<script type="module">
${safe(glue, 'script')}
${start}
</script>
</head>
<body></body>
</html>
`;

const out = `${dist}/shantytown-planner.html`;
writeFileSync(out, html);
const size = statSync(out).size;
console.log(`one-file: ${out} ${size} bytes (${(size / 1024 / 1024).toFixed(2)} MiB)`);
// Two modules since the worker (issue 24): the page's and the worker's, each gzipped inline.
if (size > 3_000_000) {
  console.error('one-file: over the 3 MB budget');
  process.exit(1);
}
