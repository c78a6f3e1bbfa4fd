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

/// Each sheet of a workbook as plan-sim --sheets reads it: { name: rows }.
function sheetsOf(file) {
  const out = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', '--sheets', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.map((s) => [s.name, s.rows]));
}

/// Name → total of a sheet's rows below its header (the row that starts with 名次).
function sheetTotals(rows) {
  const at = rows.findIndex((r) => r[0] === '名次');
  const col = rows[at].indexOf('得分');
  return Object.fromEntries(rows.slice(at + 1).map((r) => [r[1], r[col].toFixed(2)]));
}

test('the 季度点评 paper and its workbook show the page\'s scores; the lists follow a leader chosen', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-assessment"]');
  await page.locator('[data-testid="assessment-page"]').waitFor();
  await page.fill('[data-testid="assess-month"]', '2027-03');
  await page.locator('[data-testid="assess-month"]').dispatchEvent('change');
  const screen = {};
  for (const testid of ['assess-districts', 'assess-leaders']) {
    for (const r of await rowsOf(page, testid)) screen[r.name] = r.total;
  }
  assert.ok(Object.keys(screen).includes('市级领导甲'), 'the demo names its city leaders');
  // The leader's post under the name.
  assert.match(await page.locator('[data-testid="assess-leaders"] [data-name="市级领导甲"]').textContent(), /市政府常务副市长/);
  // One leader's projects: the 督办清单 keeps only theirs, with the unit and the duty holders.
  const all = await page.locator('[data-testid="supervision-row"]').count();
  await page.selectOption('[data-testid="assess-lead"]', '市级领导甲');
  const mine = page.locator('[data-testid="supervision-row"]');
  assert.ok((await mine.count()) > 0 && (await mine.count()) < all);
  for (const row of await mine.allTextContents()) assert.match(row, /黄沙桥片区城关区市级领导甲城关区人民政府/);
  // The paper: the quarter's review, the page's scores, the same list.
  await page.click('[data-testid="assess-paper"]');
  const paper = page.locator('[data-testid="assessment-paper"]');
  await paper.waitFor();
  assert.equal(await page.textContent('[data-testid="assess-paper-title"]'), 'X市2027—2028年棚改项目计划（示例） · 2027年第1季度棚改工作季度点评');
  const printed = {};
  for (const testid of ['assess-paper-districts', 'assess-paper-leaders']) {
    const t = await paper.locator(`[data-testid="${testid}"]`).evaluate((table) => {
      const heads = [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent);
      const col = heads.indexOf('得分');
      return [...table.querySelectorAll('tbody tr')].map((tr) => [tr.cells[1].textContent, tr.cells[col].textContent]);
    });
    for (const [name, total] of t) printed[name] = total;
  }
  assert.deepEqual(printed, screen);
  assert.equal(await paper.locator('[data-testid="assess-paper-supervision"] tbody tr').count(), await mine.count());
  assert.match(await paper.locator('[data-testid="assess-paper-movers"] thead').textContent(), /本期得分上期得分得分升降/);
  // Printed, only the paper is on the page.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-testid="assessment-page"]').isVisible(), false);
  assert.equal(await paper.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  // The workbook: the same scores as numbers, sheet by sheet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="assess-paper-excel"]')]);
  assert.match(download.suggestedFilename(), /2027年第1季度棚改工作季度点评.*\.xlsx$/);
  const dir = await mkdtemp(join(tmpdir(), 'assess-xlsx-'));
  const file = join(dir, 'paper.xlsx');
  await writeFile(file, await readFile(await download.path()));
  const sheets = sheetsOf(file);
  assert.deepEqual({ ...sheetTotals(sheets['区县得分']), ...sheetTotals(sheets['包抓领导得分']) }, screen);
  const listed = sheets['督办清单'];
  assert.equal(listed.length - 1 - listed.findIndex((r) => r[0] === '项目名称'), await mine.count());
  await page.click('[data-testid="assess-paper-close"]');
  assert.equal(await paper.count(), 0);
  assert.deepEqual(log.pageErrors, []);
});

test('who answers for a project: the leader, post, unit and a duty handed on in the editor, saved; the list filtered by unit', async () => {
  const { page, log } = await openApp(env);
  const rows = page.locator('[data-testid="project-row"]');
  // 市城投公司 holds 包建设 of the ten central-city projects.
  await page.selectOption('[data-testid="filter-unit"]', '市城投公司');
  assert.equal(await rows.count(), 10);
  await page.selectOption('[data-testid="filter-lead"]', '市级领导甲');
  assert.equal(await rows.count(), 1);
  await rows.first().locator('[data-testid="edit-project"]').click();
  await page.waitForSelector('[data-testid="project-editor"]');
  assert.equal(await page.inputValue('[data-testid="edit-lead"]'), '市级领导甲');
  assert.equal(await page.inputValue('[data-testid="edit-post"]'), '市政府常务副市长');
  assert.equal(await page.inputValue('[data-testid="edit-unit"]'), '城关区人民政府');
  assert.equal(await page.inputValue('[data-testid="edit-duty-construction"]'), '市城投公司');
  // A duty left blank stays the leader's, and says so.
  assert.equal(await page.getAttribute('[data-testid="edit-duty-stability"]', 'placeholder'), '空白：包抓领导本人');
  await page.fill('[data-testid="edit-duty-stability"]', '城关区信访局');
  await page.locator('[data-testid="edit-duty-stability"]').blur();
  await page.waitForTimeout(700);
  const doc = await storedDoc(page);
  assert.equal(doc.plan.projects[0].responsibility.duties.stability, '城关区信访局');
  // One step, undone as one.
  await page.click('[data-testid="undo"]');
  await page.waitForTimeout(700);
  assert.equal((await storedDoc(page)).plan.projects[0].responsibility.duties.stability, undefined);
  assert.deepEqual(log.pageErrors, []);
});
