// Paper a finance bureau accepts: the exported workbook, printed as an office prints it
// (LibreOffice converts it to PDF; poppler reads the pages back): no blank page, the body at
// 8 pt or more on every page, each sheet's title whole on its first page, every project's name
// whole over its 资金平衡 block, the project list's pages each naming their projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

/// The PDF LibreOffice prints of `bytes` (an .xlsx), as pages of words with their heights.
async function printed(bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'print-'));
  await writeFile(join(dir, 'plan.xlsx'), bytes);
  // A profile of its own: a LibreOffice already running elsewhere must not take the job.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'plan.xlsx')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  execFileSync('pdftotext', ['-bbox', join(dir, 'plan.pdf'), join(dir, 'plan.html')]);
  const html = await readFile(join(dir, 'plan.html'), 'utf8');
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        h: m[2] - m[1],
        text: m[3].replace(/&amp;/g, '&'),
      }));
      return { words, text: words.map((w) => w.text).join('') };
    });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('the workbook prints legibly on A4: no blank page, 8 pt or more, titles and names whole', async () => {
  const { page, log } = await openApp(env);
  await page.waitForTimeout(600);
  const [file] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-xlsx')]);
  const bytes = await readFile(await file.path());
  const { plan } = await storedDoc(page);
  const [planName, projects] = [plan.name, plan.projects.map((p) => p.name)];
  const pages = await printed(bytes);
  assert.ok(pages.length > 5, `${pages.length} pages`);
  pages.forEach((p, i) => {
    assert.ok(p.words.length > 3, `page ${i + 1} is not blank`);
    // A word's box is 1.3 times its font's size (11 pt measures 14.3): 8 pt is 10.4.
    const size = median(p.words.map((w) => w.h)) / 1.3;
    assert.ok(size >= 7.95, `page ${i + 1}: body at ${size.toFixed(1)} pt`);
  });
  // Each sheet's title whole on the page that starts it (a banner may wrap, never be cut).
  for (const sheet of ['项目清单', '年度测算', '分年度目标', '财政承受能力', '资金平衡']) {
    const title = `${planName}（基准方案）· ${sheet}`.replace(/\s/g, '');
    assert.ok(pages.some((p) => p.text.includes(title)), `${sheet}'s title is printed whole`);
  }
  // 资金平衡: every project's name whole over its block.
  const balanceText = pages.filter((p) => p.text.includes('·资金平衡')).map((p) => p.text).join('');
  for (const name of projects) assert.ok(balanceText.includes(`${name}·`), `${name} heads its block`);
  // The project list: every page of it names the projects it shows (the key columns repeat).
  const listPages = pages.slice(0, pages.findIndex((p) => p.text.includes('·年度测算')));
  assert.ok(listPages.length >= 1);
  for (const [i, p] of listPages.entries()) assert.ok(p.text.includes(projects[0]), `project list page ${i + 1} names its projects`);
  assert.deepEqual(log.pageErrors, []);
});

/// The words of each page Chromium prints of the page as it is now (A4, the page's own @page).
async function printedPages(page) {
  const dir = await mkdtemp(join(tmpdir(), 'paper-'));
  await page.pdf({ path: join(dir, 'paper.pdf'), format: 'A4', preferCSSPageSize: true });
  const pages = execFileSync('pdfinfo', [join(dir, 'paper.pdf')]).toString().match(/Pages:\s+(\d+)/)[1];
  return Array.from({ length: Number(pages) }, (_, i) =>
    execFileSync('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, join(dir, 'paper.pdf'), '-']).toString().replace(/\s/g, ''),
  );
}

/// Table headers and cells of the printed papers broken one character per line (as laid out
/// for print at an A4 page's width).
const brokenCells = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.report-table th, .report-table td')]
      .filter((el) => el.offsetParent && [...el.textContent.trim()].length >= 2)
      .filter((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const w = r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return w < 1.9 * parseFloat(s.fontSize) && r.height > 2.5 * parseFloat(s.fontSize);
      })
      .map((el) => el.textContent.trim()),
  );

