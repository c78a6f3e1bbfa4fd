// 求最优方案 as a planner uses it: the settings first, then 开始求解 gives an active scenario that
// misses no target in any year (run again, it replaces that scenario), with its explanation and the same objective as plan-sim --optimize; limits that cannot all hold
// are named with what must give, and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, setField, scenarioTabs, activeScenarioTab, useBrowser, menuItem, storedItem, currentKey } from './harness.mjs';

const env = useBrowser();

const tabs = scenarioTabs;
const activeTab = activeScenarioTab;

test('optimize makes an active scenario that misses no target, explains it, and agrees with plan-sim', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  const before = await tabs(page).count();
  // The click opens the settings; nothing runs until 开始求解.
  await page.click('[data-testid="optimize"]');
  await page.locator('[data-testid="optimize-panel"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await tabs(page).count(), before, 'nothing ran on opening');
  assert.equal(await page.locator('[data-testid="optimize-result"]').count(), 0);
  assert.equal(await page.locator('[data-testid="optimize-replaces"]').count(), 0);
  await page.click('[data-testid="optimize-run"]');
  const result = page.locator('[data-testid="optimize-result"]');
  await result.waitFor({ timeout: 20000 });
  assert.equal(await result.getAttribute('data-feasible'), 'true');
  const headline = await result.locator('strong').first().textContent();
  console.log(`# ${headline}`);
  assert.equal(await tabs(page).count(), before + 1);
  assert.match(await activeTab(page).textContent(), /最优方案/);
  // One truth: every planned year meets its targets — the 分年度 table has no 未达标 and the
  // strip counts no miss; no bond falls below the appraisal's coverage.
  const yearRows = await page.locator('[data-testid="year-targets"] tbody tr').allTextContents();
  assert.ok(yearRows.length >= 4, yearRows.join('\n'));
  assert.equal(yearRows.filter((r) => r.includes('未达标')).length, 0, yearRows.join('\n'));
  assert.equal((await page.textContent('[data-testid="kpi-strip-missed"] .strip-value')).trim(), '0');
  assert.equal(await page.locator('[data-testid="finding-group"]', { hasText: /专项债覆盖倍数低于评审门槛|专项债项目评审/ }).count(), 0);
  // Solving again with the same settings replaces the answer: no second scenario of its name.
  assert.match(await page.textContent('[data-testid="optimize-replaces"]'), /将替换已有情景「最优方案/);
  await page.click('[data-testid="optimize-run"]');
  await page.waitForFunction(() => !document.querySelector('[data-testid="optimize-progress"]'));
  await result.waitFor({ timeout: 20000 });
  await page.waitForTimeout(300);
  assert.equal(await tabs(page).count(), before + 1, 'replaced, not added');
  const names = await tabs(page).allTextContents();
  assert.equal(names.filter((n) => /最优方案/.test(n)).length, 1, names.join(' | '));
  // Every target met, no binding rule missed in the new scenario.
  for (const id of ['kpi-monetized-rate', 'kpi-monetized-central', 'kpi-monetized-counties']) {
    assert.equal(await page.locator(`[data-testid="${id}"] .kpi-status`).getAttribute('data-status'), 'pass', id);
  }
  assert.equal(await page.locator('[data-testid="finding-group"].miss').count(), 0);
  // What binds, with its price in words, and the changes per project.
  const binding = await page.locator('[data-testid="optimize-binding"] li').allTextContents();
  assert.ok(binding.some((b) => /每提高 1 个百分点的.*货币化率，财政负担现值增加/.test(b)), binding.join('\n'));
  assert.ok((await page.locator('.optimize-changes li').count()) > 0);

  // plan-sim --optimize on the exported base: the same objective after.
  await page.locator('[data-testid="scenario-tab"][data-scenario-id=""]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const dir = await mkdtemp(join(tmpdir(), 'opt-'));
  const file = join(dir, 'plan.json');
  await writeFile(file, await readFile(await download.path()));
  // The export holds the optimum too: plan-sim optimizes the base as the page did.
  const out = execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--optimize', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const doc = JSON.parse(out);
  const last = doc.plan.scenarios[doc.plan.scenarios.length - 1];
  assert.match(last.name, /最优方案/);
  const after = headline.match(/降至 ([\d,.]+) 万元/)[1];
  assert.ok(last.note.includes(after), `${after} in ${last.note}`);
  assert.deepEqual(log.pageErrors, []);
});

test('limits that cannot all hold are named with what must give; the plan does not change', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-results"]');
  const before = await tabs(page).count();
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  await page.locator('[data-testid="optimize-result"]').waitFor({ timeout: 20000 });
  await page.click('[data-testid="undo"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="scenario-tab"]').length === n, before);
  // A share over 100 % is refused by name and not kept.
  await setField(page, 'optimize-max-cash', 150);
  assert.match(await page.textContent('[data-testid="optimize-error"]'), /货币补偿比例上限/);
  // Everyone insists on a new flat: no monetized target can be met.
  await setField(page, 'optimize-min-in-kind', 100);
  await page.waitForSelector('[data-testid="optimize-error"]', { state: 'detached' });
  await page.click('[data-testid="optimize-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="optimize-result"]')?.dataset.feasible === 'false');
  const binding = await page.locator('[data-testid="optimize-binding"] li').allTextContents();
  assert.ok(binding.some((b) => /货币化安置目标无法满足：至少需放宽/.test(b)), binding.join('\n'));
  assert.equal(await tabs(page).count(), before, 'no scenario added');
  // The settings are the plan's: saved with it, so a colleague's copy optimizes alike.
  await page.waitForTimeout(700);
  const key = await currentKey(page);
  const stored = JSON.parse(await storedItem(page, key)).plan;
  assert.equal(stored.optimize.min_in_kind, 1);
  assert.equal(stored.optimize.max_cash, 0.7);

  // Per-district housing stock and a project's own floor, kept in the plan too.
  await page.click('[data-testid="optimize-keyed"]');
  await setField(page, 'optimize-stock-城关区', 500);
  await setField(page, 'optimize-floor-p01', 30);
  await page.waitForTimeout(700);
  const kept = JSON.parse(await storedItem(page, key)).plan.optimize;
  assert.deepEqual(kept.housing_stock, [['城关区', 500]]);
  assert.deepEqual(kept.in_kind_floor, [['p01', 0.3]]);
  assert.deepEqual(log.pageErrors, []);
});

