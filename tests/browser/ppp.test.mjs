// The papers the money needs, as a planner fills them in: a PPP project's equity share and how
// its risk is costed are set in the editor, refused when out of bounds, undone in one step, and
// the 财承 table of the report prints each of the four kinds from the simulation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, setField, useBrowser, menuItem, activeScenarioTab } from './harness.mjs';

const env = useBrowser();

/// The 财承 table's column `k` (1 = 股权投资 … 4 = 配套投入) summed over the years, in 万元.
async function column(page, k) {
  await menuItem(page, 'print-report');
  const cells = await page.locator(`[data-testid="report-affordability-table"] tbody tr td:nth-child(${k + 1})`).allTextContents();
  await page.click('[data-testid="nav-projects"]');
  return cells.reduce((s, c) => s + Number(c.replace(/[,\s]/g, '')), 0);
}

test('a PPP project\'s equity share and risk are entered in the editor and printed in the 财承 table', async () => {
  const { page, log } = await openApp(env);
  // The demo's PPP projects put equity, risk and supporting inputs in: no zero columns.
  for (const k of [1, 2, 3, 4]) {
    assert.ok((await column(page, k)) > 0, `column ${k} has spending`);
  }
  const equityBefore = await column(page, 1);

  await page.locator('[data-testid="project-row"]', { hasText: '火车站南片区' }).locator('[data-testid="edit-project"]').click();
  const ppp = page.locator('[data-testid="ppp-inputs"]');
  await ppp.waitFor();
  assert.equal(await page.locator('[data-testid="ppp-risk-method"] option:checked').textContent(), '比例法');
  assert.equal(await page.inputValue('[data-testid="ppp-equity_share"]'), '10');
  // An equity share over 100 % is refused at its field, and the plan keeps the old one.
  await setField(page, 'ppp-equity_share', '120');
  await page.locator('[data-testid="editor-invalid"]').waitFor();
  assert.match(await ppp.textContent(), /政府出资占项目公司股权比例/);
  await setField(page, 'ppp-equity_share', '20');
  await page.locator('[data-testid="editor-invalid"]').waitFor({ state: 'detached' });
  await page.click('[data-testid="close-editor"]');
  // Twice the share: twice this project's equity, the rest unchanged.
  const equityAfter = await column(page, 1);
  assert.ok(equityAfter > equityBefore + 1, `${equityBefore} → ${equityAfter}`);

  // Scenario analysis: the method's own figures appear, probabilities must add to 100 %.
  await page.locator('[data-testid="project-row"]', { hasText: '火车站南片区' }).locator('[data-testid="edit-project"]').click();
  await page.selectOption('[data-testid="ppp-risk-method"]', { label: '情景分析法' });
  await page.locator('[data-testid="ppp-risk-worst"]').waitFor();
  assert.equal(await page.locator('[data-testid="ppp-risk-construction"]').count(), 0);
  await setField(page, 'ppp-risk-p_base', '50');
  await page.locator('[data-testid="editor-invalid"]').waitFor();
  await setField(page, 'ppp-risk-p_base', '100');
  await page.locator('[data-testid="editor-invalid"]').waitFor({ state: 'detached' });
  await page.click('[data-testid="close-editor"]');

  // Changes to one project's PPP inputs in a row are one step, like typing in a field: one
  // undo brings back the ratio method and the 10 % share.
  await page.click('[data-testid="undo"]');
  assert.equal(Math.round(await column(page, 1)), Math.round(equityBefore));
  await page.locator('[data-testid="project-row"]', { hasText: '火车站南片区' }).locator('[data-testid="edit-project"]').click();
  assert.equal(await page.locator('[data-testid="ppp-risk-method"] option:checked').textContent(), '比例法');
  assert.equal(await page.inputValue('[data-testid="ppp-equity_share"]'), '10');
  assert.deepEqual(log.pageErrors, []);
});

