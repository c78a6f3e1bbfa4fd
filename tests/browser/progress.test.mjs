// 进度 as a planner uses it: the month picked, the example months labelled, the ranking with
// its marks, figures typed and moved through with Enter, a figure above the plan refused with
// the reason it needs, a block pasted from Excel in one step, and one undo taking it back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser } from './harness.mjs';

const env = useBrowser();

const row = (page, name) => page.locator('[data-testid="progress-row"]', { hasText: name });

test('the ranking for March 2027: X县 first, the top and bottom three marked', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-progress"]');
  await page.locator('[data-testid="progress-page"]').waitFor();
  assert.equal(await page.inputValue('[data-testid="progress-month"]'), '2027-03');
  assert.match(await page.textContent('[data-testid="progress-sample"]'), /示例数据/);
  const ranking = page.locator('[data-testid="ranking-row"]');
  assert.equal(await ranking.count(), 8);
  assert.match(await ranking.nth(0).textContent(), /1X县51\.0 ?%前三/);
  assert.match(await ranking.nth(7).textContent(), /石门县.*后三/);
  // The ranking as bars (X县 at 51.0 %), and the city's months plan against actual.
  await page.locator('[data-testid="chart-progress-ranking"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-progress-ranking"]'))?.getOption().series[0].data[0] === 51);
  await page.locator('[data-testid="chart-progress-pace"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-progress-pace"]'))?.getOption().xAxis[0].data.length === 3);
  // Six central-city projects, none started: each is listed behind schedule.
  const behind = await page.locator('[data-testid="behind-row"]').allTextContents();
  assert.ok(behind.some((b) => /黄沙桥片区.*征收未按期启动，滞后 3 个月/.test(b)), behind.join('\n'));
  // The grid for one county: its 2027 projects only.
  await page.selectOption('[data-testid="progress-district"]', 'X县');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="progress-row"]').length === 2);
  assert.deepEqual(await page.locator('[data-testid="progress-row"] th').allTextContents(), ['X县西街X县', 'X县东关危旧房X县']);
  // Every grid header reads whole in its fixed-width column (the three 货币化安置户数·… apart).
  const clipped = await page.$$eval('[data-testid="progress-grid"] thead th', (ths) =>
    ths.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent));
  assert.deepEqual(clipped, []);
  // February: X县 still first, its start rate lower.
  await page.fill('[data-testid="progress-month"]', '2027-02');
  await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
  await page.waitForFunction(() => /21\.3/.test(document.querySelector('[data-testid="ranking-row"]').textContent));
  assert.deepEqual(log.pageErrors, []);
});

test('figures typed, Enter moving down, a figure above the plan refused, a pasted block, one undo', async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-progress"]');
  await page.fill('[data-testid="progress-month"]', '2027-04');
  await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
  const signed = row(page, '东岭县老街片区').locator('[data-testid="progress-signed"]');
  // April is not reported yet: March's figures stand, greyed.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="progress-row"]')]
    .find((r) => r.textContent.includes('东岭县老街片区'))?.querySelector('[data-testid="progress-signed"]').value === '120');
  await signed.fill('150');
  await signed.press('Enter');
  // Enter committed the figure and moved to the next row's same column.
  const focused = await page.evaluate(() => document.activeElement.closest('[data-testid="progress-row"]').textContent);
  assert.match(focused, /东岭县河坝城中村/);
  const before = await page.textContent('[data-testid="progress-summary"]');
  assert.equal(await signed.inputValue(), '150');
  // More households than the project has: refused, naming the reason it needs.
  await signed.fill('300');
  await signed.blur();
  // The message is beside the cell, in view, announced, and the cell marked — not at the top
  // of the page, thousands of pixels above the grid.
  const message = row(page, '东岭县老街片区').locator('[data-testid="progress-cell-error"]');
  await message.waitFor();
  assert.match(await message.textContent(), /东岭县老街片区：2027年4月 签约户数 300 超过计划的 230/);
  assert.equal(await message.getAttribute('role'), 'alert');
  assert.equal(await page.locator('[data-testid="progress-error"]').count(), 0);
  assert.equal(await signed.getAttribute('aria-invalid'), 'true');
  assert.equal(await signed.getAttribute('aria-describedby'), await message.getAttribute('id'));
  const [cellBox, messageBox] = [await signed.boundingBox(), await message.boundingBox()];
  assert.ok(Math.abs(messageBox.y - (cellBox.y + cellBox.height)) < 40, `${JSON.stringify(cellBox)} ${JSON.stringify(messageBox)}`);
  const viewport = page.viewportSize();
  assert.ok(messageBox.y >= 0 && messageBox.y + messageBox.height <= viewport.height, 'the message is in view');
  assert.ok(messageBox.width > 200, 'the message reads on lines, not a character per line');
  assert.equal(await signed.inputValue(), '150');
  // Every input of the grid is labelled for a screen reader: the project and the figure.
  assert.equal(await signed.getAttribute('aria-label'), '东岭县老街片区 签约户数');
  // A block from Excel (two rows, signed and vacated) goes in as one step.
  await signed.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text', '160\t100\n185\t20\n');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="progress-row"]')]
    .find((r) => r.textContent.includes('东岭县河坝城中村'))?.querySelector('[data-testid="progress-signed"]').value === '185');
  assert.equal(await signed.inputValue(), '160');
  // Taken: the message is gone.
  assert.equal(await page.locator('[data-testid="progress-cell-error"]').count(), 0);
  assert.equal(await row(page, '东岭县老街片区').locator('[data-testid="progress-vacated"]').inputValue(), '100');
  assert.notEqual(await page.textContent('[data-testid="progress-summary"]'), before);
  // One undo takes the whole block back.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="progress-row"]')]
    .find((r) => r.textContent.includes('东岭县河坝城中村'))?.querySelector('[data-testid="progress-signed"]').value === '0');
  assert.equal(await signed.inputValue(), '150');
});
