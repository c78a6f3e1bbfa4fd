// 房票 as a planner meets it: the demo's 东岭县 on the 厦门 2023 preset; the scheme's figures as
// the simulation (plan-sim) gives them; a preset chosen, a tier edited and undone, a bad tier
// refused with its row named and the stored plan kept; 房票 among the ways on 安置方式.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

const wan = (v) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('the demo\'s vouchers: its scheme, its cost and what is owed each year as plan-sim gives them', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-housing"]');
  const scheme = page.locator('[data-testid="voucher-scheme"]');
  await scheme.waitFor();
  assert.equal(await page.inputValue('[data-testid="voucher-preset"]'), 'xiamen_2023');
  assert.equal(await page.textContent('[data-testid="voucher-summary"]'), '有效期 24 个月；到期未使用 10.0 %，按面额兑付现金。');
  assert.equal(await page.locator('[data-testid="voucher-tiers-row"]').count(), 2);
  // plan-sim on the same plan.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const dir = await mkdtemp(join(tmpdir(), 'vouchers-'));
  const file = join(dir, 'plan.json');
  await writeFile(file, await readFile(await download.path()));
  const sim = JSON.parse(execFileSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', file], { encoding: 'utf8' }));
  const owed = sim.years.filter((y) => y.vouchers_owed > 0.005);
  assert.ok(owed.length >= 2, 'the demo owes vouchers at the end of 2027 and 2028');
  const rows = await page.locator('[data-testid="voucher-owed"]').allTextContents();
  assert.deepEqual(rows, owed.map((y) => `${y.year}年末未兑付房票${wan(y.vouchers_owed)}`));
  const paid = sim.years.reduce((s, y) => s + y.investment.vouchers, 0);
  const totals = await page.textContent('[data-testid="voucher-totals"]');
  assert.ok(totals.includes(`房票兑付${wan(paid)}`), totals);
  // 东岭县's households with vouchers are its self-purchase households of the demo.
  const households = sim.projects.filter((p) => p.households.voucher > 0).reduce((s, p) => s + p.households.voucher, 0);
  assert.ok(households > 0);
  assert.ok(totals.includes(`房票安置户数${households}`), totals);
  assert.deepEqual(log.pageErrors, []);
});

test('a preset chosen and a tier edited are edits; a tier out of order is refused with its row named, the plan kept', async () => {
  const { page, log } = await openApp(env);
  await page.click('[data-testid="nav-housing"]');
  await page.locator('[data-testid="voucher-scheme"]').waitFor();
  await page.selectOption('[data-testid="voucher-preset"]', 'taizhou_hailing_2023');
  await page.waitForFunction(() => document.querySelector('[data-testid="voucher-summary"]').textContent.startsWith('有效期 18 个月'));
  assert.equal(await page.locator('[data-testid="voucher-tiers-row"]').count(), 3);
  await page.waitForTimeout(700);
  let doc = await storedDoc(page);
  assert.equal(doc.plan.assumptions.vouchers.preset, 'taizhou_hailing_2023');
  assert.deepEqual(doc.plan.assumptions.vouchers.tiers.map((t) => t.reward), [0.2, 0.16, 0.12]);
  // The first tier's reward to 18 %: the scheme is the planner's own from then on.
  const first = page.locator('[data-testid="voucher-tiers-row"]').first();
  await first.locator('[data-testid="voucher-tiers-reward"]').fill('18');
  await page.waitForFunction(() => document.querySelector('[data-testid="voucher-preset"]').value === '');
  await page.waitForTimeout(700);
  doc = await storedDoc(page);
  assert.equal(doc.plan.assumptions.vouchers.tiers[0].reward, 0.18);
  // The second tier's last month before the first's: refused, named, not stored.
  const second = page.locator('[data-testid="voucher-tiers-row"]').nth(1);
  await second.locator('[data-testid="voucher-tiers-until_month"]').fill('2');
  await page.locator('[data-testid="voucher-error"]').waitFor();
  assert.match(await page.textContent('[data-testid="voucher-error"]'), /房票方案「房票奖励档」第 2 行/);
  await page.waitForTimeout(700);
  doc = await storedDoc(page);
  assert.equal(doc.plan.assumptions.vouchers.tiers[1].until_month, 6);
  // Undone: back to the preset as chosen.
  await page.locator('[data-testid="voucher-summary"]').click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-testid="voucher-preset"]').value === 'taizhou_hailing_2023');
  // 房票 is a way on 安置方式.
  await page.click('[data-testid="nav-resettlement"]');
  await page.locator('[data-testid="resettlement-table"]').waitFor();
  assert.match(await page.textContent('[data-testid="resettlement-table"] thead'), /房票安置/);
  assert.deepEqual(log.pageErrors, []);
});
