// 进度 through the counties' files and out to the province: a county's template downloaded and
// taken back (the 区县报送 board says who, when, which file; late after the month), a filled-in
// file's figure in the grid, a file with a lower figure and no correction note refused with its
// row and the saved plan untouched; the ranking by a composite the planner weighs; the monthly
// report on screen with the page's figures, printed alone, and as a workbook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, useBrowser, storedItem, currentKey } from './harness.mjs';

const env = useBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/// A county's filled-in file made from the demo by examples/county_progress.rs.
function countyFile(district, month, ...changes) {
  const dir = mkdtempSync(join(tmpdir(), 'progress-'));
  const plan = join(dir, 'demo.json');
  writeFileSync(plan, execFileSync('cargo', ['run', '-q', '--example', 'write_demo'], { maxBuffer: 64 << 20 }));
  return execFileSync('cargo', ['run', '-q', '--example', 'county_progress', '--', plan, district, month, ...changes], {
    maxBuffer: 64 << 20,
  });
}

const stored = async (page) => storedItem(page, await currentKey(page));

async function openProgress(page, month) {
  await page.click('[data-testid="nav-progress"]');
  await page.locator('[data-testid="progress-page"]').waitFor();
  await page.fill('[data-testid="progress-month"]', month);
  await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
}

const boardRow = (page, district) => page.locator(`[data-testid="board-row"][data-district="${district}"]`);

test('a county template downloaded and taken back; a filled-in figure in the grid; late after the month', async () => {
  const { page, log } = await openApp(env, { now: '2027-04-27T10:00:00' });
  await openProgress(page, '2027-04');
  assert.equal(await page.locator('[data-testid="board-row"]').count(), 8);
  assert.equal(await boardRow(page, 'X县').locator('[data-testid="board-status"]').textContent(), '未报送');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    boardRow(page, 'X县').locator('[data-testid="download-progress-template"]').click(),
  ]);
  assert.match(download.suggestedFilename(), /X县2027年4月进度报送.*\.xlsx$/);
  const template = readFileSync(await download.path());
  // Sent back untouched: the county has reported, nothing else changes.
  await page.setInputFiles('[data-testid="import-progress"]', { name: 'X县4月.xlsx', mimeType: XLSX, buffer: template });
  await page.waitForFunction(() => /已报送/.test(document.querySelector('[data-testid="board-row"][data-district="X县"]').textContent));
  assert.match(await boardRow(page, 'X县').textContent(), /2027-04-27 10:00.*X县4月\.xlsx/);
  // The filled-in file: 东关危旧房 (p12) signs 130 in April.
  const filled = countyFile('X县', '2027-04', 'p12:signed=130');
  await page.setInputFiles('[data-testid="import-progress"]', { name: 'X县4月-2.xlsx', mimeType: XLSX, buffer: filled });
  await page.waitForFunction(() => /第 2 次/.test(document.querySelector('[data-testid="board-row"][data-district="X县"]').textContent));
  await page.selectOption('[data-testid="progress-district"]', 'X县');
  const east = page.locator('[data-testid="progress-row"]', { hasText: 'X县东关危旧房' });
  assert.equal(await east.locator('[data-testid="progress-signed"]').inputValue(), '130');
  assert.match(await page.locator('[data-testid="undo"]').getAttribute('title'), /导入X县2027年4月进度/);
  assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
  assert.deepEqual(log.pageErrors, []);

  // A week into May: the counties that have not sent April are overdue.
  const { page: may } = await openApp(env, { now: '2027-05-03T09:00:00' });
  await openProgress(may, '2027-04');
  assert.equal(await boardRow(may, '东岭县').locator('[data-testid="board-status"]').textContent(), '逾期未报送');
});

