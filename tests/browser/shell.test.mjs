// The app's frame as a planner meets it: tabs in the URL (links, reload, back and forward), the
// project editor opening where the planner is looking, and findings grouped by rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, FIRST_ROWS_PROBE } from './harness.mjs';

const env = useBrowser();

const TABS = ['projects', 'resettlement', 'financing', 'results', 'compare', 'assumptions', 'risk', 'team'];

const openTab = (page) => page.getAttribute('nav [aria-current="page"]', 'data-testid');

async function waitForTab(page, id) {
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="nav-${id}"]`)?.getAttribute('aria-current') === 'page',
    id,
  );
}

test('a tab click sets the URL hash, and back and forward switch tabs', async () => {
  const { page, context, log } = await openApp(env);
  // The opening tab is named in place: back from the first click returns to it.
  await page.waitForFunction(() => location.hash === '#/projects');
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction(() => location.hash === '#/results');
  await page.click('[data-testid="nav-compare"]');
  await page.waitForFunction(() => location.hash === '#/compare');
  await page.goBack();
  await waitForTab(page, 'results');
  await page.waitForSelector('[data-testid="findings"]');
  await page.goBack();
  await waitForTab(page, 'projects');
  await page.waitForSelector('[data-testid="project-row"]');
  await page.goForward();
  await waitForTab(page, 'results');
  assert.equal(await page.evaluate(() => location.hash), '#/results');
  // Typing another hash into the address bar switches too.
  await page.evaluate(() => (location.hash = '#/assumptions'));
  await waitForTab(page, 'assumptions');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a URL with a hash opens that tab, also after a reload', async () => {
  for (const id of TABS) {
    const { page, context } = await openApp(env, { path: `/#/${id}` });
    await waitForTab(page, id);
    assert.equal(await openTab(page), `nav-${id}`);
    if (id === 'financing') {
      await page.reload();
      await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
      await waitForTab(page, 'financing');
    }
    await context.close();
  }
  // An unknown hash opens the project list.
  const { page, context } = await openApp(env, { path: '/#/nowhere' });
  await waitForTab(page, 'projects');
  await context.close();
});

for (const [width, height] of [[1280, 900], [1440, 900]]) test(`the editor opens in view beside the list, focused, for the first, a middle and the last row; Esc closes it (${width}×${height})`, async () => {
  const { page, context } = await openApp(env);
  await page.setViewportSize({ width, height });
  const rows = page.locator('[data-testid="project-row"]');
  const n = await rows.count();
  assert.ok(n >= 30);
  const editor = page.locator('[data-testid="project-editor"]');
  for (const i of [0, Math.floor(n / 2), n - 1]) {
    const row = rows.nth(i);
    const name = await row.locator('th').textContent();
    await row.locator('[data-testid="edit-project"]').click();
    await editor.waitFor();
    const box = await editor.boundingBox();
    // Within the window, give or take the half pixel a sticky panel shows at a fractional scroll.
    assert.ok(box.y >= -0.5 && box.y + box.height <= height + 0.5, `row ${i}: editor at y ${box.y}..${box.y + box.height}`);
    assert.ok(box.x >= 0 && box.x + box.width <= width, `row ${i}: editor at x ${box.x}..${box.x + box.width}`);
    assert.equal(await page.inputValue('[data-testid="edit-name"]'), name);
    const focusInside = await page.evaluate(() =>
      document.querySelector('[data-testid="project-editor"]').contains(document.activeElement),
    );
    assert.ok(focusInside, `row ${i}: focus is in the editor`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'edit-name');
    // The edited row stays highlighted and in view, beside the panel rather than under it.
    assert.match(await row.getAttribute('class'), /selected/);
    const cell = await row.locator('th').boundingBox();
    assert.ok(cell.x + cell.width <= box.x, `row ${i}: the row's name is left of the editor`);
    // Brought into view once the panel's layout has settled (the narrower list wraps its rows).
    const id = await row.getAttribute('data-project-id');
    await page
      .waitForFunction(
        ([id, h]) => {
          const r = document.querySelector(`[data-project-id="${id}"] th`)?.getBoundingClientRect();
          return r && r.y >= 0 && r.y + r.height <= h;
        },
        [id, height],
        { timeout: 2000 },
      )
      .catch(() => {});
    const cell2 = await page.locator(`[data-project-id="${id}"] th`).boundingBox();
    assert.ok(cell2.y >= 0 && cell2.y + cell2.height <= height, `row ${i}: the row is in view (y ${cell2.y})`);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    // Focus goes back to where the planner was.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'edit-project');
    assert.doesNotMatch((await row.getAttribute('class')) ?? '', /selected/);
  }
  await context.close();
});

