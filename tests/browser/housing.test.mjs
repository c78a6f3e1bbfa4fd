// 房源库 as the housing bureau keeps it: the demo's stock, short in the central city and ample in
// the counties; demand against stock by district and year as plan-sim --housing gives it; the
// findings on 房源库, 安置方式 and 测算结果; a listing added, changed and removed as edits, a
// fraction of a unit named at its field and never stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

const cells = (page, district, year) =>
  page
    .locator(`[data-testid="stock-row"][data-district="${district}"][data-year="${year}"] td`)
    .allTextContents();

test('the demo\'s stock against its demand: the same rows and findings as plan-sim, on three pages', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-housing"]');
  await page.locator('[data-testid="stock-demand"]').waitFor();
  // plan-sim on the same plan.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const dir = await mkdtemp(join(tmpdir(), 'housing-'));
  const file = join(dir, 'plan.json');
  await writeFile(file, await readFile(await download.path()));
  const sim = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--housing', file], { encoding: 'utf8' }));
  assert.equal(await page.locator('[data-testid="stock-row"]').count(), sim.rows.length);
  for (const r of sim.rows) {
    const c = await cells(page, r.district, r.year);
    assert.deepEqual(c.slice(0, 9), [r.year, r.district, r.self_purchase, r.voucher, r.government_purchase, r.offers, r.demand, r.stock, Math.max(0, r.demand - r.stock)].map(String), `${r.district} ${r.year}`);
  }
  // The chart: a pair of bars per row, demand and homes.
  await page.locator('[data-testid="chart-stock"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-stock"]')));
  const option = await page.evaluate(() => window.echarts.getInstanceByDom(document.querySelector('[data-testid="chart-stock"]')).getOption());
  assert.deepEqual(option.series.map((s) => s.name), ['需在市场购房（户）', '可用房源（套）']);
  assert.deepEqual(option.series[0].data.map(Number), sim.rows.map((r) => r.demand));
  assert.deepEqual(option.series[1].data.map(Number), sim.rows.map((r) => r.stock));
  // Hand-checked (tests/housing.rs): 城关区 sells out in 3.75 months; its 291 government
  // purchases against 200 offered; the central city short in 2028, 1,222 households for 960 homes.
  assert.equal((await cells(page, '城关区', 2027))[9], '3.8');
  const findings = await page.locator('[data-testid="housing-finding"]').allTextContents();
  assert.deepEqual(findings, sim.findings.map((f) => f.message));
  assert.ok(findings.includes('2028年底前中心城市需在市场购房的安置户 1222 户，向其开放的房源仅 960 套（房源库）'));
  // The same notes on 安置方式 and 测算结果, each with a way to 房源库.
  for (const tab of ['resettlement', 'results']) {
    await page.click(`[data-testid="nav-${tab}"]`);
    await page.locator('[data-testid="housing-notes"]').waitFor();
    assert.equal(await page.textContent('[data-testid="housing-notes"] summary'), `房源与安置需求：${findings.length} 项发现`);
    assert.deepEqual(await page.locator('[data-testid="housing-finding"]').allTextContents(), findings);
  }
  await page.click('[data-testid="housing-notes"] summary');
  await page.click('[data-testid="housing-open"]');
  await page.locator('[data-testid="housing-page"]').waitFor();
  assert.deepEqual(log.pageErrors, []);
});

test('a listing added, changed and removed is one edit each; a fraction of a unit is named and never stored', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-housing"]');
  const listings = page.locator('[data-testid="listing-row"]');
  const before = await listings.count();
  await page.click('[data-testid="listing-add"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="listing-row"]').length === n + 1, before);
  const added = listings.nth(before);
  await added.locator('[data-testid="listing-name"]').fill('新城区回购房源');
  await added.locator('[data-testid="listing-name"]').press('Tab');
  await added.locator('[data-testid="listing-district"]').fill('新城区');
  await added.locator('[data-testid="listing-district"]').press('Tab');
  await added.locator('[data-testid="listing-units"]').fill('12.5');
  assert.match(await added.textContent(), /套数 应为整数/);
  await added.locator('[data-testid="listing-units"]').fill('300');
  await page.waitForTimeout(700);
  let doc = await storedDoc(page);
  const stored = doc.plan.housing.listings.at(-1);
  assert.equal(stored.name, '新城区回购房源');
  assert.equal(stored.district, '新城区');
  assert.equal(stored.units, 300);
  // 300 more homes for 新城区 (open to its own district): its 2028 row counts them.
  const row = await cells(page, '新城区', 2028);
  assert.equal(row[7], String(780 + 300));
  // A negative price is refused with its row named; the stored stock stays as it was.
  await added.locator('[data-testid="listing-price"]').fill('-5');
  await page.locator('[data-testid="stock-error"]').waitFor();
  assert.match(await page.textContent('[data-testid="stock-error"]'), /房源库「房源」第 7 行/);
  await page.waitForTimeout(700);
  doc = await storedDoc(page);
  assert.equal(doc.plan.housing.listings.at(-1).price, 6000);
  // Removed, and undone.
  await added.locator('[data-testid="stock-remove"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="listing-row"]').length === n, before);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="listing-row"]').length === n + 1, before);
  assert.deepEqual(log.pageErrors, []);
});

test('the stock workbook: downloaded filled in, imported back as one undoable step; a file that is not one refused whole', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-housing"]');
  const before = (await storedDoc(page)).plan.housing;
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="stock-download"]')]);
  assert.match(download.suggestedFilename(), /^房源库.*\.xlsx$/);
  const bytes = await readFile(await download.path());
  // Emptied, then the workbook taken back: the same stock.
  while (await page.locator('[data-testid="listing-row"]').count()) {
    await page.locator('[data-testid="listing-row"] [data-testid="stock-remove"]').first().click();
  }
  await page.setInputFiles('[data-testid="stock-import"]', { name: '房源库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.locator('[data-testid="stock-imported"]').waitFor();
  assert.equal(await page.textContent('[data-testid="stock-imported"]'), '已导入房源库：房源 6 行、政府房源 1 行、月均销售 4 行（可撤销）');
  await page.waitForTimeout(700);
  assert.deepEqual((await storedDoc(page)).plan.housing, before);
  // Not a workbook: refused with the reason, nothing changed.
  await page.setInputFiles('[data-testid="stock-import"]', { name: '房源库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('not a workbook') });
  await page.locator('[data-testid="import-error"]').waitFor();
  assert.match(await page.textContent('[data-testid="import-error"]'), /未导入/);
  await page.waitForTimeout(500);
  assert.deepEqual((await storedDoc(page)).plan.housing, before);
  assert.deepEqual(log.pageErrors, []);
});