test('a lower figure without a correction note refuses the whole file, naming its row; the plan is untouched', async () => {
  const { page } = await openApp(env);
  await openProgress(page, '2027-04');
  await page.waitForTimeout(600);
  const saved = await stored(page);
  // X县西街 (p11) signed all 1,066 by March; the file says 1,000 and gives no reason.
  const bad = countyFile('X县', '2027-04', 'p11:signed=1000', 'p12:signed=130');
  await page.setInputFiles('[data-testid="import-progress"]', { name: 'bad.xlsx', mimeType: XLSX, buffer: bad });
  const alert = page.locator('[data-testid="import-error"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /进度文件中有错误，未导入任何数据.*第 5 行：X县西街：2027年4月 签约户数 1000 低于上月的 1066/);
  await page.selectOption('[data-testid="progress-district"]', 'X县');
  const east = page.locator('[data-testid="progress-row"]', { hasText: 'X县东关危旧房' });
  assert.equal(await east.locator('[data-testid="progress-signed"]').inputValue(), '90', 'not even the good row');
  await page.waitForTimeout(600);
  assert.equal(await stored(page), saved);
});

test('the ranking by a weighted composite, and the monthly report: screen, print, workbook', async () => {
  const { page, log } = await openApp(env);
  await openProgress(page, '2027-03');
  // 60 % 开工率 and 40 % 签约率: X县 scores 0.6 × 635/1,246 + 0.4 × 1,156/1,246 = 67.7 %.
  await page.fill('[data-testid="ranking-weight-start"]', '60');
  await page.locator('[data-testid="ranking-weight-start"]').blur();
  await page.fill('[data-testid="ranking-weight-signing"]', '40');
  await page.locator('[data-testid="ranking-weight-signing"]').blur();
  await page.waitForFunction(() => document.querySelector('[data-testid="ranking-score"]')?.textContent.includes('67.7'));
  assert.match(await page.textContent('[data-testid="progress-page"] h3:has(+ [data-testid="progress-ranking"])'), /综合得分/);
  // All weights zero is refused, naming why.
  await page.fill('[data-testid="ranking-weight-start"]', '0');
  await page.locator('[data-testid="ranking-weight-start"]').blur();
  await page.fill('[data-testid="ranking-weight-signing"]', '0');
  await page.locator('[data-testid="ranking-weight-signing"]').blur();
  await page.locator('[data-testid="progress-error"]').waitFor();
  assert.match(await page.textContent('[data-testid="progress-error"]'), /至少一项权重须大于 0/);

  await page.click('[data-testid="progress-report"]');
  const report = page.locator('[data-testid="monthly-report"]');
  await report.waitFor();
  assert.match(await page.textContent('[data-testid="progress-report-title"]'), /2027年3月棚户区改造进度报告/);
  // X县's row of the report is the page's: 1,246 households, 1,156 signed, 635 started, 51.0 %.
  const x = report.locator('[data-testid="progress-report-districts"] tr', { hasText: 'X县' });
  assert.match(await x.textContent(), /X县1,2461,15692\.8 ?%63551\.0 ?%/);
  const pageRow = page.locator('[data-testid="progress-summary-row"]', { hasText: 'X县' });
  assert.match(await pageRow.textContent(), /1,?246.*92\.8 ?%.*51\.0 ?%/);
  assert.match(await report.locator('[data-testid="progress-report-behind"]').textContent(), /黄沙桥片区.*征收未按期启动/);
  assert.match(await report.locator('[data-testid="progress-report-ranking"]').textContent(), /综合得分/);
  // Funds in place by source, each against its share of the year's plan.
  assert.match(await report.locator('[data-testid="progress-report-funds"] thead').textContent(), /政策性银行贷款到位率/);
  assert.match(await report.locator('[data-testid="progress-report-funds"] tbody').textContent(), /X县/);
  // 前期手续 at the month's end: each district, then the city, with 贷款发放率.
  assert.match(await report.locator('[data-testid="progress-report-readiness"] thead').textContent(), /逾期未办.*贷款发放率.*资金待手续项目/);
  assert.match(await report.locator('[data-testid="progress-report-readiness"] tbody').textContent(), /X县.*全市/s);
  // Printed, only the report is on the page.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-testid="progress-page"]').isVisible(), false);
  assert.equal(await report.isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="progress-report-excel"]')]);
  assert.match(download.suggestedFilename(), /2027年3月棚户区改造进度报告.*\.xlsx$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04');
  await page.click('[data-testid="progress-report-close"]');
  assert.equal(await report.count(), 0);
  assert.deepEqual(log.pageErrors, []);
});