test('the editor stays open with its draft across the mix tabs and closes on the others', async () => {
  const { page, context } = await openApp(env);
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="edit-project"]').click();
  await page.fill('[data-testid="edit-area"]', '-5');
  await page.click('[data-testid="nav-resettlement"]');
  await page.waitForSelector('[data-testid="resettlement-table"]');
  // The invalid draft is still there: same editor, not a fresh one.
  assert.equal(await page.inputValue('[data-testid="edit-area"]'), '-5');
  const row = page.locator('[data-testid="mix-row"]', { hasText: '黄沙桥片区' });
  assert.match(await row.getAttribute('class'), /selected/);
  await page.click('[data-testid="nav-results"]');
  await page.waitForSelector('[data-testid="findings"]');
  assert.equal(await page.locator('[data-testid="project-editor"]').count(), 0);
  await context.close();
});

test('findings are grouped by rule: far fewer lines than findings, binding misses first', async () => {
  const { page, context, log } = await openApp(env, { path: '/#/results' });
  const groups = page.locator('[data-testid="finding-group"]');
  await groups.first().waitFor();
  const nGroups = await groups.count();
  const nFindings = await page.locator('[data-testid="finding"]').count();
  assert.ok(nFindings >= 10 && nGroups * 3 <= nFindings, `${nGroups} group lines for ${nFindings} findings`);
  // The per-project land-cover warnings are one line, with their reach and worst case.
  const land = groups.filter({ hasText: '土地收入不足以覆盖债务本息' });
  assert.equal(await land.count(), 1);
  const nLand = await land.locator('[data-testid="finding"]').count();
  assert.ok(nLand > 5, `${nLand} land-cover warnings`);
  assert.match(await land.locator('summary').textContent(), new RegExp(`预警.*\\(${nLand}\\).*${nLand}个项目；最不利：.*土地收入/债务本息覆盖倍数`));
  // Binding misses first, and open; warnings closed until asked for.
  const miss = await groups.evaluateAll((gs) => gs.map((g) => g.classList.contains('miss')));
  assert.ok(miss[0], 'the first line is a binding miss');
  assert.deepEqual(miss, [...miss].sort((a, b) => b - a));
  const item = land.locator('[data-testid="finding"]').first();
  assert.equal(await item.isVisible(), false);
  await land.locator('summary').click();
  assert.equal(await item.isVisible(), true);
  // An individual finding still links to what it concerns.
  await item.locator('button').click();
  await page.waitForSelector('[data-testid="project-editor"]');
  assert.equal(await page.evaluate(() => location.hash), '#/projects');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("ECharts is the app's own build from dist/, fetched only after the first rows, and every chart describes itself to screen readers", async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const log = { requests: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  await page.addInitScript(FIRST_ROWS_PROBE);
  await page.goto(env.origin + '/');
  // The page is idle after its rows: ECharts comes then, never ahead of them.
  await page.waitForFunction(() => window.echarts);
  const timing = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/echarts.js'));
    return { rows: window.__firstRows.ms, fetched: e?.startTime };
  });
  assert.ok(timing.fetched > timing.rows, `echarts.js asked for at ${timing.fetched} ms, first rows at ${timing.rows} ms`);
  assert.ok(!log.requests.some((u) => u.includes('echarts.min.js')));
  await page.click('[data-testid="nav-results"]');
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')));
  const aria = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="chart-fiscal"]');
    return { option: window.echarts?.getInstanceByDom(el).getOption().aria, label: el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? el.getAttribute('aria-label') };
  });
  assert.equal(aria.option[0]?.enabled ?? aria.option.enabled, true);
  assert.match(aria.label, /财政负担/);
  // Only the app's own origin is ever asked for anything.
  assert.ok(log.requests.every((u) => u.startsWith(env.origin) || u.startsWith('data:')), log.requests.join('\n'));
  await context.close();
});
