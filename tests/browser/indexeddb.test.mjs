// Storage that holds a province: plans move from localStorage (as the previous release kept
// them) into IndexedDB without loss; the quota is shown; the largest supported plan is stored,
// reopened, exported and imported back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { openApp, useBrowser, menuItem, stored, storedItem } from './harness.mjs';

const env = useBrowser();

/// localStorage as the release before IndexedDB left it: the demo with a project renamed, and a
/// second plan, open last (tests/fixtures/profiles/localstorage-v7.json, written by that build).
const profile = JSON.parse(await readFile('tests/fixtures/profiles/localstorage-v7.json', 'utf8'));
const localKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());

test('a profile of the previous release moves into IndexedDB whole, and localStorage keeps only the language', async () => {
  const { page, context } = await openApp(env, { storage: profile });
  assert.equal(await page.textContent('[data-testid="plan-name"]'), '二〇二八年储备方案');
  const kept = await stored(page);
  for (const [k, v] of Object.entries(profile)) {
    if (k === 'shantytown-planner.lang') continue;
    assert.equal(kept[k], v, `${k} moved byte for byte`);
  }
  assert.deepEqual(await localKeys(page), ['shantytown-planner.lang']);
  await menuItem(page, 'menu-plan');
  await page.locator('[data-testid="plan-list"] [role=menuitemradio]', { hasText: '示例' }).click();
  await page.waitForFunction(() => document.body.textContent.includes('黄沙桥片区（迁移前改名）'));
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  assert.match(await page.textContent('[data-testid="plan-name"]'), /示例/);
  assert.ok((await page.textContent('main')).includes('黄沙桥片区（迁移前改名）'));
  await context.close();
});

test('a move IndexedDB refuses leaves localStorage as it was, and the app works from it, saying so', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: 1000 });
  await context.addInitScript((entries) => {
    if (!sessionStorage.getItem('__seeded')) {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      sessionStorage.setItem('__seeded', '1');
    }
  }, profile);
  await page.goto(env.origin + '/');
  const banner = page.locator('[data-testid="storage-warning"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /无法使用浏览器数据库（浏览器存储已满|无法使用浏览器数据库/);
  assert.equal(await page.textContent('[data-testid="plan-name"]'), '二〇二八年储备方案');
  const local = await page.evaluate(() => Object.fromEntries(Object.entries({ ...localStorage })));
  for (const [k, v] of Object.entries(profile)) assert.equal(local[k], v, `${k} untouched`);
  await context.close();
});

test('the 方案 menu shows what the browser keeps for the app', async () => {
  const { page, context } = await openApp(env);
  await menuItem(page, 'menu-plan');
  const line = page.locator('[data-testid="storage-quota"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="storage-quota"]').textContent.length > 0);
  assert.match(await line.textContent(), /^浏览器存储：已用 \d+ KB，上限 [\d.]+ (MB|GB)，/);
  await context.close();
});

test('the largest supported plan (5,000 projects × 36 months) is stored, reopened, exported and imported back', { timeout: 300_000 }, async () => {
  const largest = execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', 'largest'], { maxBuffer: 64 << 20 });
  const { page, context } = await openApp(env);
  await page.setInputFiles('[data-testid="import-plan"]', { name: 'largest.json', mimeType: 'application/json', buffer: largest });
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]').textContent.includes('最大方案'), null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const doc = JSON.parse(await storedItem(page, 'shantytown-planner.plan.largest'));
  assert.equal(doc.plan.projects.length, 5000);
  assert.equal(await page.locator('[data-testid="storage-warning"]').count(), 0);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.textContent.includes('最大方案'), null, { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menuItem(page, 'export-plan')]);
  const exported = await readFile(await download.path());
  assert.ok(exported.length < 32 * 1024 * 1024, `${exported.length} bytes import back`);
  await page.setInputFiles('[data-testid="import-plan"]', { name: 'back.json', mimeType: 'application/json', buffer: exported });
  await page.click('[data-testid="import-replace"]', { timeout: 120_000 });
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
  assert.equal(JSON.parse(await storedItem(page, 'shantytown-planner.plan.largest')).plan.projects.length, 5000);
  await context.close();
});
