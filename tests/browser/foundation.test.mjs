// Foundation: the release build loads cleanly, shows the demo plan, and talks to nobody but 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, currentKey, storedItem, writeStored, toEnglish } from './harness.mjs';

const env = useBrowser();

test('the page loads with no console error and no page error, title names 棚改', async () => {
  const { page, context, log } = await openApp(env);
  await page.waitForSelector('[data-testid="project-row"]');
  // Give late errors (chart init, storage effects) a moment to surface.
  await page.waitForTimeout(300);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.match(await page.title(), /棚改/);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await context.close();
});

test('the demo plan appears when storage is empty: rows, named projects and a totals row', async () => {
  const { page, context } = await openApp(env);
  const rows = page.locator('[data-testid="project-row"]');
  assert.equal(await rows.count(), 32);
  const names = await rows.locator('th').allTextContents();
  for (const n of ['黄沙桥片区', '行政中心北侧', '杨峪河片区', '北新街东片区', 'X县西街']) {
    assert.ok(names.includes(n), `${n} is listed`);
  }
  const xixie = rows.filter({ hasText: 'X县西街' });
  assert.match(await xixie.textContent(), /1,066/);
  // The totals row equals the sum of the displayed rows.
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)),
  );
  const num = (s) => Number(s.replace(/,/g, ''));
  const sum = (i) => cells.reduce((acc, c) => acc + num(c[i]), 0);
  assert.equal(num(await page.textContent('[data-testid="total-households"]')), sum(0));
  assert.equal(num(await page.textContent('[data-testid="total-households"]')), 9373);
  assert.equal(num(await page.textContent('[data-testid="total-area"]')), sum(1));
  assert.equal(num(await page.textContent('[data-testid="total-investment"]')), sum(2));
  await context.close();
});

test('every request the page makes goes to 127.0.0.1', async () => {
  const { page, context, log } = await openApp(env);
  await page.waitForSelector('[data-testid="project-row"]');
  for (const tab of ['projects', 'resettlement', 'financing', 'results', 'compare']) {
    await page.click(`[data-testid="nav-${tab}"]`);
  }
  await page.waitForTimeout(300);
  assert.ok(log.requests.length >= 3, 'html, js and wasm were requested');
  const foreign = log.requests.filter((u) => !u.startsWith(env.origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  await context.close();
});

test('载入示例方案 opens the demo as a plan of its own, and the English toggle works', async () => {
  const { page, context } = await openApp(env);
  await page.waitForSelector('[data-testid="project-row"]');
  // Store the open plan with one project removed, reload, and see 31 rows.
  await page.waitForTimeout(600);
  const key = await currentKey(page);
  const doc = JSON.parse(await storedItem(page, key));
  doc.plan.projects.pop();
  await writeStored(page, { [key]: JSON.stringify(doc) });
  await page.reload();
  await page.waitForSelector('[data-testid="project-row"]');
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 31);
  await page.click('[data-testid="load-demo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="project-row"]').length === 32);
  assert.equal(await page.locator('[data-testid="plan-list"] [role=menuitemradio]').count(), 2);
  // Two plans in the menu never read alike: the second demo is numbered.
  const names = await page.locator('[data-testid="plan-list"] [role=menuitemradio]').allTextContents();
  assert.equal(new Set(names).size, 2, names.join(' / '));
  assert.ok((await page.textContent('[data-testid="plan-name"]')).endsWith('（2）'));
  await toEnglish(page);
  await page.waitForSelector('[data-testid="nav-projects"]:text-is("Projects")');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
