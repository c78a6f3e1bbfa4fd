// A 1,000-project plan: the long tables draw only the rows in view, yet the totals, the sort
// and scrolling to any row behave as if every row were there.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openApp, useBrowser, storedItem } from './harness.mjs';

const env = useBrowser();
let storage;
before(async () => {
  const big = execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', '1000'], { maxBuffer: 64 << 20 }).toString();
  storage = {
    'shantytown-planner.index': JSON.stringify({ plans: [{ id: 'generated-1000', name: 'generated' }], last_opened: 'generated-1000' }),
    'shantytown-planner.plan.generated-1000': big,
  };
});

const num = (s) => Number(s.replace(/[,\s]/g, ''));

test('the project list draws the rows in view; totals, sort and scrolling cover all 1,000', async () => {
  const { page, log } = await openApp(env, { storage });
  await page.setViewportSize({ width: 1300, height: 900 });
  const rows = page.locator('[data-testid="project-row"]');
  await rows.first().waitFor();
  const drawn = await rows.count();
  assert.ok(drawn > 10 && drawn < 120, `${drawn} rows drawn of 1,000`);
  // The totals row adds up every project, drawn or not.
  const plan = JSON.parse(storage['shantytown-planner.plan.generated-1000']).plan;
  const households = plan.projects.reduce((s, p) => s + p.households, 0);
  assert.equal(num(await page.textContent('[data-testid="total-households"]')), households);
  // The page is as tall as all rows: scrolling to the end shows the last project.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = plan.projects[plan.projects.length - 1].id;
  await page.waitForSelector(`[data-testid="project-row"][data-project-id="${last}"]`);
  assert.ok((await rows.count()) < 120);
  // Sorting by households (descending) puts the largest project first, wherever it was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('[data-testid="sort-households"]');
  await page.click('[data-testid="sort-households"]');
  const max = Math.max(...plan.projects.map((p) => p.households));
  await page.waitForFunction((m) => {
    const first = document.querySelector('[data-testid="project-row"] td:nth-of-type(6)');
    return first && Number(first.textContent.replace(/[,\s]/g, '')) === m;
  }, max);
  // 安置方式 draws its rows the same way.
  await page.click('[data-testid="nav-resettlement"]');
  const mixRows = await page.locator('[data-testid="mix-row"]').count();
  assert.ok(mixRows > 10 && mixRows < 120, `${mixRows} mix rows`);
  assert.deepEqual(log.pageErrors, []);
});

/// 测算结果 of the 1,000-project plan in a short window, ECharts loaded; and whether a chart
/// has been drawn.
async function openResults() {
  const opened = await openApp(env, { storage, path: '/#results' });
  await opened.page.setViewportSize({ width: 1300, height: 700 });
  await opened.page.waitForSelector('[data-testid="kpi-fiscal-pv"]');
  await opened.page.waitForFunction(() => window.echarts);
  const drawn = (id) =>
    opened.page.evaluate((id) => Boolean(window.echarts?.getInstanceByDom(document.querySelector(`[data-testid="${id}"]`))), id);
  return { ...opened, drawn };
}

test('测算结果 opens without drawing the charts below its fold; a chart drawn on scrolling shows the latest edit', async () => {
  const { page, log, drawn } = await openResults();
  // The 1,000-project plan's findings fill the first screens: the last chart is far below.
  const below = await page.evaluate(() => document.querySelector('[data-testid="chart-debt"]').getBoundingClientRect().top / window.innerHeight);
  assert.ok(below > 2, `the debt chart starts ${below.toFixed(1)} screens down`);
  await page.waitForTimeout(300);
  assert.equal(await drawn('chart-debt'), false, 'not drawn while out of view');
  // An edit made meanwhile (a longer loan term) is what the chart shows once scrolled to: its
  // stacked debt equals the yearly table's debt outstanding, year by year.
  const debtColumn = () =>
    page.$$eval('[data-testid="year-row"]', (rows) => rows.map((r) => Number(r.querySelector('td:nth-last-child(2)').textContent.replace(/[,\s]/g, ''))));
  const before = await debtColumn();
  const term = JSON.parse(await storedItem(page, 'shantytown-planner.plan.generated-1000')).plan.assumptions.loan.term_years;
  await page.click('[data-testid="nav-assumptions"]');
  await page.fill('[data-testid="assumption-loan.term_years"]', String(term + 5));
  await page.press('[data-testid="assumption-loan.term_years"]', 'Tab');
  await page.click('[data-testid="nav-results"]');
  await page.waitForSelector('[data-testid="year-row"]');
  const after = await debtColumn();
  assert.notDeepEqual(after, before, 'the edit changes the debt');
  await page.locator('[data-testid="chart-debt"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-debt"]')));
  const stacked = await page.evaluate(() => {
    // The stacked bands are the debt; a line of vouchers owed (房票), not borrowed, is apart.
    const series = window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-debt"]')).getOption().series.filter((s) => s.stack === 'debt');
    return series[0].data.map((_, i) => series.reduce((s, x) => s + Number(x.data[i]), 0));
  });
  assert.equal(stacked.length, after.length);
  stacked.forEach((yi, i) => assert.ok(Math.abs(yi * 10000 - after[i]) <= 0.005 * Math.max(after[i], 1e4), `year ${i}: chart ${yi} 亿元, table ${after[i]} 万元`));
  assert.deepEqual(log.pageErrors, []);
});

test('printing 测算结果 as it is draws the charts not yet scrolled to', async () => {
  const { page, log, drawn } = await openResults();
  await page.waitForTimeout(300);
  assert.equal(await drawn('chart-debt'), false);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-debt"]')));
  assert.deepEqual(log.pageErrors, []);
});

test('an edit in a long table measures no row (no layout forced in the middle of the update)', async () => {
  const { page, log } = await openApp(env, { storage });
  await page.click('[data-testid="nav-resettlement"]');
  await page.locator('[data-testid="resettlement-table"] [data-testid="edit-project"]').first().click();
  await page.waitForSelector('[data-testid="mix-cash"]');
  // Count every read of a table row's height from here on.
  await page.evaluate(() => {
    window.__rowReads = 0;
    const get = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight').get;
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      get() {
        if (this.tagName === 'TR') window.__rowReads += 1;
        return get.call(this);
      },
    });
  });
  const rates = await page.textContent('[data-testid="rates-table"]');
  const cash = Number(await page.inputValue('[data-testid="mix-cash"]'));
  await page.fill('[data-testid="mix-cash"]', String(cash > 50 ? cash - 10 : cash + 10));
  await page.waitForFunction((r) => document.querySelector('[data-testid="rates-table"]').textContent !== r, rates);
  assert.equal(await page.evaluate(() => window.__rowReads), 0);
  // A scroll still measures the rows, so the window follows it.
  await page.evaluate(() => window.scrollBy(0, 400));
  await page.waitForFunction(() => window.__rowReads > 0);
  assert.deepEqual(log.pageErrors, []);
});