test('a project\'s fund-balance plan opens from its row, adds up as the simulation does, and prints alone', async () => {
  const { page, log } = await openApp(env);
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="open-fund-balance"]').click();
  const sheet = page.locator('[data-testid="fund-balance"]');
  await sheet.waitFor();
  assert.match(await sheet.locator('h1').textContent(), /黄沙桥片区 · 资金平衡方案/);
  // Investment by item with its total; one row per year of money plus the totals row.
  const items = await page.locator('[data-testid="fund-balance-investment"] tbody tr').count();
  // Eight categories (房票兑付 among them) and the total.
  assert.equal(items, 9);
  const head = await page.locator('[data-testid="fund-balance-yearly"] thead tr:last-child th').allTextContents();
  for (const h of ['项目资本金', '土地出让收入', '还本付息合计', '当年结余', '累计结余']) assert.ok(head.includes(h), `${h} in ${head}`);
  const num = (s) => Number(s.replace(/[,\s]/g, ''));
  const total = await page.locator('[data-testid="fund-balance-investment"] tbody tr:last-child td:last-child').textContent();
  const sources = await page.locator(`[data-testid="fund-balance-yearly"] tbody tr:last-child td:nth-child(${head.indexOf('资金来源合计') + 1})`).textContent();
  assert.ok(Math.abs(num(total) - num(sources)) < 0.02, `${total} = ${sources}`);
  assert.match(await page.textContent('[data-testid="fund-balance-coverage"]'), /收益覆盖倍数 .*：\d+\.\d\d（评审要求不低于 1\.20）/);
  assert.match(await page.textContent('[data-testid="fund-balance-compensation"]'), /征收户数.*980/s);
  // Printed, only the sheet is on the page.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.tabs').isVisible(), false);
  assert.equal(await sheet.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  // Every project of 城关区 as one document, one project per printed page.
  const district = await page.locator('[data-testid="project-row"]', { hasText: '城关区' }).count();
  assert.ok(district >= 2, `${district} projects in 城关区`);
  await page.check('[data-testid="fund-balance-district"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="fund-balance-project"]').length === n, district);
  const breaks = await page.evaluate(() => {
    const [, second] = document.querySelectorAll('[data-testid="fund-balance-project"]');
    return second && getComputedStyle(second).breakBefore;
  });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelectorAll('[data-testid="fund-balance-project"]')[1]).breakBefore), 'page', breaks);
  await page.emulateMedia({ media: 'screen' });
  await page.click('[data-testid="close-fund-balance"]');
  await sheet.waitFor({ state: 'detached' });
  assert.deepEqual(log.pageErrors, []);
});

test('income besides land sales is entered in the editor and shows in the fund-balance plan', async () => {
  const { page, log } = await openApp(env);
  const row = page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' });
  await row.locator('[data-testid="edit-project"]').click();
  await page.locator('[data-testid="income-inputs"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="income-rent-amount"]'), '');
  await setField(page, 'income-rent-amount', '3000');
  // The new stream starts like land sales (2 years on, over 3) until told otherwise.
  assert.equal(await page.inputValue('[data-testid="income-rent-start"]'), '2');
  await setField(page, 'income-rent-years', '0');
  await page.locator('[data-testid="editor-invalid"]').waitFor();
  await setField(page, 'income-rent-years', '5');
  await page.locator('[data-testid="editor-invalid"]').waitFor({ state: 'detached' });
  await page.click('[data-testid="close-editor"]');
  await row.locator('[data-testid="open-fund-balance"]').click();
  const head = await page.locator('[data-testid="fund-balance-yearly"] thead tr:last-child th').allTextContents();
  const k = head.indexOf('租金收入');
  assert.ok(k > 0, head.join(','));
  const total = await page.locator(`[data-testid="fund-balance-yearly"] tbody tr:last-child td:nth-child(${k + 1})`).textContent();
  assert.equal(total.trim(), '3,000.00');
  await page.click('[data-testid="close-fund-balance"]');
  // One undo takes the stream away again.
  await page.click('[data-testid="undo"]');
  await row.locator('[data-testid="open-fund-balance"]').click();
  assert.ok(!(await page.locator('[data-testid="fund-balance-yearly"] thead tr:last-child th').allTextContents()).includes('租金收入'));
  assert.deepEqual(log.pageErrors, []);
});

test('a lever sets every PPP project\'s equity share in a scenario; the base keeps its own', async () => {
  const { page } = await openApp(env);
  const base = await column(page, 1);
  await page.click('[data-testid="nav-results"]');
  await page.click('[data-testid="lever-open"]');
  await page.selectOption('[data-testid="lever-scope"]', 'all');
  await page.selectOption('[data-testid="lever-kind"]', 'ppp_input');
  await page.selectOption('[data-testid="lever-ppp-input"]', 'ppp.equity_share');
  await page.fill('[data-testid="lever-value"]', '30');
  await page.click('[data-testid="lever-apply"]');
  assert.match(await activeScenarioTab(page).textContent(), /PPP政府出资占项目公司股权比例=30%/);
  // Two projects from 10 % to 30 % (their equity triples), two from the city's 0 % adding
  // 20 % × 30 % of their 6,880 万元 of PPP investment (tests/scenarios.rs checks the same).
  const scenario = await column(page, 1);
  assert.ok(Math.abs(scenario - (3 * base + 412.8)) < 0.1, `${base} → ${scenario}`);
  await page.locator('[data-testid="scenario-tab"]', { hasText: '基准方案' }).click();
  assert.ok(Math.abs((await column(page, 1)) - base) < 0.01);
});
