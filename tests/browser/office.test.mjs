// What a planner sees on a real office PC (Chinese fonts installed): real glyphs, the targets on
// every page, a calm toolbar with keyboard menus, charts that read right, no negative zero, and
// no accessibility violation on any page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openApp, useBrowser, menuItem, axeViolations } from './harness.mjs';

const env = useBrowser();

const TABS = ['projects', 'resettlement', 'financing', 'results', 'compare', 'assumptions', 'risk', 'team', 'report'];

async function openTab(page, id) {
  await page.click(`[data-testid="nav-${id}"]`);
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="nav-${id}"]`)?.getAttribute('aria-current') === 'page',
    id,
  );
  await page.waitForTimeout(200);
}

const strip = (page, id) => page.textContent(`[data-testid="kpi-strip-${id}"] .strip-value`);

test('the page renders Chinese in a real CJK font, not in boxes of a fallback font', async () => {
  const { page, context } = await openApp(env);
  const glyphs = await page.evaluate(() => {
    const h1 = document.querySelector('.brand h1');
    const style = getComputedStyle(h1);
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 60;
    const ctx = canvas.getContext('2d');
    const draw = (text) => {
      ctx.clearRect(0, 0, 120, 60);
      ctx.font = style.font;
      ctx.fillText(text, 10, 40);
      return Array.from(ctx.getImageData(0, 0, 120, 60).data).join();
    };
    ctx.font = style.font;
    return {
      text: h1.textContent,
      fontSize: parseFloat(style.fontSize),
      width: ctx.measureText(h1.textContent).width,
      // A font without CJK glyphs draws every character as the same box.
      distinct: draw('棚') !== draw('改'),
      boxed: draw('棚') === draw('\uE000'),
    };
  });
  assert.equal(glyphs.text, '棚改规划');
  assert.ok(glyphs.distinct, 'two characters drawn alike: no CJK glyphs (install fonts-noto-cjk)');
  assert.ok(!glyphs.boxed, '棚 is drawn as the missing-glyph box');
  // CJK glyphs are one em wide each; a fallback box is not.
  assert.ok(Math.abs(glyphs.width - 4 * glyphs.fontSize) < 0.1 * glyphs.fontSize, `棚改规划 is ${glyphs.width}px at ${glyphs.fontSize}px`);
  await context.close();
});

test('at most six buttons above the tabs; the plan and file actions are in two menus', async () => {
  const { page, context } = await openApp(env);
  const above = await page.evaluate(() => {
    const tabs = document.querySelector('.tabs').getBoundingClientRect().top;
    return [...document.querySelectorAll('button')]
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom <= tabs;
      })
      .map((b) => b.textContent.trim());
  });
  assert.ok(above.length <= 6, `${above.length} buttons: ${above.join(' | ')}`);
  for (const menu of ['menu-plan', 'menu-file']) {
    const button = page.locator(`[data-testid="${menu}"]`);
    assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
  }
  // Every plan and file action is still found by its test id inside its menu.
  for (const id of ['new-plan', 'rename-plan', 'duplicate-plan', 'delete-plan', 'plan-list']) {
    assert.equal(await page.locator(`[data-menu="menu-plan"] [data-testid="${id}"]`).count(), 1, id);
  }
  for (const id of ['export-plan', 'import-plan', 'import-csv', 'export-projects-csv', 'export-yearly-csv', 'export-xlsx', 'download-template', 'print-report']) {
    assert.equal(await page.locator(`[data-menu="menu-file"] [data-testid="${id}"]`).count(), 1, id);
  }
  await context.close();
});

test('a menu works from the keyboard: Enter opens it, arrows move, Esc closes it', async () => {
  const { page, context } = await openApp(env);
  const button = page.locator('[data-testid="menu-file"]');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'export-plan');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'import-plan-item');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  // Up from the first wraps to the last.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'print-report');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('[data-testid="menu-file"]').getAttribute('aria-expanded') === 'false');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'menu-file');
  assert.equal(await page.locator('[data-testid="export-plan"]').isVisible(), false);
  // Space opens it too, and Enter on an item runs it: 打印报告 opens the report.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'print-report');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/report');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  // A click outside closes an open menu.
  await page.click('[data-testid="menu-plan"]');
  assert.equal(await page.locator('[data-testid="new-plan"]').isVisible(), true);
  await page.mouse.click(5, 600);
  await page.waitForFunction(() => document.querySelector('[data-testid="menu-plan"]').getAttribute('aria-expanded') === 'false');
  await context.close();
});

test('the plan menu lists the plans and opens one', async () => {
  const { page, context } = await openApp(env);
  await menuItem(page, 'new-plan');
  const plans = page.locator('[data-testid="plan-list"] [role=menuitemradio]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2);
  const demo = await page.textContent('[data-testid="plan-name"]');
  assert.doesNotMatch(demo, /X市/);
  await page.click('[data-testid="menu-plan"]');
  assert.equal(await plans.filter({ hasText: /X市/ }).getAttribute('aria-checked'), 'false');
  await plans.filter({ hasText: /X市/ }).click();
  await page.waitForFunction(() => /X市/.test(document.querySelector('[data-testid="plan-name"]').textContent));
  await page.click('[data-testid="menu-plan"]');
  assert.equal(await plans.filter({ hasText: /X市/ }).getAttribute('aria-checked'), 'true');
  await context.close();
});

test('the KPI strip is on every page and follows an edit without a page switch', async () => {
  const { page, context, log } = await openApp(env);
  for (const id of TABS) {
    await openTab(page, id);
    assert.equal(await page.locator('[data-testid="kpi-strip"]').isVisible(), true, id);
    assert.equal(await page.locator('[data-testid="kpi-strip"] .strip-figure').count(), 7, id);
  }
  await openTab(page, 'results');
  const results = {
    overall: await page.textContent('[data-testid="kpi-monetized-rate"] .kpi-value'),
    central: await page.textContent('[data-testid="kpi-monetized-central"] .kpi-value'),
    counties: await page.textContent('[data-testid="kpi-monetized-counties"] .kpi-value'),
  };
  for (const [id, value] of Object.entries(results)) assert.equal(await strip(page, id), value, id);
  // The central city misses its 60 % in the demo: marked as on 测算结果.
  assert.equal(await page.getAttribute('[data-testid="kpi-strip-central"]', 'data-status'), 'miss');
  assert.match(await page.textContent('[data-testid="kpi-strip-central"]'), /目标 60 %/);
  assert.match(await page.textContent('[data-testid="kpi-strip-peak"]'), /亿元.*\d{4}年/);
  assert.ok(Number(await strip(page, 'missed')) > 0);

  await openTab(page, 'projects');
  const before = await strip(page, 'central');
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="edit-project"]').click();
  const cash = page.locator('[data-testid="mix-cash"]');
  await cash.fill('60');
  await cash.blur();
  await page.waitForFunction((b) => document.querySelector('[data-testid="kpi-strip-central"] .strip-value').textContent !== b, before);
  const after = await strip(page, 'central');
  assert.ok(parseFloat(after) > parseFloat(before), `${after} > ${before}`);
  // Still on 项目清单, and the strip says what 测算结果 says.
  assert.equal(await page.evaluate(() => location.hash), '#/projects');
  await page.keyboard.press('Escape');
  await openTab(page, 'results');
  assert.equal(await page.textContent('[data-testid="kpi-monetized-central"] .kpi-value'), after);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a strip figure links to what explains it on 测算结果: its finding or its chart', async () => {
  const { page, context } = await openApp(env);
  await page.setViewportSize({ width: 1280, height: 900 });
  const inView = (testid) =>
    page.evaluate((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.top < innerHeight;
    }, testid);
  await page.click('[data-testid="kpi-strip-peak"]');
  await page.waitForFunction(() => location.hash === '#/results');
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="chart-fiscal"]')?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < innerHeight;
  });
  // Brought into view, it is drawn.
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')));
  await openTab(page, 'financing');
  await page.click('[data-testid="kpi-strip-missed"]');
  await page.waitForFunction(() => location.hash === '#/results');
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="findings"]')?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < innerHeight;
  });
  assert.ok(await inView('findings'));
  await context.close();
});

test('charts show their subject: burden bars alone, debt as stacked areas, PPP room on its own axis, units on hover', async () => {
  const { page, context } = await openApp(env, { path: '/#/results' });
  const option = async (id) => {
    await page.locator(`[data-testid="${id}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => window.echarts?.getInstanceByDom(document.querySelector(`[data-testid="${id}"]`)), id);
    return page.evaluate((id) => {
      const o = echarts.getInstanceByDom(document.querySelector(`[data-testid="${id}"]`)).getOption();
      return JSON.parse(JSON.stringify(o, (k, v) => (typeof v === 'function' ? `fn:${v('7.5' * 1)}` : v)));
    }, id);
  };
  const fiscal = await option('chart-fiscal');
  assert.ok(fiscal.series.every((s) => s.type === 'bar'), 'no line over the burden bars');
  const debt = await option('chart-debt');
  // The debt stacked as areas; the vouchers owed (房票, a liability, not borrowed) a line apart.
  const owed = debt.series.filter((s) => s.name === '未兑付房票');
  assert.equal(owed.length, 1);
  assert.ok(!owed[0].stack && !owed[0].areaStyle, 'vouchers owed are not stacked on the debt');
  assert.ok(debt.series.filter((s) => s.name !== '未兑付房票').every((s) => s.stack === 'debt' && s.areaStyle), 'stacked debt drawn as areas');
  const ppp = await option('chart-ppp');
  assert.equal(ppp.yAxis.length, 2);
  assert.equal(ppp.series.find((s) => s.type === 'line' && s.yAxisIndex === 1)?.name, 'PPP支出上限余量');
  // Hover writes the unit after the value.
  assert.equal(fiscal.series[0].tooltip.valueFormatter, 'fn:7.5 亿元');
  assert.equal(ppp.series[0].tooltip.valueFormatter, 'fn:7.5 %');
  // Charts are images with a name for screen readers.
  for (const id of ['chart-fiscal', 'chart-debt', 'chart-ppp', 'chart-mix']) {
    assert.equal(await page.getAttribute(`[data-testid="${id}"]`, 'role'), 'img');
    assert.ok((await page.getAttribute(`[data-testid="${id}"]`, 'aria-label'))?.length > 0, id);
  }
  await context.close();
});

