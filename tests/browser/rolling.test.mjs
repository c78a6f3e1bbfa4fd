// Plans that roll, as a planner uses them: the forecast from the demo's March actuals made in
// one click, listed, compared and kept in step with a new figure; a three-year window; rolling
// on to 2028 and one undo putting the document back as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { menuItem, openApp, useBrowser, storedDoc } from './harness.mjs';

const env = useBrowser();

const stored = async (page) => {
  const doc = await storedDoc(page);
  // What the plan is, not who did what when (the log records every step, undo included).
  delete doc.plan.provenance;
  return JSON.stringify(doc.plan);
};
const firstYearStored = (page, year) => waitFor(async () => (await storedDoc(page)).plan.first_year === year);

/// Polls `check` (an async test of stored state) until it holds, for up to 5 s.
async function waitFor(check) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('stored state never held');
}

test('按实际进度预测: one click makes the scenario, compared with the plan, following new actuals', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="forecast"]');
  await page.waitForFunction(() =>
    /按实际进度预测/.test(document.querySelector('[data-testid="scenario-tab"][aria-selected="true"]')?.textContent ?? ''));
  // Its edits are listed: the central-city projects not started by March are three months late.
  await page.click('[data-testid="scenario-edits-toggle"]');
  const edits = await page.locator('[data-testid="scenario-edit-row"]').allTextContents();
  assert.ok(edits.some((e) => /黄沙桥片区：按实际进度预测（截至2027年3月，征收推迟3个月，开工推迟3个月）/.test(e)), edits.join('\n'));
  // 方案对比 sets it beside the plan, its debt too: the late starts move the fiscal burden
  // later (its present value differs), and each planned year has its own row.
  await page.click('[data-testid="nav-compare"]');
  const head = await page.locator('[data-testid="compare-table"] thead').textContent();
  assert.match(head, /基准方案[\s\S]*按实际进度预测/);
  const debt = await page.locator('[data-testid="compare-row"]', { hasText: '债务余额峰值' }).locator('td').allTextContents();
  assert.equal(debt.length, 5);
  const pv = await page.locator('[data-testid="compare-row"]', { hasText: '财政负担现值' }).locator('td').allTextContents();
  assert.notEqual(pv[3], pv[0]);
  assert.equal(await page.locator('[data-testid="compare-row"]', { hasText: '2028年全市货币化安置率' }).count(), 1);
  // A figure for April: the forecast moves on to April in the same step.
  await page.click('[data-testid="nav-progress"]');
  await page.fill('[data-testid="progress-month"]', '2027-04');
  await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
  const signed = page.locator('[data-testid="progress-row"]', { hasText: '东岭县老街片区' }).locator('[data-testid="progress-signed"]');
  await signed.fill('150');
  await signed.press('Enter');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="scenario-edit-row"]')].some((r) => /截至2027年4月/.test(r.textContent)));
  // One undo takes the figure and the refresh back.
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="scenario-edit-row"]')].every((r) => !/截至2027年4月/.test(r.textContent)));
  assert.deepEqual(log.pageErrors, []);
});

test('a three-year window, rolled on to 2028 and back with one undo', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-assumptions"]');
  const window = page.locator('[data-testid="plan-window"]');
  assert.match(await window.locator('option:checked').textContent(), /2年（2027—2028年）/);
  await window.selectOption('3');
  await page.waitForFunction(() => /3年（2027—2029年）/.test(document.querySelector('[data-testid="plan-window"] option:checked').textContent));
  // Each planned year's list assessed on its own: 2027's and 2028's zones.
  await page.click('[data-testid="nav-results"]');
  const targetYears = await page.locator('[data-testid="year-targets"] tbody tr td:first-child').allTextContents();
  assert.deepEqual([...new Set(targetYears)], ['2027', '2028']);
  // A project may now be planned in 2029.
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]').first().locator('[data-testid="edit-project"]').click();
  await page.waitForSelector('[data-testid="project-editor"]');
  const years = await page.locator('[data-testid="edit-year"] option').allTextContents();
  assert.deepEqual(years, ['2027年', '2028年', '2029年']);
  await page.click('[data-testid="close-editor"]');

  await page.click('[data-testid="nav-assumptions"]');
  const before = await stored(page);
  assert.match(await page.textContent('[data-testid="roll-preview"]'), /2027年的0个已竣工项目转入历史，\d+个未竣工项目按截至2027年12月的实际结转；规划期将为2028—2030年/);
  await page.click('[data-testid="roll-forward"]');
  await page.waitForFunction(() => /3年（2028—2030年）/.test(document.querySelector('[data-testid="plan-window"] option:checked').textContent));
  await firstYearStored(page, 2028);
  // A carried project says so in the list and in its history, with its actuals by month.
  await page.click('[data-testid="nav-projects"]');
  assert.equal(await page.locator('[data-testid="project-row"]', { hasText: 'X县西街' }).locator('[data-testid="carried-badge"]').textContent(), '结转');
  assert.equal(await page.locator('[data-testid="project-row"]', { hasText: '2028年' }).first().locator('[data-testid="carried-badge"]').count(), 0);
  await page.locator('[data-testid="project-row"]', { hasText: 'X县西街' }).locator('[data-testid="edit-project"]').click();
  await page.waitForSelector('[data-testid="project-editor"]');
  assert.match(await page.textContent('[data-testid="project-history-carried"]'), /2027年项目结转：截至2027年12月的实际已计入/);
  assert.ok(await page.locator('[data-testid="project-history-months"] tbody tr').count() >= 3);
  await page.click('[data-testid="close-editor"]');
  // The results start with the new window.
  await page.click('[data-testid="nav-results"]');
  assert.match(await page.locator('[data-testid="year-row"] th').first().textContent(), /2028年/);

  await page.click('[data-testid="undo"]');
  await firstYearStored(page, 2027);
  assert.equal(await stored(page), before);
  assert.deepEqual(log.pageErrors, []);
});

test('a plan without actuals says what the forecast needs; a window too short for a project is refused', async () => {
  const { page, log } = await openApp(env);
  // Two years back from three while a project is planned in 2029: refused, the plan unchanged.
  await page.click('[data-testid="nav-assumptions"]');
  await page.locator('[data-testid="plan-window"]').selectOption('3');
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]', { hasText: '2028年' }).first().locator('[data-testid="edit-project"]').click();
  await page.selectOption('[data-testid="edit-year"]', { label: '2029年' });
  await page.click('[data-testid="close-editor"]');
  await page.click('[data-testid="nav-assumptions"]');
  await page.locator('[data-testid="plan-window"]').selectOption('2');
  assert.match(await page.textContent('[data-testid="plan-window-error"]'), /2029/);
  assert.match(await page.locator('[data-testid="plan-window"] option:checked').textContent(), /3年（2027—2029年）/);
  // A new, empty plan has no actuals: the forecast says where they come from.
  await menuItem(page, 'new-plan');
  await page.click('[data-testid="forecast"]');
  assert.match(await page.textContent('[data-testid="notice"]'), /还没有任何项目报送实际进度/);
  assert.equal(await page.locator('[data-testid="scenario-tab"]', { hasText: '按实际进度预测' }).count(), 0);
  assert.deepEqual(log.pageErrors, []);
});
