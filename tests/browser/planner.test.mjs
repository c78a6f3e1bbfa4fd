// The planner's working surface, used as a planner would: edit mixes, add and delete projects,
// type invalid values, filter, and see KPIs, totals and charts follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, menuItem, storedDoc, toEnglish } from './harness.mjs';

const env = useBrowser();

const num = (s) => Number(String(s).replace(/[^0-9.\-]/g, ''));

async function chartOption(page, testid) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const chart = el && echarts.getInstanceByDom(el);
    return chart ? { id: chart.id, option: chart.getOption() } : null;
  }, testid);
}

async function kpi(page, testid) {
  return page.textContent(`[data-testid="${testid}"] .kpi-value`);
}

async function editProject(page, name) {
  await page.locator('[data-testid="project-row"]', { hasText: name }).locator('[data-testid="edit-project"]').click();
  await page.waitForSelector('[data-testid="project-editor"]');
}

async function type(page, testid, value) {
  const input = page.locator(`[data-testid="${testid}"]`);
  await input.fill(String(value));
  await input.blur();
}

test('changing a resettlement mix moves the monetized KPI and the monetized chart', async () => {
  const { page, context, log } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  // Charts below the fold are drawn when they come near the view: scroll to it, as a planner does.
  await page.locator('[data-testid="chart-monetized"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="chart-monetized"]');
    return el && window.echarts?.getInstanceByDom(el);
  });
  const before = await chartOption(page, 'chart-monetized');
  const kpiBefore = await kpi(page, 'kpi-monetized-rate');
  const centralBefore = await kpi(page, 'kpi-monetized-central');

  await page.click('[data-testid="nav-projects"]');
  await editProject(page, '黄沙桥片区');
  await type(page, 'mix-cash', 60);
  // New build absorbs the change: 100 − 60 − 15 − 10 = 15 %.
  assert.equal(await page.inputValue('[data-testid="mix-new-build"]'), '15');

  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction((k) => {
    const v = document.querySelector('[data-testid="kpi-monetized-rate"] .kpi-value');
    return v && v.textContent !== k;
  }, kpiBefore);
  const kpiAfter = await kpi(page, 'kpi-monetized-rate');
  assert.ok(num(kpiAfter) > num(kpiBefore), `${kpiAfter} > ${kpiBefore}`);
  assert.ok(num(await kpi(page, 'kpi-monetized-central')) > num(centralBefore));
  const after = await chartOption(page, 'chart-monetized');
  const bars = (o) => o.option.series[0].data.map((d) => (typeof d === 'object' ? d.value : d));
  assert.notDeepEqual(bars(after), bars(before));
  // Same series, nothing stale left behind.
  assert.equal(after.option.series.length, before.option.series.length);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('charts update in place: same ECharts instance, new data, no stale series', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-financing"]');
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-funding"]')));
  const before = await chartOption(page, 'chart-funding');
  await page.click('[data-testid="nav-assumptions"]');
  // Changing the budget does not touch funding; change a default cost instead.
  await type(page, 'default-construction_cost', 3000);
  await page.click('[data-testid="nav-financing"]');
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-funding"]')));
  const after = await chartOption(page, 'chart-funding');
  assert.equal(after.option.series.length, 5);
  assert.notDeepEqual(after.option.series[1].data, before.option.series[1].data);
  // Within one page, an edit (a project's households, in the editor beside the chart) updates
  // the existing instance rather than creating a new one.
  await page.locator('[data-testid="financing-table"] [data-testid="edit-project"]').first().click();
  const households = page.locator('[data-testid="edit-households"]');
  await households.fill(String(Number(await households.inputValue()) + 100));
  await households.blur();
  await page.waitForFunction(
    (data) => JSON.stringify(window.echarts.getInstanceByDom(document.querySelector('[data-testid="chart-funding"]')).getOption().series[0].data) !== data,
    JSON.stringify(after.option.series[0].data),
  );
  assert.equal((await chartOption(page, 'chart-funding')).id, after.id);
  // Another language remakes the chart in ECharts' locale of it: its own words (the description
  // read to a screen reader) follow the page's.
  await toEnglish(page);
  await page.waitForFunction(() => /^This is a chart about/.test(document.querySelector('[data-testid="chart-funding"]').getAttribute('aria-label')));
  const again = await chartOption(page, 'chart-funding');
  assert.equal(again.option.series[0].name, 'Capital fund');
  assert.equal(again.option.series.length, 5);
  await context.close();
});