test('no page shows a negative zero', async () => {
  const { page, context } = await openApp(env);
  const negativeZero = /(?<![\d.])[-−]0(?:\.0+)?(?![.\d])/;
  for (const id of TABS) {
    await openTab(page, id);
    const text = await page.evaluate(() => document.body.innerText);
    const hit = text.match(negativeZero);
    assert.equal(hit, null, `${id}: …${hit ? text.slice(Math.max(0, hit.index - 40), hit.index + 10) : ''}…`);
  }
  await context.close();
});

test('axe-core finds no WCAG 2 A/AA violation on any page, with a menu, the editor, each panel or each paper open', async () => {
  const { page, context } = await openApp(env);
  const found = [];
  for (const id of TABS) {
    await openTab(page, id);
    // Charts drawn (scrolled to): ECharts' aria labels must pass too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    found.push(...(await axeViolations(page)).map((v) => `${id}: ${v}`));
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  await openTab(page, 'projects');
  await page.click('[data-testid="menu-file"]');
  found.push(...(await axeViolations(page)).map((v) => `menu: ${v}`));
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="edit-project"]').first().click();
  await page.waitForSelector('[data-testid="project-editor"]');
  found.push(...(await axeViolations(page)).map((v) => `editor: ${v}`));
  await page.keyboard.press('Escape');
  // Each panel of the scenario bar, open (情景修改清单 needs a scenario shown).
  await page.locator('[data-testid="scenario-tab"]').nth(1).click();
  for (const [button, panel] of [
    ['lever-open', 'lever-panel'],
    ['goal-seek', 'goal-seek-panel'],
    ['optimize', 'optimize-panel'],
    ['scenario-edits-toggle', 'scenario-edits'],
  ]) {
    await page.click(`[data-testid="${button}"]`);
    await page.waitForSelector(`[data-testid="${panel}"]`);
    found.push(...(await axeViolations(page)).map((v) => `${panel}: ${v}`));
    await page.click(`[data-testid="${button}"]`);
  }
  // The papers, open: 资金平衡 and 月度报告.
  await page.locator('[data-testid="open-fund-balance"]').first().click();
  await page.waitForSelector('[data-testid="fund-balance"]');
  found.push(...(await axeViolations(page)).map((v) => `fund-balance: ${v}`));
  await page.keyboard.press('Escape');
  await openTab(page, 'progress');
  await page.click('[data-testid="progress-report"]');
  await page.waitForSelector('[data-testid="monthly-report"]');
  found.push(...(await axeViolations(page)).map((v) => `monthly-report: ${v}`));
  assert.deepEqual(found, []);
  await context.close();
});