test('报告, 资金平衡 and 月度报告 print with no cell one character a line, every page naming its table', async () => {
  const { page, log } = await openApp(env);
  // An A4 page's printable width in CSS pixels, as the browser lays out for print.
  await page.setViewportSize({ width: 718, height: 1000 });
  const onPaper = (on) => page.emulateMedia({ media: on ? 'print' : 'screen' });
  await page.click('[data-testid="nav-report"]');
  await page.locator('[data-testid="report-project-table"]').waitFor();
  await onPaper(true);
  assert.deepEqual(await brokenCells(page), [], '报告');
  await onPaper(false);
  const plan = await page.textContent('[data-testid="report-title"]');
  for (const [i, text] of (await printedPages(page)).entries()) assert.ok(text.includes(plan.replace(/\s/g, '')), `report page ${i + 1} names the plan`);

  await page.click('[data-testid="nav-projects"]');
  const row = page.locator('[data-testid="project-row"]').first();
  const name = (await row.locator('th').textContent()).trim();
  await row.locator('[data-testid="open-fund-balance"]').click();
  await page.locator('[data-testid="fund-balance"]').waitFor();
  await onPaper(true);
  assert.deepEqual(await brokenCells(page), [], '资金平衡');
  await onPaper(false);
  const pages = await printedPages(page);
  assert.ok(pages.length >= 2, 'the plan runs over pages');
  for (const [i, text] of pages.entries()) assert.ok(text.includes(name), `资金平衡 page ${i + 1} names ${name}`);
  await page.keyboard.press('Escape');

  await page.click('[data-testid="nav-progress"]');
  await page.click('[data-testid="progress-report"]');
  await page.locator('[data-testid="monthly-report"]').waitFor();
  await onPaper(true);
  assert.deepEqual(await brokenCells(page), [], '月度报告');
  await onPaper(false);
  const title = (await page.textContent('[data-testid="progress-report-title"]')).replace(/\s/g, '');
  for (const [i, text] of (await printedPages(page)).entries()) assert.ok(text.includes(title), `月度报告 page ${i + 1} names the report`);
  await page.keyboard.press('Escape');

  // 考核's 季度点评: the scores item by item, eleven columns and more, still legible.
  await page.click('[data-testid="nav-assessment"]');
  await page.fill('[data-testid="assess-month"]', '2027-03');
  await page.locator('[data-testid="assess-month"]').dispatchEvent('change');
  await page.click('[data-testid="assess-paper"]');
  await page.locator('[data-testid="assessment-paper"]').waitFor();
  await onPaper(true);
  assert.deepEqual(await brokenCells(page), [], '季度点评');
  await onPaper(false);
  const review = (await page.textContent('[data-testid="assess-paper-title"]')).replace(/\s/g, '');
  for (const [i, text] of (await printedPages(page)).entries()) assert.ok(text.includes(review), `季度点评 page ${i + 1} names the paper`);
  // Its workbook prints as the plan's does: no blank page, 8 pt or more, each title whole.
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="assess-paper-excel"]')]);
  const sheets = await printed(await readFile(await file.path()));
  sheets.forEach((p, i) => {
    assert.ok(p.words.length > 3, `sheet page ${i + 1} is not blank`);
    const size = median(p.words.map((w) => w.h)) / 1.3;
    assert.ok(size >= 7.95, `sheet page ${i + 1}: body at ${size.toFixed(1)} pt`);
  });
  for (const sheet of ['区县得分', '包抓领导得分', '升降情况', '督办清单']) {
    assert.ok(sheets.some((p) => p.text.includes(`${review}·${sheet}`)), `${sheet}'s title is printed whole`);
  }
  assert.deepEqual(log.pageErrors, []);
});