test('a chart is set again only when its data changed: a renamed project redraws nothing, a mix change redraws', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-resettlement"]');
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-monetized"]')));
  await page.locator('[data-testid="resettlement-table"] [data-testid="edit-project"]').first().click();
  await page.waitForSelector('[data-testid="mix-cash"]');
  // Count the option changes the app makes on the page's charts from now on.
  await page.evaluate(() => {
    window.__sets = 0;
    for (const el of document.querySelectorAll('.chart')) {
      const chart = window.echarts?.getInstanceByDom(el);
      const set = chart.setOption.bind(chart);
      chart.setOption = (...args) => {
        window.__sets += 1;
        return set(...args);
      };
    }
  });
  await type(page, 'edit-name', '改名不改数');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="resettlement-table"] th')].some((th) => th.textContent.includes('改名不改数')));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__sets), 0, 'a new name changes no chart data');
  const cash = Number(await page.inputValue('[data-testid="mix-cash"]'));
  await type(page, 'mix-cash', cash > 50 ? cash - 10 : cash + 10);
  await page.waitForFunction(() => window.__sets > 0);
  await context.close();
});

test('adding and deleting a project: totals follow, undo brings it back', async () => {
  const { page, context } = await openApp(env);
  const total = async () => num(await page.textContent('[data-testid="total-households"]'));
  const t0 = await total();
  await page.click('[data-testid="add-project"]');
  await page.waitForSelector('[data-testid="project-editor"]');
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 33);
  await type(page, 'edit-name', '新建测试片区');
  await type(page, 'edit-households', 100);
  await type(page, 'edit-area', 9000);
  await page.waitForFunction((t) => document.querySelector('[data-testid="total-households"]').textContent.replace(/,/g, '') == t + 100, t0);
  const inv0 = num(await page.textContent('[data-testid="total-investment"]'));
  const row = page.locator('[data-testid="project-row"]', { hasText: '新建测试片区' });
  assert.ok(num(await row.locator('td.num').nth(2).textContent()) > 0, 'the new project has an investment');
  await row.locator('[data-testid="delete-project"]').click();
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 32);
  assert.equal(await total(), t0);
  assert.ok(num(await page.textContent('[data-testid="total-investment"]')) < inv0);
  // Every step is undoable from the header, and the tooltip says what undo will take back.
  assert.equal(await page.getAttribute('[data-testid="undo"]', 'title'), '撤销：删除项目 新建测试片区');
  await page.click('[data-testid="undo"]');
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 33);
  assert.equal(await total(), t0 + 100);
  await page.click('[data-testid="redo"]');
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 32);
  // Ctrl+Z outside a text field undoes too.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="project-row"]').length === 33);
  assert.equal(await total(), t0 + 100);
  // Duplicate adds a copy with the same households.
  await page.locator('[data-testid="project-row"]', { hasText: 'X县西街' }).locator('[data-testid="duplicate-project"]').click();
  assert.equal(await total(), t0 + 100 + 1066);
  await context.close();
});

test('an invalid value is flagged at its field and kept out of the results', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  await page.waitForSelector('[data-testid="kpi-investment"]');
  const invBefore = await kpi(page, 'kpi-investment');
  await page.click('[data-testid="nav-projects"]');
  const totalBefore = await page.textContent('[data-testid="total-investment"]');
  await editProject(page, '黄沙桥片区');
  await type(page, 'edit-area', -5);
  const field = page.locator('label.field', { has: page.locator('[data-testid="edit-area"]') });
  assert.match(await field.getAttribute('class'), /invalid/);
  assert.match(await field.locator('.error').textContent(), /征收面积 -5 应在 0 至 1000000000 之间/);
  await page.waitForSelector('[data-testid="editor-invalid"]');
  // Shares over 100 %: flagged at the mix, not saved.
  await type(page, 'mix-cash', 95);
  assert.match(await page.textContent('.mix.invalid > .error'), /合计应为 100 %/);
  // Not a number at all.
  await type(page, 'edit-infrastructure', 'abc');
  const infra = page.locator('label.field', { has: page.locator('[data-testid="edit-infrastructure"]') });
  assert.match(await infra.locator('.error').textContent(), /不是有效数字/);
  // Results and the saved plan still hold the last valid values.
  assert.equal(await page.textContent('[data-testid="total-investment"]'), totalBefore);
  await page.waitForTimeout(600);
  const saved = await storedDoc(page);
  assert.equal(saved.plan.projects[0].area_m2, 107800);
  assert.equal(saved.plan.projects[0].resettlement.cash, 0.3);
  await page.click('[data-testid="nav-results"]');
  assert.equal(await kpi(page, 'kpi-investment'), invBefore);
  // The rest of the app keeps working: other tabs render.
  await page.click('[data-testid="nav-resettlement"]');
  await page.waitForSelector('[data-testid="rates-table"]');
  await context.close();
});

