// The one-file app as a colleague gets it: dist/shantytown-planner.html opened from disk
// (file://) with every request logged: the demo's rows, an edit that moves a KPI, a chart
// drawn, an export, the worker's jobs (a workbook, 求最优方案) — and not a single request
// beyond the file itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { useBrowser, menuItem } from './harness.mjs';

const env = useBrowser();

test('opened from disk, the one file runs the whole app with zero requests', async () => {
  const file = resolve('dist/shantytown-planner.html');
  const size = statSync(file).size;
  console.log(`# one-file build: ${size} bytes`);
  assert.ok(size < 3_000_000, `${size} bytes`);
  const url = pathToFileURL(file).href;
  const context = await env.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  await page.click('[data-testid="load-demo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="project-row"]').length === 32);

  // An edit moves a KPI.
  await page.click('[data-testid="nav-results"]');
  const kpi = '[data-testid="kpi-investment"] .kpi-value';
  const before = await page.textContent(kpi);
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]').first().locator('[data-testid="edit-project"]').click();
  const households = page.locator('[data-testid="edit-households"]');
  await households.fill('3000');
  await households.blur();
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction(([sel, b]) => document.querySelector(sel).textContent !== b, [kpi, before]);

  // A chart is drawn by the inlined ECharts.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chart-funding"]');
    return el && window.echarts?.getInstanceByDom(el)?.getOption().series.length > 0;
  });
  // Export works from disk too.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const exported = await readFile(await download.path());

  // Local storage keeps the edit across a reload of the file.
  const investment = await page.textContent(kpi);
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.textContent === v, [kpi, investment]);
  // And a colleague's file imports: a second plan with the same id is offered to keep both.
  await page.setInputFiles('[data-testid="import-plan"]', { name: 'plan.json', mimeType: 'application/json', buffer: exported });
  await page.locator('[data-testid="import-choice"]').waitFor();
  await page.click('[data-testid="import-keep-both"]');
  // The worker runs from the file as well (its module inline): a workbook and 求最优方案.
  const [workbook] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-xlsx')]);
  assert.match(workbook.suggestedFilename(), /\.xlsx$/);
  assert.equal((await readFile(await workbook.path())).subarray(0, 2).toString(), 'PK');
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  await page.locator('[data-testid="optimize-result"]').waitFor({ timeout: 30000 });

  const others = requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.deepEqual(others, [], 'no request beyond the file');
  assert.deepEqual(errors, []);
  await context.close();
});