test('on a county office’s four projects the page’s optimum is plan-sim’s', async () => {
  const { page, log } = await openApp(env);
  // 西城门片区 and three county projects of the v3 fixture, their optimizer settings kept.
  const doc = JSON.parse(await readFile('tests/fixtures/plan-v3.json', 'utf8'));
  const keep = ['p08', 'p12', 'p19', 'p27'];
  doc.plan.id = 'county-cut';
  doc.plan.name = '四个项目';
  doc.plan.projects = doc.plan.projects.filter((p) => keep.includes(p.id));
  doc.plan.optimize.in_kind_floor = doc.plan.optimize.in_kind_floor.filter(([id]) => keep.includes(id));
  doc.plan.scenarios = [];
  const dir = await mkdtemp(join(tmpdir(), 'cut-'));
  const file = join(dir, 'cut.json');
  await writeFile(file, JSON.stringify(doc));
  await page.setInputFiles('[data-testid="import-plan"]', file);
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').textContent === '四个项目');
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  const result = page.locator('[data-testid="optimize-result"]');
  await result.waitFor({ timeout: 20000 });
  // Answered: a plan whose limits can all hold is never refused, whatever its size.
  assert.equal(await result.getAttribute('data-feasible'), 'true');
  const headline = await result.locator('strong').first().textContent();
  const out = execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--optimize', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const last = JSON.parse(out).plan.scenarios.at(-1);
  const after = headline.match(/降至 ([\d,.]+) 万元/)[1];
  assert.ok(last.note.includes(after), `${after} in ${last.note}`);
  assert.deepEqual(log.pageErrors, []);
});
