// The worker: the first visit carries no worker code; the first long job loads it with a
// visible 正在加载…; a worker that cannot load is named in Chinese and changes nothing; the page
// answers while the optimizer runs there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useBrowser, scenarioTabs, menuItem, stored } from './harness.mjs';

const env = useBrowser();
const WORKER_FILES = /\/(worker-loader\.js|worker\.js|worker_bg\.wasm)$/;

test('the first rows come without the worker; the first 求最优方案 loads it, saying so', async () => {
  const { page, context, log } = await openApp(env);
  await page.locator('[data-testid="project-row"]').first().waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(log.requests.filter((u) => WORKER_FILES.test(u)), []);
  // A slow line: the worker's module takes a while, and the page says it is loading it.
  await context.route('**/worker_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  await page.locator('[data-testid="worker-loading"]').waitFor();
  assert.match(await page.textContent('[data-testid="worker-loading"]'), /正在加载计算模块/);
  await page.locator('[data-testid="optimize-result"]').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('[data-testid="worker-loading"]').count(), 0);
  // The answer is a scenario, as before the worker.
  assert.equal(await scenarioTabs(page).count(), 3);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a worker that cannot load is named, and the plan is unchanged; the next try works', async () => {
  const { page, context, log } = await openApp(env);
  await context.route('**/worker_bg.wasm', (route) => route.abort());
  const tabs = await scenarioTabs(page).allTextContents();
  await page.click('[data-testid="optimize"]');
  await page.click('[data-testid="optimize-run"]');
  const failed = page.locator('[data-testid="optimize-failed"]');
  await failed.waitFor({ timeout: 20000 });
  assert.match(await failed.textContent(), /计算模块无法加载或运行出错/);
  assert.deepEqual(await scenarioTabs(page).allTextContents(), tabs);
  assert.equal(await page.locator('[data-testid="optimize-progress"]').count(), 0, 'the run has ended');
  // The line is back: a new worker loads and answers.
  await context.unroute('**/worker_bg.wasm');
  await page.click('[data-testid="optimize-run"]');
  await page.locator('[data-testid="optimize-result"]').waitFor({ timeout: 30000 });
  assert.equal(await failed.count(), 0);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the Monte Carlo draws run in the worker: the page answers clicks meanwhile, 取消 ends them', async () => {
  const { page, context } = await openApp(env);
  await page.click('[data-testid="nav-risk"]');
  await page.locator('[data-testid="risk-draws"]').fill('20000');
  await page.locator('[data-testid="risk-draws"]').blur();
  await page.click('[data-testid="risk-run"]');
  await page.locator('[data-testid="risk-progress"]').waitFor();
  // While the draws run, the main thread is free: a frame comes within 100 ms every time.
  const slowest = await page.evaluate(async () => {
    let worst = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await new Promise((r) => requestAnimationFrame(r));
      worst = Math.max(worst, performance.now() - t);
      await new Promise((r) => setTimeout(r, 30));
    }
    return worst;
  });
  assert.ok(slowest < 100, `slowest frame ${slowest} ms`);
  await page.click('[data-testid="risk-cancel"]');
  await page.locator('[data-testid="risk-progress"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid="risk-percentiles"]').count(), 0, 'no result from a cancelled run');
  await context.close();
});

test('each of the worker\'s files failing ends the job with a message naming it, for the optimizer and 导出 Excel; no uncaught error', async () => {
  for (const file of ['worker-loader.js', 'worker.js', 'worker_bg.wasm']) {
    const { page, context, log } = await openApp(env);
    await context.route(`**/${file}`, (route) => route.abort());
    await page.click('[data-testid="optimize"]');
    await page.click('[data-testid="optimize-run"]');
    const failed = page.locator('[data-testid="optimize-failed"]');
    await failed.waitFor({ timeout: 20000 });
    const said = await failed.textContent();
    assert.match(said, /计算模块无法加载或运行出错.*请检查网络后重试/, file);
    if (file === 'worker-loader.js') assert.match(said, /未能取得计算模块的脚本 worker-loader\.js/);
    assert.equal(await page.locator('[data-testid="optimize-progress"]').count(), 0, `${file}: the run has ended`);
    // 导出 Excel (another job, a fresh worker) says so too, rather than nothing at all.
    await menuItem(page, 'export-xlsx');
    const warning = page.locator('[data-testid="storage-warning"]');
    await warning.waitFor({ timeout: 20000 });
    assert.match(await warning.textContent(), /计算模块无法加载或运行出错/, file);
    assert.deepEqual(log.pageErrors, [], file);
    await context.close();
  }
});

test('each of the worker\'s files failing ends 开始模拟, 下载进度模板 and 导入进度 with a message naming it; no uncaught error', async () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const jobs = [
    ['开始模拟', async (page) => {
      await page.click('[data-testid="nav-risk"]');
      await page.click('[data-testid="risk-run"]');
      return page.locator('[data-testid="risk-failed"]');
    }],
    ['下载进度模板', async (page) => {
      await page.click('[data-testid="nav-progress"]');
      await page.locator('[data-testid="download-progress-template"]').first().click();
      return page.locator('[data-testid="storage-warning"]');
    }],
    ['导入进度', async (page) => {
      await page.click('[data-testid="nav-progress"]');
      await page.setInputFiles('[data-testid="import-progress"]', { name: '城关区.xlsx', mimeType: XLSX, buffer: Buffer.from('PK\u0003\u0004 a county file') });
      return page.locator('[data-testid="import-error"]');
    }],
  ];
  for (const [job, start] of jobs) {
    for (const file of ['worker-loader.js', 'worker.js', 'worker_bg.wasm']) {
      const { page, context, log } = await openApp(env);
      await context.route(`**/${file}`, (route) => route.abort());
      const said = await start(page);
      await said.waitFor({ timeout: 20000 });
      assert.match(await said.textContent(), /计算模块无法加载或运行出错.*请检查网络后重试/, `${job}, ${file}`);
      if (file === 'worker-loader.js') assert.match(await said.textContent(), /worker-loader\.js/, job);
      assert.equal(await page.locator('[data-testid="worker-loading"]').count(), 0, `${job}, ${file}: the job has ended`);
      assert.deepEqual(log.pageErrors, [], `${job}, ${file}`);
      await context.close();
    }
  }
});

test('a file read taking over 300 ms names the file with 取消; cancelled, nothing is taken and no error shows', async () => {
  const { page, context, log } = await openApp(env);
  await page.waitForTimeout(600);
  const before = JSON.stringify(await stored(page));
  // A slow line: the read waits for the worker's module.
  await context.route('**/worker_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue().catch(() => {});
  });
  await page.click('[data-testid="nav-progress"]');
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.setInputFiles('[data-testid="import-progress"]', { name: '城关区2027年6月.xlsx', mimeType: XLSX, buffer: Buffer.from('PK\u0003\u0004 a county file') });
  const reading = page.locator('[data-testid="reading-file"]');
  await reading.waitFor({ timeout: 2000 });
  assert.match(await reading.textContent(), /正在读取「城关区2027年6月\.xlsx」…/);
  await page.click('[data-testid="reading-cancel"]');
  await reading.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid="import-error"]').count(), 0);
  assert.equal(JSON.stringify(await stored(page)), before);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
