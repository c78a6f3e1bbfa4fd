// Excel as county offices use it: the plan exported as a workbook imports back unchanged; the
// blank template, filled in, adds its project; a file that is not a workbook is refused in
// Chinese and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, useBrowser, menuItem, storedItem, currentKey } from './harness.mjs';

const env = useBrowser();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const rows = (page) => page.locator('[data-testid="project-row"]');
const stored = async (page) => storedItem(page, await currentKey(page));

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), menuItem(page, testid)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('导出 Excel gives a workbook that imports back to the same rows and totals', async () => {
  const { page, log } = await openApp(env);
  await page.waitForTimeout(600);
  const before = await rows(page).allTextContents();
  const households = await page.textContent('[data-testid="total-households"]');
  const { name, bytes } = await download(page, 'export-xlsx');
  assert.match(name, /\.xlsx$/);
  assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a zip package');
  await page.setInputFiles('[data-testid="import-csv"]', { name, mimeType: XLSX, buffer: bytes });
  await page.waitForFunction(() => document.querySelector('[data-testid="undo"]').title.includes('导入'));
  assert.deepEqual(await rows(page).allTextContents(), before);
  assert.equal(await page.textContent('[data-testid="total-households"]'), households);
  assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
  assert.deepEqual(log.pageErrors, []);
});

test('the template, sent back, adds its example project; a broken workbook changes nothing', async () => {
  const { page } = await openApp(env);
  await page.waitForTimeout(600);
  const n = await rows(page).count();
  const template = await download(page, 'download-template');
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'county.xlsx', mimeType: XLSX, buffer: template.bytes });
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="project-row"]').length === k + 1, n);
  assert.match(await rows(page).last().textContent(), /新项目/);

  await page.waitForTimeout(600);
  const saved = await stored(page);
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'broken.xlsx', mimeType: XLSX, buffer: Buffer.from('这不是工作簿') });
  const alert = page.locator('[data-testid="import-error"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /不是有效的 Excel 工作簿/);
  assert.equal(await rows(page).count(), n + 1);
  await page.waitForTimeout(600);
  assert.equal(await stored(page), saved, 'the saved plan is exactly as it was');
});
