// Writes NAME.gz (gzip -9) and NAME.br (brotli, quality 11) next to every file in dist/, so a
// server can send them as they are (scripts/serve.mjs; nginx gzip_static / brotli_static; IIS
// static compression), and prints what a first visit and the whole folder weigh: raw, gzip,
// brotli. Run by scripts/build.sh after trunk and the one-file app.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = 'dist';
const files = readdirSync(dist).filter((f) => !/\.(gz|br)$/.test(f) && statSync(`${dist}/${f}`).isFile());
const sizes = {};
for (const f of files) {
  const raw = readFileSync(`${dist}/${f}`);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  writeFileSync(`${dist}/${f}.gz`, gz);
  writeFileSync(`${dist}/${f}.br`, br);
  sizes[f] = { raw: raw.length, gz: gz.length, br: br.length };
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const sum = (names) =>
  names.reduce((t, f) => ({ raw: t.raw + sizes[f].raw, gz: t.gz + sizes[f].gz, br: t.br + sizes[f].br }), { raw: 0, gz: 0, br: 0 });
const line = (label, s) => console.log(`build: ${label}: ${kib(s.raw)} raw, ${kib(s.gz)} gzip, ${kib(s.br)} brotli`);
for (const f of files.sort()) line(`  ${f}`, sizes[f]);
// The first visit: the page, the wasm and its glue, the stylesheet. ECharts comes when a chart
// is first shown (or when the page is idle after the first rows); the one-file app is not served.
// The worker (worker-loader.js, worker.js, worker_bg.wasm) comes on the first long job.
const firstVisit = files
  .filter((f) => /\.(html|css)$/.test(f) || /^shantytown-planner-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f))
  .filter((f) => f !== 'shantytown-planner.html');
const first = sum(firstVisit);
line('first visit (before the first rows)', first);
// From a server that sends no compression the page takes its module's gzip (src/fetch-wasm.js):
// the other files plain, the module as its .gz.
const bare = firstVisit.reduce((t, f) => t + (f.endsWith('.wasm') ? sizes[f].gz : sizes[f].raw), 0);
console.log(`build: first visit from a server that does not compress: ${kib(bare)}`);
line('everything served (with ECharts)', sum(files.filter((f) => f !== 'shantytown-planner.html')));

// The budget (issue 37): a first visit over it fails the build, so CI says so the day it grows.
// 700 KiB brotli until the pages of the readiness, housing-stock and assessment issues shrink it.
const FIRST_VISIT_BUDGET_KIB = 700;
if (first.br > FIRST_VISIT_BUDGET_KIB * 1024) {
  console.error(`build: the first visit is ${kib(first.br)} brotli, over its budget of ${FIRST_VISIT_BUDGET_KIB} KiB`);
  process.exit(1);
}
console.log(`build: first visit within its budget (${kib(first.br)} of ${FIRST_VISIT_BUDGET_KIB} KiB brotli)`);
