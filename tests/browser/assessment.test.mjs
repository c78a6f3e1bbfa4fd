// 考核 as the 督查 office reads it: the quarter's scores of every district and leader as
// plan-sim --assess gives them, each explained line by line; a preset chosen as one edit; the
// month's 督办清单 and the 逾期未回迁 register.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

async function simAssess(page, period) {
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const dir = await mkdtemp(join(tmpdir(), 'assess-'));
  const file = join(dir, 'plan.json');
  await writeFile(file, await readFile(await download.path()));
  return JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--assess', period, file], { encoding: 'utf8' }));
}

const GRADES = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

async function rowsOf(page, testid) {
  return page.locator(`[data-testid="${testid}"] [data-testid="assess-row"]`).evaluateAll((rows) => rows.map((r) => ({
    name: r.dataset.name,
    rank: r.cells[0].textContent,
    total: r.querySelector('[data-testid="assess-total"]').textContent,
    grade: r.querySelector('[data-testid="assess-grade"]').textContent,
    lines: r.querySelectorAll('[data-testid="assess-line"]').length,
  })));
}

function expected(list) {
  return list.map((s) => ({
    name: Object.values(s.who)[0],
    rank: String(s.rank),
    total: s.score.total.toFixed(2),
    grade: GRADES[s.score.grade],
    lines: s.score.lines.length + s.score.deductions.length,
  }));
}

test('the quarter\'s scores, the 督办清单 and the register as plan-sim gives them; a preset chosen is one edit', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-assessment"]');
  await page.locator('[data-testid="assessment-page"]').waitFor();
  await page.fill('[data-testid="assess-month"]', '2027-03');
  await page.locator('[data-testid="assess-month"]').dispatchEvent('change');
  assert.equal(await page.inputValue('[data-testid="assess-period"]'), 'quarter');
  assert.equal(await page.textContent('[data-testid="assess-title"]'), '2027年第1季度');
  let sim = await simAssess(page, '2027-Q1');
  assert.deepEqual(await rowsOf(page, 'assess-districts'), expected(sim.assessment.districts));
  assert.deepEqual(await rowsOf(page, 'assess-leaders'), expected(sim.assessment.leaders));
  assert.equal(await page.locator('[data-testid="supervision-row"]').count(), sim.supervision.length);
  assert.ok(sim.supervision.length > 0, 'the demo has projects behind in March');
  assert.equal(await page.locator('[data-testid="overdue-row"]').count(), sim.overdue.length);
  // A line explained: the first district's lines open.
  const first = page.locator('[data-testid="assess-districts"] [data-testid="assess-row"]').first();
  await first.locator('summary').click();
  assert.match(await first.locator('[data-testid="assess-line"]').first().textContent(), /开工率 .*（目标 25.0 %）：/);
  // 陕西 2017: one edit, stored, and the scores follow.
  await page.selectOption('[data-testid="assess-preset"]', 'shaanxi_2017');
  await page.waitForTimeout(700);
  const doc = await storedDoc(page);
  assert.equal(doc.plan.assessment.preset, 'shaanxi_2017');
  sim = await simAssess(page, '2027-Q1');
  assert.deepEqual(await rowsOf(page, 'assess-districts'), expected(sim.assessment.districts));
  // The year: 12 months, as plan-sim --assess 2027.
  await page.selectOption('[data-testid="assess-period"]', 'year');
  assert.equal(await page.textContent('[data-testid="assess-title"]'), '2027年');
  sim = await simAssess(page, '2027');
  assert.deepEqual(await rowsOf(page, 'assess-districts'), expected(sim.assessment.districts));
  await page.keyboard.press('Control+z');
  assert.deepEqual(log.pageErrors, []);
});

test('the scheme edited line by line: a weight changed and a deduction set are edits the scores follow; a weight over 100 is refused by line', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-assessment"]');
  await page.locator('[data-testid="assessment-page"]').waitFor();
  await page.fill('[data-testid="assess-month"]', '2027-03');
  await page.locator('[data-testid="assess-month"]').dispatchEvent('change');
  await page.click('[data-testid="scheme-editor"] summary');
  const first = page.locator('[data-testid="scheme-item"]').first();
  await first.locator('[data-testid="scheme-weight"]').fill('30');
  await page.waitForFunction(() => document.querySelector('[data-testid="assess-preset"]').value === '');
  await page.fill('[data-testid="scheme-deduct-LateReport"]', '2');
  await page.waitForTimeout(700);
  const doc = await storedDoc(page);
  assert.equal(doc.plan.assessment.items[0].weight, 30);
  assert.deepEqual(doc.plan.assessment.deductions.find((d) => d.kind === 'late_report'), { kind: 'late_report', points: 2 });
  const sim = await simAssess(page, '2027-Q1');
  assert.deepEqual(await rowsOf(page, 'assess-districts'), expected(sim.assessment.districts));
  // 120 points for one line: refused, named, not stored.
  await first.locator('[data-testid="scheme-weight"]').fill('120');
  await page.locator('[data-testid="assessment-page"] [role="alert"]').waitFor();
  assert.match(await page.textContent('[data-testid="assessment-page"] [role="alert"]'), /考核办法第 1 项/);
  await page.waitForTimeout(700);
  assert.equal((await storedDoc(page)).plan.assessment.items[0].weight, 30);
  assert.deepEqual(log.pageErrors, []);
});
