// 风险 as the finance bureau uses it: the tornado and a what-if, ranges refused at the field, a
// Monte Carlo run that leaves the page answering clicks, and the same figures as plan-sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, setField, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

async function chartOption(page, testid) {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el && window.echarts?.getInstanceByDom(el);
  }, testid);
  return page.evaluate((id) => window.echarts?.getInstanceByDom(document.querySelector(`[data-testid="${id}"]`)).getOption(), testid);
}

test('the tornado has a bar per driver, widest first; a driver opens a what-if that moves the KPIs', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-risk"]');
  const option = await chartOption(page, 'chart-tornado');
  const drivers = option.yAxis[0].data;
  assert.equal(drivers.length, 16);
  assert.equal(option.series.length, 2);
  assert.ok(option.series.every((s) => s.data.length === 16));
  assert.equal(await page.locator('[data-testid="tornado-row"]').count(), 16);
  // The table lists the drivers in the chart's order.
  const rows = await page.locator('[data-testid="tornado-driver"]').allTextContents();
  assert.deepEqual(rows, drivers);

  await page.locator('[data-testid="tornado-row"][data-driver="compensation_price"] [data-testid="tornado-driver"]').click();
  const kpi = page.locator('[data-testid="whatif-kpi"]').first();
  const before = await kpi.locator('.kpi-value').textContent();
  await page.locator('[data-testid="whatif-slider"]').evaluate((el) => {
    el.value = '30';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((b) => document.querySelector('[data-testid="whatif-kpi"] .kpi-value').textContent !== b, before);
  assert.match(await kpi.locator('.kpi-value').textContent(), /（\+/);
  // Approvals late move in months: a year's slip on the demo raises no KPI's fall, the slider says months.
  await page.locator('[data-testid="tornado-row"][data-driver="approval_slip"] [data-testid="tornado-driver"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="whatif"] h3').textContent.includes('审批滞后'));
  assert.equal(await page.locator('[data-testid="whatif-slider"]').getAttribute('max'), '24');
  await page.locator('[data-testid="whatif-slider"]').evaluate((el) => {
    el.value = '12';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="whatif"] .label').textContent.includes('滞后 +12 个月'));
  // Its range is entered in months.
  assert.equal(await page.locator('[data-testid="range-high-approval_slip"]').inputValue(), '6');
  // Switching the measure redraws the tornado for it.
  await page.selectOption('[data-testid="tornado-metric"]', '2');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chart-tornado"]');
    return window.echarts?.getInstanceByDom(el).getOption().title[0].text.includes('PPP');
  });
  assert.deepEqual(log.pageErrors, []);
});

test('a range out of order is refused at its field and the saved plan keeps the old one', async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-risk"]');
  await setField(page, 'range-low-loan_rate', 30);
  const row = page.locator('[data-testid="range-row"][data-driver="loan_rate"]');
  assert.match(await row.locator('[data-testid="range-error"]').textContent(), /最低 ≤ 最可能 ≤ 最高/);
  await setField(page, 'range-low-land_revenue', -60);
  assert.equal(await page.locator('[data-testid="range-row"][data-driver="land_revenue"] [data-testid="range-error"]').textContent(), '');
  await page.waitForTimeout(700);
  const stored = (await storedDoc(page)).plan;
  assert.deepEqual(stored.risk.ranges, [['land_revenue', { low: -0.6, mode: 0, high: 0.1 }]]);
});

test('a run answers clicks while it draws, can be cancelled, and then gives fans, odds and plan-sim\'s figures', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-risk"]');
  // A long run: the page must stay responsive and the run stoppable.
  await setField(page, 'risk-draws', 50000);
  await page.click('[data-testid="risk-run"]');
  await page.locator('[data-testid="risk-progress"]').waitFor();
  await page.locator('[data-testid="tornado-row"][data-driver="loan_rate"] [data-testid="tornado-driver"]').click();
  await page.locator('[data-testid="whatif"]').waitFor({ timeout: 2000 });
  assert.ok(await page.locator('[data-testid="risk-progress"]').isVisible(), 'the click was answered mid-run');
  await page.click('[data-testid="risk-cancel"]');
  await page.locator('[data-testid="risk-progress"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid="chart-fan"]').count(), 0, 'a cancelled run shows nothing');

  await setField(page, 'risk-draws', 1000);
  await page.click('[data-testid="risk-run"]');
  const fan = await chartOption(page, 'chart-fan');
  assert.equal(fan.series.length, 3);
  const fanPpp = await chartOption(page, 'chart-fan-ppp');
  assert.equal(fanPpp.series.length, 5, 'P10/P50/P90 and the 10 % and 5 % lines');
  const shown = await page.textContent('[data-testid="risk-seed-shown"]');
  assert.match(shown, /1000 次模拟，随机种子 20261125/);
  console.log(`# 1,000 draws of the demo in Chromium: ${shown.match(/用时 (\d+) 毫秒/)[1]} ms`);
  const odds = await page.locator('[data-testid="breach-row"]').allTextContents();
  assert.ok(odds.some((r) => r.includes('10% 红线')), odds.join());

  // plan-sim on the same plan and seed: the same percentiles and probabilities.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const dir = await mkdtemp(join(tmpdir(), 'risk-'));
  const file = join(dir, 'plan.json');
  await writeFile(file, await readFile(await download.path()));
  const sim = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--risk', '1000', file], { encoding: 'utf8' }));
  const pct = (p) => `${(p * 100).toFixed(1)} %`;
  const table = await page.textContent('[data-testid="breach-probability"]');
  assert.ok(table.includes(pct(sim.p_ppp_cap)) && table.includes(pct(sim.p_ppp_tier)), table);
  const missedOverall = sim.p_missed.find(([g]) => g === 'overall')[2];
  assert.ok(table.includes(pct(missedOverall)), `${pct(missedOverall)} in ${table}`);
  // The odds that money comes too late for each year's starts, as plan-sim gives them.
  const late = await page.locator('[data-testid="late-start-row"]').allTextContents();
  assert.equal(late.length, sim.late_start.length);
  sim.late_start.forEach((y, i) => {
    assert.ok(late[i].startsWith(String(y.year)) && late[i].includes(pct(y.p_late)), `${pct(y.p_late)} in ${late[i]}`);
  });
  const yi = (v) => (v / 10000).toFixed(2);
  const percentiles = await page.textContent('[data-testid="risk-percentiles"]');
  for (const v of [sim.fiscal_pv.p10, sim.fiscal_pv.p50, sim.fiscal_pv.p90]) {
    assert.ok(percentiles.includes(yi(v)), `${yi(v)} in ${percentiles}`);
  }
  assert.deepEqual(log.pageErrors, []);
});