test('filters and sorting: totals equal the sum of the visible rows', async () => {
  const { page, context } = await openApp(env);
  await page.selectOption('[data-testid="filter-district"]', 'X县');
  const rows = page.locator('[data-testid="project-row"]');
  assert.equal(await rows.count(), 4);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)));
  // In cents: the rows and the total are shown with two decimals (万元).
  const sum = (i) => cells.reduce((a, c) => a + Math.round(num(c[i]) * 100), 0) / 100;
  assert.equal(num(await page.textContent('[data-testid="total-households"]')), sum(0));
  assert.equal(num(await page.textContent('[data-testid="total-investment"]')), sum(2));
  await page.click('[data-testid="sort-households"]');
  await page.click('[data-testid="sort-households"]');
  assert.match(await rows.first().textContent(), /X县西街/);
  await page.selectOption('[data-testid="filter-district"]', '');
  await page.selectOption('[data-testid="filter-location"]', 'central');
  assert.equal(await rows.count(), 10);
  await context.close();
});

test('per-project overrides are marked and can be reset to the city default', async () => {
  const { page, context } = await openApp(env);
  await editProject(page, 'X县西街');
  const row = page.locator('[data-testid="cost-compensation_price"]');
  assert.match(await row.getAttribute('class'), /overridden/);
  assert.equal(await page.inputValue('[data-testid="override-compensation_price"]'), '3000');
  const before = await page.textContent('[data-testid="total-investment"]');
  await page.click('[data-testid="reset-compensation_price"]');
  assert.doesNotMatch((await row.getAttribute('class')) ?? '', /overridden/);
  assert.equal(await page.inputValue('[data-testid="override-compensation_price"]'), '');
  await page.waitForFunction((b) => document.querySelector('[data-testid="total-investment"]').textContent !== b, before);
  await context.close();
});

test('findings link to what they concern', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  const findings = page.locator('[data-testid="finding"]');
  assert.ok((await findings.count()) > 0);
  const texts = await findings.allTextContents();
  assert.ok(texts.some((t) => /区县合计 货币化安置率 .* < 50 %（省棚改年度考核）/.test(t)), texts.join('\n'));
  // The window's finding (a year's reads "2027年区县合计 …"), in its group, opened as a
  // planner opens it (a group of many findings starts closed).
  const target = findings.filter({ hasText: /(?<!年)区县合计 货币化安置率/ }).first();
  const group = page.locator('[data-testid="finding-group"]').filter({ has: target });
  if (!(await target.isVisible())) await group.locator('summary').click();
  await target.locator('button').click();
  await page.waitForSelector('[data-testid="rates-table"]');
  await context.close();
});

test('方案对比: baseline and the 60 % scenario side by side, with differences and a chart', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-compare"]');
  const table = page.locator('[data-testid="compare-table"]');
  await table.waitFor();
  const headers = await table.locator('thead th').allTextContents();
  assert.ok(headers.includes('基准方案') && headers.includes('货币化60%'), headers.join('|'));
  const monetized = table.locator('[data-testid="compare-row"]', { hasText: '全市货币化安置率' });
  const cells = await monetized.locator('td').allTextContents();
  assert.ok(num(cells[1]) > num(cells[0]), cells.join('|'));
  assert.match(cells[2], /^\+\d+\.\d 个百分点$/);
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-compare"]')));
  const chart = await chartOption(page, 'chart-compare');
  assert.deepEqual(chart.option.series.map((s) => s.name), ['基准方案', '货币化60%']);
  await context.close();
});