test('the editor’s 位于中心城市 checkbox stands beside its label', async () => {
  const { page, context } = await openApp(env);
  await page.locator('[data-testid="edit-project"]').first().click();
  const box = await page.locator('[data-testid="edit-central"]').boundingBox();
  const label = await page.locator('label:has([data-testid="edit-central"]) .label').boundingBox();
  const gap = label.x - (box.x + box.width);
  assert.ok(gap >= 0 && gap <= 12, `${gap}px between the box and its label`);
  await context.close();
});

test('when echarts.js cannot load, each chart says so and the figures still show', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  await context.route('**/echarts.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.origin + '/#/results');
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  await page.waitForSelector('[data-testid="chart-funding"] [data-testid="chart-failed"]');
  assert.match(await page.textContent('[data-testid="chart-funding"]'), /图表组件未能加载/);
  assert.match(await page.textContent('[data-testid="kpi-monetized-rate"]'), /\d+\.\d %/);
  await context.close();
});

test('the first page opened on 测算结果 fetches ECharts for its charts at once', async () => {
  const { page, context, log } = await openApp(env, { path: '/#/results' });
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-funding"]')));
  assert.equal(log.requests.filter((u) => u.endsWith('/echarts.js')).length, 1);
  await context.close();
});

test('a plan file dropped anywhere on the page is imported, as with 导入 JSON', async () => {
  const { page, context, log } = await openApp(env);
  const doc = JSON.parse(readFileSync('tests/fixtures/plan-v3.json', 'utf8'));
  doc.plan.id = 'dropped-plan';
  doc.plan.name = '拖入的方案';
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(doc));
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').textContent === '拖入的方案');
  assert.equal(await page.locator('[data-testid="plan-list"] [role=menuitemradio]').count(), 2);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
