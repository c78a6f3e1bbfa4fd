// 前期手续 as the office follows it on 7 December 2026: the speech's deadlines, the board of
// every project's steps with its filters, what holds each project's money back, the loan
// pipeline; a date typed in the editor reaching the board (a future actual refused by name);
// a scenario whose money waits for its gates, one step to make and one to undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, storedDoc, scenarioTabs, activeScenarioTab } from './harness.mjs';

const env = useBrowser();
const NOW = '2026-12-07T10:00:00';

const rows = (page) => page.locator('[data-testid="readiness-row"]');
const cell = (page, name, milestone) =>
  rows(page).filter({ hasText: name }).locator(`td[data-milestone="${milestone}"]`);

test('the board on 7 December 2026: deadlines, statuses, filters, blockers and the pipeline', async () => {
  const { page, log } = await openApp(env, { now: NOW });
  await page.click('[data-testid="nav-readiness"]');
  await page.locator('[data-testid="readiness-board"]').waitFor();
  assert.equal(await rows(page).count(), 32);
  // The speech's three deadlines; the risk assessments' has passed with some projects late.
  const deadlines = await page.locator('[data-testid="deadline"]').allTextContents();
  assert.equal(deadlines.length, 3);
  assert.match(deadlines[0], /项目社会稳定风险评估完成 2026年10月31日（已过 37 天）：\d+\/\d+ 个项目按时完成/);
  // X县西街 is through every step; 黄沙桥片区's risk assessment is late, its bond papers pending.
  assert.equal(await cell(page, 'X县西街', 'loan_first_draw').getAttribute('class'), 'ms-done');
  assert.match(await cell(page, 'X县西街', 'loan_contract').textContent(), /✓10-28/);
  assert.equal(await cell(page, '黄沙桥片区', 'risk_assessment').getAttribute('class'), 'ms-late');
  assert.equal(await cell(page, '黄沙桥片区', 'eia').getAttribute('class'), 'ms-due');
  assert.equal(await cell(page, 'X县西街', 'bond_issue').textContent(), '—');
  // The title names the papers.
  assert.match(await cell(page, 'X县西街', 'eia').getAttribute('title'), /X县环批〔2026〕14号/);
  // Filters: 城关区 alone, then the counties with a special bond.
  await page.selectOption('[data-testid="readiness-district"]', '城关区');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="readiness-row"]').length === 5);
  await page.selectOption('[data-testid="readiness-district"]', '');
  await page.selectOption('[data-testid="readiness-zone"]', 'counties');
  await page.selectOption('[data-testid="readiness-source"]', 'special_bond');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="readiness-row"]').length === 1);
  assert.match(await rows(page).first().textContent(), /东岭县河坝城中村/);
  // What holds its money back: the bond's coverage under 1.2 (1.10: 1.09 before its
  // self-purchase households took 房票, cheaper than cash with the incentive).
  const blocking = await page.locator('[data-testid="blocking"]').allTextContents();
  assert.ok(blocking.some((b) => /东岭县河坝城中村 — 棚改专项债：计划2027年1月起使用.*收益覆盖倍数 1\.10 < 1\.20.*资金无法到位/.test(b)), blocking.join('\n'));
  // The pipeline: every project with a loan, X县西街's loan drawn.
  const total = await page.locator('[data-testid="loan-pipeline"] tfoot td').first().textContent();
  assert.equal(total.trim(), '32');
  const drawn = await page.locator('[data-testid="pipeline-step"][data-step="loan_first_draw"] td').first().textContent();
  assert.equal(drawn.trim(), '1');
  assert.deepEqual(log.pageErrors, []);
});

test('a date typed in the editor reaches the board; a future actual is refused by name', async () => {
  const { page, log } = await openApp(env, { now: NOW });
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="edit-project"]').click();
  const editor = page.locator('[data-testid="project-editor"]');
  await editor.locator('[data-testid="milestone-inputs"]').scrollIntoViewIfNeeded();
  // Done tomorrow: refused, named, not kept.
  await editor.locator('[data-testid="ms-risk_assessment-actual"]').fill('2026-12-08');
  await editor.locator('[data-testid="ms-risk_assessment-actual"]').dispatchEvent('change');
  await editor.locator('.row-error', { hasText: '实际日期 2026-12-08 晚于今天' }).waitFor();
  let doc = await storedDoc(page);
  assert.equal(doc.plan.projects[0].readiness.milestones.risk_assessment.actual, undefined);
  // Done on 20 November with its paper: kept, and the board shows it done.
  await editor.locator('[data-testid="ms-risk_assessment-actual"]').fill('2026-11-20');
  await editor.locator('[data-testid="ms-risk_assessment-actual"]').dispatchEvent('change');
  await editor.locator('[data-testid="ms-risk_assessment-number"]').fill('城关区稳评〔2026〕9号');
  await editor.locator('[data-testid="ms-risk_assessment-number"]').dispatchEvent('change');
  await page.waitForFunction(async () => true);
  for (let i = 0; i < 50; i++) {
    doc = await storedDoc(page);
    if (doc.plan.projects[0].readiness.milestones.risk_assessment.number) break;
    await page.waitForTimeout(100);
  }
  const rec = doc.plan.projects[0].readiness.milestones.risk_assessment;
  assert.deepEqual([rec.actual, rec.number], ['2026-11-20', '城关区稳评〔2026〕9号']);
  // A number of no known form: named with the form it should have.
  await editor.locator('[data-testid="ms-eia-number"]').fill('环评已批');
  await editor.locator('[data-testid="ms-eia-number"]').dispatchEvent('change');
  await editor.locator('.row-error', { hasText: '「环评已批」格式不对' }).waitFor();
  await page.keyboard.press('Escape');
  await page.click('[data-testid="nav-readiness"]');
  assert.equal(await cell(page, '黄沙桥片区', 'risk_assessment').getAttribute('class'), 'ms-done');
  assert.deepEqual(log.pageErrors, []);
});

