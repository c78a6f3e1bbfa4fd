// Scenario studio as a planner uses it: the scenario bar on every page, a lever that makes a
// scenario (never changing the base), edits that go into the active scenario, goal seek, undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, scenarioTabs, activeScenarioTab, useBrowser } from './harness.mjs';

const env = useBrowser();

const tabs = scenarioTabs;
const activeTab = activeScenarioTab;

async function applyLever(page, scope, kind, value) {
  if (!(await page.locator('[data-testid="lever-panel"]').isVisible())) {
    await page.click('[data-testid="lever-open"]');
  }
  await page.selectOption('[data-testid="lever-scope"]', scope);
  await page.selectOption('[data-testid="lever-kind"]', kind);
  if (value !== undefined) await page.fill('[data-testid="lever-value"]', String(value));
  await page.click('[data-testid="lever-apply"]');
}

async function compareCell(page, rowLabel, column) {
  const table = page.locator('[data-testid="compare-table"]');
  await table.waitFor();
  const heads = await table.locator('thead th').allTextContents();
  const col = heads.indexOf(column);
  assert.ok(col > 0, `${column} in ${heads}`);
  const row = table.locator('[data-testid="compare-row"]', { hasText: rowLabel }).first();
  return row.locator('th, td').nth(col).textContent();
}

test('the scenario bar is on every page, the base selected', async () => {
  const { page } = await openApp(env);
  for (const tab of ['projects', 'resettlement', 'financing', 'results', 'compare', 'assumptions']) {
    await page.click(`[data-testid="nav-${tab}"]`);
    await page.locator('[data-testid="scenario-bar"]').waitFor();
    assert.equal(await activeTab(page).textContent(), '基准方案', tab);
  }
  // The demo's scenario is a tab too.
  assert.deepEqual(await tabs(page).allTextContents(), ['基准方案', '货币化60%']);
});

test('a lever on the base makes a scenario: counties at 57 % in 方案对比, the base unchanged, undo takes it away', async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  const baseCounties = await page.textContent('[data-testid="kpi-monetized-counties"] .kpi-value');
  await applyLever(page, 'counties', 'monetized_min', 57);
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-tab"][aria-selected="true"]')?.textContent === '区县货币化≥57%');
  await page.locator('[data-testid="scenario-label"]').waitFor();
  // Every page shows the scenario: the counties' KPI is the scenario's.
  const shown = await page.textContent('[data-testid="kpi-monetized-counties"] .kpi-value');
  assert.ok(Number.parseFloat(shown) >= 57 && Number.parseFloat(shown) < 57.5, shown);

  await page.click('[data-testid="nav-compare"]');
  const cell = await compareCell(page, '区县货币化安置率', '区县货币化≥57%');
  assert.ok(Number.parseFloat(cell) >= 57 && Number.parseFloat(cell) < 57.5, cell);
  assert.equal(await compareCell(page, '区县货币化安置率', '基准方案'), baseCounties);

  // The base is untouched.
  await page.locator('[data-testid="scenario-tab"]', { hasText: '基准方案' }).click();
  await page.click('[data-testid="nav-results"]');
  assert.equal(await page.textContent('[data-testid="kpi-monetized-counties"] .kpi-value'), baseCounties);

  // One undo takes the whole lever (its scenario) away.
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 2);
});

test('edits made in a scenario go into it: the base keeps its value, the cell shows the base on hover', async () => {
  const { page } = await openApp(env);
  await page.locator('[data-testid="scenario-tab"]', { hasText: '货币化60%' }).click();
  const row = page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' });
  await row.locator('[data-testid="edit-project"]').click();
  await page.locator('[data-testid="project-editor"]').waitFor();
  const households = page.locator('[data-testid="edit-households"]');
  const before = await households.inputValue();
  await households.fill('1234');
  await households.blur();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="project-row"]')].some((r) => r.textContent.includes('黄沙桥片区') && r.textContent.includes('1,234')));
  const marked = row.locator('td.differs', { hasText: '1,234' });
  assert.match(await marked.getAttribute('title'), new RegExp(`基准方案：${Number(before).toLocaleString('en-US')}`));

  // The scenario lists the edit; the base still has the old value.
  await page.click('[data-testid="scenario-edits-toggle"]');
  const edits = page.locator('[data-testid="scenario-edit-row"]');
  assert.equal(await edits.count(), 2);
  assert.match(await edits.nth(1).textContent(), /黄沙桥片区.*征收户数/);
  await page.locator('[data-testid="scenario-tab"]', { hasText: '基准方案' }).click();
  await page.waitForFunction((b) => [...document.querySelectorAll('[data-testid="project-row"]')].some((r) => r.textContent.includes('黄沙桥片区') && r.textContent.includes(Number(b).toLocaleString('en-US'))), before);

  // Removing the edit from the list puts the scenario back.
  await page.locator('[data-testid="scenario-tab"]', { hasText: '货币化60%' }).click();
  if (!(await page.locator('[data-testid="scenario-edits"]').isVisible())) await page.click('[data-testid="scenario-edits-toggle"]');
  await page.locator('[data-testid="scenario-edit-remove"]').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-edit-row"]').length === 1);
});

test('a lever value outside its bounds is refused at the control with the bound', async () => {
  const { page } = await openApp(env);
  await applyLever(page, 'counties', 'monetized_min', 120);
  const error = await page.textContent('[data-testid="lever-error"]');
  assert.match(error, /120%.*0%.*100%/);
  assert.equal(await tabs(page).count(), 2);
});

test('goal seek makes an active scenario in which no monetized KPI misses; undo removes it', async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  await page.click('[data-testid="goal-seek"]');
  await page.locator('[data-testid="goal-answer"]').waitFor();
  await page.click('[data-testid="goal-seek-apply"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 3);
  assert.equal(await activeTab(page).getAttribute('data-scenario-id'), 's1');
  for (const id of ['kpi-monetized-rate', 'kpi-monetized-central', 'kpi-monetized-counties']) {
    const status = page.locator(`[data-testid="${id}"] .kpi-status`);
    assert.equal(await status.getAttribute('data-status'), 'pass', id);
  }
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 2);
  assert.equal(await activeTab(page).textContent(), '基准方案');
});

test('copy, reorder, rename and delete a scenario; undo brings it back', async () => {
  const { page } = await openApp(env);
  await page.locator('[data-testid="scenario-tab"]', { hasText: '货币化60%' }).click();
  await page.click('[data-testid="scenario-copy"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 3);
  assert.equal(await activeTab(page).textContent(), '货币化60%（副本）');
  // The copy carries the scenario's edits.
  await page.click('[data-testid="scenario-edits-toggle"]');
  assert.equal(await page.locator('[data-testid="scenario-edit-row"]').count(), 1);

  await page.click('[data-testid="scenario-left"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]')[1].textContent === '货币化60%（副本）');

  page.once('dialog', (d) => d.accept('加快收储'));
  await page.click('[data-testid="scenario-rename"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-tab"][aria-selected="true"]').textContent === '加快收储');

  await page.click('[data-testid="scenario-delete"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-tab"]').length === 2);
  assert.equal(await activeTab(page).textContent(), '基准方案');
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="scenario-tab"]')].map((t) => t.textContent).join('|') === '基准方案|加快收储|货币化60%');
});
