// A server that compresses nothing (Python's http.server, nginx's defaults) still gets the
// modules across gzipped: the page stops the plain download and unpacks NAME.gz itself
// (src/fetch-wasm.js); a server that compresses is used as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { openApp, useBrowser } from './harness.mjs';

const env = useBrowser();
let bare;
before(async () => {
  bare = await serve('dist', 0, { compress: false });
});
after(() => bare.close());

/// Body bytes received per file name, the worker's requests included.
function received(context) {
  const bytes = {};
  context.on('requestfinished', async (r) => {
    const name = r.url().split('/').pop();
    bytes[name] = (bytes[name] ?? 0) + (await r.sizes()).responseBodySize;
  });
  return bytes;
}

test('from a server that does not compress, the page module comes as its gzip and the app runs', async () => {
  const { page, context, log } = await openApp({ ...env, origin: `http://127.0.0.1:${bare.address().port}` });
  await page.locator('[data-testid="project-row"]').first().waitFor();
  const gz = log.requests.filter((u) => /shantytown-planner-[0-9a-f]+_bg\.wasm\.gz$/.test(u));
  assert.equal(gz.length, 1, log.requests.join('\n'));
  // The worker the same way: 求最优方案 answers.
  const bytes = received(context);
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  await page.locator('[data-testid="optimize-result"]').waitFor({ timeout: 30000 });
  assert.ok(bytes['worker_bg.wasm.gz'] > 100_000, JSON.stringify(bytes));
  assert.ok((bytes['worker_bg.wasm'] ?? 0) < 300_000, JSON.stringify(bytes));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('from a server that compresses, the module is taken as it comes, never its .gz', async () => {
  const { page, context, log } = await openApp(env);
  await page.locator('[data-testid="project-row"]').first().waitFor();
  assert.deepEqual(log.requests.filter((u) => u.endsWith('.gz')), []);
  await context.close();
});
