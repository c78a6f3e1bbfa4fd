// 打印报告 as the office prints it for a meeting: every section of the report renders from the
// simulation, the charts are images, and Chromium's print-to-PDF gives an A4 document of a
// sensible number of pages with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, menuItem } from './harness.mjs';

const env = useBrowser();

test('the report renders every section, its charts as images, and prints to A4 PDF', async () => {
  const { page, log } = await openApp(env);
  await menuItem(page, 'print-report');
  const report = page.locator('[data-testid="report"]');
  await report.waitFor();
  assert.match(await page.textContent('[data-testid="report-title"]'), /棚改/);
  for (const id of ['report-kpis', 'report-findings', 'report-charts', 'report-projects', 'report-yearly', 'report-affordability']) {
    assert.ok(await page.locator(`[data-testid="${id}"]`).isVisible(), id);
  }
  // KPIs against targets, findings with their rules.
  assert.ok((await page.locator('[data-testid="report-kpis"] .kpi-status').count()) >= 3);
  assert.match(await page.textContent('[data-testid="report-findings"]'), /〔20\d\d〕/);
  // Charts as PNG images, drawn by ECharts.
  for (const id of ['report-chart-funding', 'report-chart-fiscal', 'report-chart-monetized']) {
    const img = page.locator(`[data-testid="${id}"]`);
    await img.waitFor();
    assert.match(await img.getAttribute('src'), /^data:image\/png;base64,/);
    assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 600), id);
  }
  // Tables: 32 projects and their total; one row per year; the 21号 layout.
  assert.equal(await page.locator('[data-testid="report-project-table"] tbody tr').count(), 33);
  const years = await page.locator('[data-testid="report-yearly-table"] tbody tr').count();
  assert.ok(years >= 15, `${years} years`);
  assert.equal(await page.locator('[data-testid="report-affordability-table"] tbody tr').count(), years);
  const head = await page.locator('[data-testid="report-affordability-table"] thead tr:last-child th').allTextContents();
  assert.deepEqual(head.slice(1, 5), ['股权投资', '运营补贴', '风险承担', '配套投入']);

  // The running header (plan, scenario, date) and the page numbers are the report's @page rule.
  const pageRule = await page.locator('[data-testid="report"] style').textContent();
  assert.match(pageRule, /size: A4/);
  assert.match(pageRule, /@top-left \{ content: "X市.*基准方案 · 20\d\d年\d+月\d+日"/);
  assert.match(pageRule, /counter\(page\)/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.tabs').isVisible(), false, 'the app around the report does not print');
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`# the demo report prints on ${pages} A4 pages`);
  assert.ok(pages >= 3 && pages <= 20, `${pages} pages`);
  // A4: 595 × 842 points.
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box && Math.abs(Number(box[1]) - 595.28) < 1 && Math.abs(Number(box[2]) - 841.89) < 1, box?.[0]);
  const images = (pdf.match(/\/Subtype\s*\/Image/g) || []).length;
  assert.ok(images >= 3, `${images} images in the PDF`);
  assert.deepEqual(log.pageErrors, []);
});

test('a project\'s investment reads the same in the list, its 资金平衡 and the report (万元, two decimals)', async () => {
  const { page, log } = await openApp(env);
  const row = page.locator('[data-testid="project-row"]', { hasText: 'X县西街' });
  // The list: the investment column (the last amount before the monetized rate).
  const cells = await row.locator('td.num').allTextContents();
  assert.ok(cells.includes('32,850.56'), cells.join(' | '));
  await row.locator('[data-testid="open-fund-balance"]').click();
  const sheet = page.locator('[data-testid="fund-balance"]');
  await sheet.waitFor();
  assert.match(await sheet.textContent(), /32,850\.56/);
  await page.click('[data-testid="close-fund-balance"]');
  await sheet.waitFor({ state: 'detached' });
  await menuItem(page, 'print-report');
  const table = page.locator('[data-testid="report-project-table"]');
  await table.waitFor();
  const west = table.locator('tbody tr', { hasText: 'X县西街' });
  assert.match(await west.textContent(), /32,850\.56/);
  // The headings say what each column is: the project's own rate, the unit of the amounts.
  const head = await table.locator('thead th').allTextContents();
  assert.ok(head.includes('本项目货币化安置率') && head.includes('总投资（万元）'), head.join(' | '));
  assert.ok(!head.some((h) => h.startsWith('全市')), head.join(' | '));
  assert.deepEqual(log.pageErrors, []);
});
