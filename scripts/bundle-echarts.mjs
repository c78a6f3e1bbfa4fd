// Bundles the app's custom ECharts build (scripts/echarts-entry.mjs) into build/echarts.js with
// esbuild (pinned in package-lock.json). Trunk runs it before every build (Trunk.toml).
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/echarts-entry.mjs'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2018',
  outfile: 'build/echarts.js',
  legalComments: 'eof',
  logLevel: 'warning',
});