test('charts follow the window size', async () => {
  const { page, context } = await openApp(env);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')));
  const width = () => page.evaluate(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')).getWidth());
  const wide = await width();
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((w) => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')).getWidth() < w, wide);
  assert.ok((await width()) < wide);
  await context.close();
});

test('方案对比 with another stored plan: a copy with other mixes joins as a column', async () => {
  const { page, context } = await openApp(env);
  await menuItem(page, 'duplicate-plan');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2);
  await editProject(page, 'X县西街');
  await type(page, 'mix-cash', 60);
  await page.waitForTimeout(600);
  await page.click('[data-testid="nav-compare"]');
  await page.locator('[data-testid="compare-plan"]').first().check();
  const headers = page.locator('[data-testid="compare-table"] thead th');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] thead th').length === 6);
  const names = await headers.allTextContents();
  assert.ok(names.includes('X市2027—2028年棚改项目计划（示例）'), names.join('|'));
  // The copy (open) has the higher county rate than the original (ticked).
  const row = page.locator('[data-testid="compare-row"]', { hasText: '区县货币化安置率' });
  const cells = await row.locator('td').allTextContents();
  assert.ok(num(cells[0]) > num(cells[3]), cells.join('|'));
  await context.close();
});

test('a planner creates and deletes a monetization scenario in 方案对比', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-compare"]');
  await page.locator('[data-testid="compare-table"]').waitFor();
  page.once('dialog', (d) => d.accept('70'));
  await page.click('[data-testid="new-scenario"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="compare-table"] thead th')].some((th) => th.textContent === '货币化70%'));
  const row = page.locator('[data-testid="compare-row"]', { hasText: '全市货币化安置率' });
  const cells = await row.locator('td').allTextContents();
  // Baseline, 60 % (+diff), 70 % (+diff).
  assert.ok(num(cells[3]) >= 70, cells.join('|'));
  const chart = await chartOption(page, 'chart-compare');
  assert.equal(chart.option.series.length, 3);
  // The scenario is part of the plan: it survives a reload.
  await page.waitForTimeout(600);
  await page.reload();
  await page.click('[data-testid="nav-compare"]');
  page.once('dialog', (d) => d.accept());
  await page.locator('[data-testid="delete-scenario"]', { hasText: '货币化70%' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="compare-table"] thead th')].some((th) => th.textContent === '货币化70%'));
  await context.close();
});

test('a mix change is undone with its KPIs, as one step for all its keystrokes', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  await page.waitForSelector('[data-testid="kpi-monetized-rate"]');
  const before = await kpi(page, 'kpi-monetized-rate');
  await page.click('[data-testid="nav-projects"]');
  await editProject(page, '黄沙桥片区');
  const cash = page.locator('[data-testid="mix-cash"]');
  await cash.fill('');
  // Two keystrokes, "6" then "60": one undo step.
  await cash.pressSequentially('60', { delay: 50 });
  await page.locator('[data-testid="mix-cash"]').blur();
  await page.keyboard.press('Escape');
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction((k) => document.querySelector('[data-testid="kpi-monetized-rate"] .kpi-value').textContent !== k, before);
  assert.match(await page.getAttribute('[data-testid="undo"]', 'title'), /^撤销：修改 黄沙桥片区 安置方式比例$/);
  await page.click('[data-testid="undo"]');
  await page.waitForFunction((k) => document.querySelector('[data-testid="kpi-monetized-rate"] .kpi-value').textContent === k, before);
  assert.equal(await page.isDisabled('[data-testid="undo"]'), true, 'one step took it all back');
  await context.close();
});

test('全市参数 read their bounds from the declarations: a rate over 30 % is named and kept out', async () => {
  const { page, context } = await openApp(env, { path: '/#/assumptions' });
  await page.waitForSelector('[data-testid="assumption-loan.rate"]');
  const before = await page.getAttribute('[data-testid="undo"]', 'title');
  await type(page, 'assumption-loan.rate', 50);
  const field = page.locator('label.field', { has: page.locator('[data-testid="assumption-loan.rate"]') });
  assert.match(await field.locator('.error').textContent(), /50 % 应在 0 % 至 30 % 之间/);
  assert.equal(await page.getAttribute('[data-testid="undo"]', 'title'), before, 'nothing reached the plan');
  await type(page, 'assumption-loan.rate', 5);
  await page.waitForFunction(() => document.querySelector('[data-testid="undo"]').title === '撤销：修改全市参数 年利率');
  await context.close();
});