test('money waiting for its gates: a new scenario in one step, its figures later, one undo', async () => {
  const { page, log } = await openApp(env, { now: NOW });
  const tabs = await scenarioTabs(page).count();
  await page.click('[data-testid="nav-readiness"]');
  await page.selectOption('[data-testid="gated-choice"]', 'planned');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="scenario-tab"]').length === n + 1, tabs);
  assert.match(await activeScenarioTab(page).textContent(), /资金等前期手续（按计划日期）/);
  // Stored as the scenario's choice (the write lands after the step).
  let gated;
  for (let i = 0; i < 50 && gated !== 'planned'; i++) {
    gated = (await storedDoc(page)).plan.scenarios.at(-1).gated;
    if (gated !== 'planned') await page.waitForTimeout(100);
  }
  assert.equal(gated, 'planned');
  // A loan contract's day typed in the editor while the money waits: taken into the base once,
  // the page answering (the gated schedule is not written back as the project's own).
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="edit-project"]').click();
  const contract = page.locator('[data-testid="ms-loan_contract-planned"]');
  await contract.scrollIntoViewIfNeeded();
  await contract.fill('2027-06-30');
  await contract.dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('[data-testid="ms-loan_contract-planned"]').value === '2027-06-30');
  let contractDay;
  for (let i = 0; i < 50 && contractDay !== '2027-06-30'; i++) {
    contractDay = (await storedDoc(page)).plan.projects[0].readiness.milestones.loan_contract.planned;
    if (contractDay !== '2027-06-30') await page.waitForTimeout(100);
  }
  assert.equal(contractDay, '2027-06-30');
  const scenario = (await storedDoc(page)).plan.scenarios.at(-1);
  assert.deepEqual(scenario.edits, [], 'nothing written into the gated scenario');
  await page.keyboard.press('Escape');
  // 方案对比: the gated scenario's 2027 investment is below the baseline's.
  await page.click('[data-testid="nav-compare"]');
  const row = await page.locator('[data-testid="compare-row"]', { hasText: '财政负担现值' }).locator('td').allTextContents();
  assert.notEqual(row.at(-1), row[0]);
  await page.click('[data-testid="undo"]');
  await page.click('[data-testid="undo"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="scenario-tab"]').length === n, tabs);
  assert.deepEqual(log.pageErrors, []);
});

test('the gates and deadlines are the plan\'s to set: a preset, a step untied, a deadline added, an empty one refused', async () => {
  const { page, log } = await openApp(env, { now: NOW });
  await page.click('[data-testid="nav-readiness"]');
  await page.locator('[data-testid="readiness-rules"] summary').click();
  // 陕西 2016: loans only where the monetized rate reaches 50 %.
  await page.selectOption('[data-testid="gate-preset"]', 'shaanxi2016');
  await page.waitForFunction(() => document.querySelector('[data-testid="gate-monetized-policy_loan"]')?.value === '50');
  await page.waitForTimeout(700);
  let doc = await storedDoc(page);
  assert.equal(doc.plan.gates.preset, 'shaanxi2016');
  // The loan no longer waiting for its contract: the plan's own rules.
  await page.locator('[data-testid="gate-policy_loan-loan_contract"]').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid="gate-preset"]').value === 'custom');
  await page.waitForTimeout(700);
  doc = await storedDoc(page);
  const loan = doc.plan.gates.gates.find((g) => g.instrument === 'policy_loan');
  assert.ok(!loan.requires.includes('loan_contract'), JSON.stringify(loan));
  // A coverage above 10 is refused, named, and the stored gates stay.
  await page.fill('[data-testid="gate-coverage-special_bond"]', '12');
  await page.locator('[data-testid="gate-coverage-special_bond"]').blur();
  await page.locator('[data-testid="gate-error"]').waitFor();
  assert.match(await page.textContent('[data-testid="gate-error"]'), /棚改专项债/);
  // A deadline added, then its label emptied: refused, the three and the new one kept.
  await page.click('[data-testid="deadline-add"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deadline-row"]').length === 4);
  const label = page.locator('[data-testid="deadline-label"]').nth(3);
  await label.fill('2027年度项目开工');
  await label.dispatchEvent('change');
  await page.locator('[data-testid="deadline-day"]').nth(3).fill('2027-11-30');
  await page.locator('[data-testid="deadline-day"]').nth(3).dispatchEvent('change');
  await page.selectOption('[data-testid="deadline-milestone"] >> nth=3', 'construction_permit');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deadline"]').length === 4);
  await label.fill('');
  await label.dispatchEvent('change');
  await page.locator('[data-testid="deadline-error"]').waitFor();
  await page.waitForTimeout(700);
  doc = await storedDoc(page);
  assert.deepEqual(doc.plan.deadlines[3], { label: '2027年度项目开工', milestone: 'construction_permit', day: '2027-11-30' });
  // Removed again.
  await page.locator('[data-testid="deadline-remove"]').nth(3).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deadline-row"]').length === 3);
  assert.deepEqual(log.pageErrors, []);
});
