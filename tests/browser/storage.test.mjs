// Plans that never get lost: autosave and reload, export/import round trip, hostile files
// refused with storage untouched, storage faults, other tabs, and the plan list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { openApp, useBrowser, menuItem, stored, storedItem, currentKey, writeStored, toEnglish } from './harness.mjs';

const env = useBrowser();

const dump = async (page) => JSON.stringify(await stored(page));

const CSV_HEADER = '项目名称,区县,中心城市,类型,计划年度,状态,征收户数（户）,征收面积（m²）,货币补偿（%）,自行选购商品房（%）,政府购买存量房（%）,新建安置房（%）,项目资本金（%）,政策性银行贷款（%）,政府购买服务（%）,PPP（%）,棚改专项债（%）';

async function importBuffer(page, name, buffer) {
  await page.setInputFiles('[data-testid="import-plan"]', { name, mimeType: 'application/json', buffer });
}

async function editArea(page, name, value) {
  await page.locator('[data-testid="project-row"]', { hasText: name }).locator('[data-testid="edit-project"]').click();
  await page.fill('[data-testid="edit-area"]', String(value));
}

test('an edit survives a reload', async () => {
  const { page, context } = await openApp(env);
  await editArea(page, '黄沙桥片区', 90000);
  await page.reload();
  await page.waitForSelector('[data-testid="project-row"]');
  const row = page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' });
  assert.match(await row.textContent(), /90,000/);
  await context.close();
});

test('export, clear storage, import: the same plan comes back', async () => {
  const { page, context } = await openApp(env);
  await editArea(page, '杨峪河片区', 86000);
  await page.waitForTimeout(600);
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  assert.match(download.suggestedFilename(), /^X市2027—2028年棚改项目计划（示例）-\d{8}\.json$/);
  const exported = await readFile(await download.path());
  const original = JSON.parse(exported.toString()).plan;
  await writeStored(page, Object.fromEntries(Object.keys(await stored(page)).map((k) => [k, null])));
  await page.reload();
  await page.waitForSelector('[data-testid="project-row"]');
  // Storage was empty, so the demo opened under the demo id: the import asks replace or keep both.
  await importBuffer(page, 'plan.json', exported);
  await page.click('[data-testid="import-replace"]');
  await page.waitForFunction(() => document.body.textContent.includes('86,000'));
  await page.waitForTimeout(600);
  const taken = JSON.parse(await storedItem(page, await currentKey(page))).plan;
  // The taken plan now names the revision it shares with the file (for a later three-way merge).
  assert.match(taken.provenance.derived_from, /^[0-9a-f]{16}$/);
  delete taken.provenance.derived_from;
  assert.deepEqual(taken, original);
  // Keep both adds a second plan.
  await importBuffer(page, 'plan.json', exported);
  await page.click('[data-testid="import-keep-both"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2);
  await context.close();
});

test('malformed and hostile files are refused with a message, storage stays byte-identical', async () => {
  const { page, context, log } = await openApp(env);
  await page.waitForTimeout(600);
  const good = JSON.parse(await storedItem(page, await currentKey(page)));
  const variant = (f) => {
    const d = structuredClone(good);
    f(d);
    return Buffer.from(JSON.stringify(d, null, 2));
  };
  const cases = [
    ['broken.json', Buffer.from('{\n  "format": "shantytown-plan",\n  "version": 1,\n  oops\n}'), /第 4 行第 \d+ 列/],
    ['array.json', Buffer.from('[1, 2, 3]'), /不是棚改规划方案/],
    ['other.json', Buffer.from('{"name": "not a plan"}'), /不是棚改规划方案/],
    ['newer.json', variant((d) => (d.version = 99)), /更新版本.*格式版本 99/],
    ['missing.json', variant((d) => delete d.plan.projects[2].households), /plan\.projects\[2\].*households/],
    ['mistyped.json', variant((d) => (d.plan.projects[0].area_m2 = 'big')), /plan\.projects\[0\]\.area_m2/],
    ['negative.json', variant((d) => (d.plan.projects[0].area_m2 = -5)), /黄沙桥片区：征收面积 -5 应在 0 至 1000000000 之间/],
    ['shares.json', variant((d) => (d.plan.projects[1].resettlement.cash = 0.9)), /行政中心北侧：安置方式比例 .*合计应为 100 %/],
    ['huge.json', Buffer.from(JSON.stringify(good).replace('"area_m2":107800', '"area_m2":1e400')), /plan\.projects\[0\]\.area_m2/],
    ['toolarge-number.json', variant((d) => (d.plan.projects[0].area_m2 = 1e300)), /征收面积 1e300 应在 0 至 1000000000 之间/],
    ['long-name.json', variant((d) => (d.plan.projects[0].name = '长'.repeat(200000))), /第 1 个项目（编号 p01）：项目名称 共 200000 个字，超过 100 个字的上限/],
    ['deep.json', Buffer.from('['.repeat(100000) + ']'.repeat(100000)), /不是有效的 JSON|不是棚改规划方案/],
    ['big.json', Buffer.alloc(33 * 1024 * 1024, 32), /文件太大：33\.00 MB，上限 32 MB/],
    ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01]), /UTF-8|JSON/],
  ];
  for (const [name, buffer, pattern] of cases) {
    const before = await dump(page);
    await importBuffer(page, name, buffer);
    const alert = page.locator('[data-testid="import-error"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), pattern, name);
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(await dump(page), before, `${name} left storage untouched`);
    await alert.locator('button').click();
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('HTML and script in names are shown as text, never run', async () => {
  const { page, context, log } = await openApp(env);
  await page.waitForTimeout(600);
  const good = JSON.parse(await storedItem(page, await currentKey(page)));
  good.plan.id = 'hostile';
  good.plan.name = '<img src=x onerror="window.__pwned=1">';
  good.plan.projects[0].name = '<script>window.__pwned=1</script>黄沙桥';
  await importBuffer(page, 'hostile.json', Buffer.from(JSON.stringify(good)));
  await page.waitForFunction(() => document.body.textContent.includes('<script>window.__pwned=1</script>黄沙桥'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.ok(log.requests.every((u) => u.startsWith(env.origin)), 'no request for the injected image');
  await context.close();
});

test('storage full: the planner is told what was not saved, the saved plan is untouched, switching asks first', async () => {
  // Room for the demo (about 80 KB stored), not for a county's 600 more projects.
  const { page, context } = await openApp(env, { quota: 300 * 1024 });
  await page.waitForTimeout(600);
  const key = await currentKey(page);
  const savedBefore = await storedItem(page, key);
  const listBefore = await storedItem(page, 'shantytown-planner.index');
  const rows = Array.from({ length: 600 }, (_, i) => `城关区新增项目${i + 1},城关区,是,城中村,2027,谋划,100,9000,30,15,10,45,25,75,0,0,0`);
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'county.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${CSV_HEADER}\r\n${rows.join('\r\n')}\r\n`) });
  const banner = page.locator('[data-testid="storage-warning"]');
  await banner.waitFor({ timeout: 20000 });
  assert.match(await banner.textContent(), /浏览器存储已满：方案「X市2027—2028年棚改项目计划（示例）」最近的修改未能保存，只在本页中；已保存的版本未改动/);
  assert.equal(await page.textContent('[data-testid="total-households"]'), '69,373', 'the edit stays on screen');
  assert.equal(await storedItem(page, key), savedBefore);
  // Another plan would replace the unsaved edits: asked first (export? discard?), staying is the default.
  const questions = [];
  page.on('dialog', (d) => {
    questions.push(d.message());
    d.dismiss();
  });
  await menuItem(page, 'new-plan');
  assert.equal(questions.length, 2);
  assert.match(questions[0], /有修改未能保存在浏览器中.*\n先把此方案导出为 JSON 文件吗？/s);
  assert.match(questions[1], /放弃方案「X市2027—2028年棚改项目计划（示例）」未保存的修改，打开「新方案」？/);
  assert.equal(await page.textContent('[data-testid="total-households"]'), '69,373', 'still the edited plan');
  assert.equal(await storedItem(page, 'shantytown-planner.index'), listBefore);
  page.removeAllListeners('dialog');
  // Export still works and holds the edit.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  const exported = JSON.parse((await readFile(await download.path())).toString());
  assert.equal(exported.plan.projects.length, 632);
  // Closing the tab now asks first (the browser's own question); staying keeps the page.
  const asked = new Promise((ok) => page.once('dialog', (d) => ok([d.type(), d.dismiss()])));
  await page.close({ runBeforeUnload: true });
  assert.equal((await asked)[0], 'beforeunload');
  assert.equal(page.isClosed(), false);
  // Undone, the plan fits again: it is saved, and the banner goes.
  await page.click('[data-testid="undo"]');
  await page.locator('[data-testid="storage-warning"]').waitFor({ state: 'detached' });
  assert.equal(JSON.parse(await storedItem(page, key)).plan.projects.length, 32);
  await context.close();
});

test('storage full: an imported plan is opened in the page but said not to be saved; nothing stored changes', async () => {
  // Room for the demo (about 80 KB stored), not for a county's 300 projects (about 450 KB).
  const { page, context } = await openApp(env, { quota: 300 * 1024 });
  await page.waitForTimeout(600);
  const before = await dump(page);
  const doc = JSON.parse(execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', '300'], { maxBuffer: 64 << 20 }));
  doc.plan.id = 'county-copy';
  doc.plan.name = '县里的方案';
  await importBuffer(page, 'county.json', Buffer.from(JSON.stringify(doc)));
  const banner = page.locator('[data-testid="storage-warning"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /浏览器存储已满：方案「县里的方案」未能保存，只在本页中打开；已保存的方案均未改动/);
  await page.waitForTimeout(300);
  assert.equal(await dump(page), before);
  // The plan list shows only what is stored.
  assert.equal(await page.locator('[data-testid="plan-list"] [role=menuitemradio]').count(), 1);
  await context.close();
});

test('an unreadable stored plan is kept aside; a newer one opens read-only and is never overwritten', async () => {
  const index = JSON.stringify({
    plans: [
      { id: 'broken', name: '坏方案' },
      { id: 'future', name: '未来方案' },
    ],
    last_opened: 'broken',
  });
  const fixture = (await readFile('tests/fixtures/plan-v1.json')).toString();
  const future = fixture.replace('"version": 1', '"version": 99').replace('"id": "demo-x-city"', '"id": "future"');
  const { page, context } = await openApp(env, {
    storage: {
      'shantytown-planner.index': index,
      'shantytown-planner.plan.broken': '{ this is not json',
      'shantytown-planner.plan.future': future,
    },
  });
  const warning = page.locator('[data-testid="storage-warning"]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /方案「坏方案」无法读取/);
  assert.match(await warning.textContent(), /更新版本/);
  await page.waitForSelector('[data-testid="read-only"]');
  assert.equal(await storedItem(page, 'shantytown-planner.backup.broken'), '{ this is not json');
  assert.equal(await storedItem(page, 'shantytown-planner.plan.broken'), '{ this is not json');
  await editArea(page, '黄沙桥片区', 12345);
  await page.waitForTimeout(700);
  assert.equal(await storedItem(page, 'shantytown-planner.plan.future'), future);
  await context.close();
});

/// The app in two tabs of one browser, on the same plan.
async function twoTabs() {
  const { page: a, context } = await openApp(env);
  const b = await context.newPage();
  await b.goto(env.origin + '/');
  await b.waitForSelector('[data-testid="project-row"]');
  return { a, b, context };
}

test('two tabs: a change saved in one is taken in the other, and undo still works there', async () => {
  const { a, b, context } = await twoTabs();
  await editArea(a, '北新街东片区', 55555);
  await b.waitForSelector('[data-testid="notice"]', { timeout: 5000 });
  await b.waitForFunction(() => document.body.textContent.includes('55,555'));
  // B takes A's change as one step: undo takes it back there.
  assert.match(await b.getAttribute('[data-testid="undo"]', 'title'), /撤销/);
  await context.close();
});

test('two tabs editing different projects within 100 ms: both edits kept in both tabs and after reload', async () => {
  const { a, b, context } = await twoTabs();
  await a.locator('[data-testid="project-row"]', { hasText: '北新街东片区' }).locator('[data-testid="edit-project"]').click();
  await b.locator('[data-testid="project-row"]', { hasText: '杨峪河片区' }).locator('[data-testid="edit-project"]').click();
  await Promise.all([
    a.fill('[data-testid="edit-area"]', '44444'),
    (async () => {
      await b.waitForTimeout(50);
      await b.fill('[data-testid="edit-area"]', '33333');
    })(),
  ]);
  for (const p of [a, b]) {
    await p.waitForFunction(() => document.body.textContent.includes('44,444') && document.body.textContent.includes('33,333'), null, { timeout: 5000 });
  }
  assert.equal(await a.locator('[data-testid="conflict-warning"]').count(), 0);
  await a.waitForTimeout(900);
  const doc = JSON.parse(await storedItem(a, await currentKey(a)));
  const area = (name) => doc.plan.projects.find((p) => p.name === name).area_m2;
  assert.deepEqual([area('北新街东片区'), area('杨峪河片区')], [44444, 33333]);
  // Opened anew (a third tab), the plan has both.
  const c = await context.newPage();
  await c.goto(env.origin + '/');
  await c.waitForFunction(() => document.body.textContent.includes('44,444') && document.body.textContent.includes('33,333'));
  await c.close();
  // The tab that merged can still undo: first the other tab's change it took, then its own.
  const merged = (await b.textContent('[data-testid="notice"]').catch(() => '')).includes('已合并') ? [b, '44,444', '33,333'] : [a, '33,333', '44,444'];
  const [tab, theirs, mine] = merged;
  await tab.click('[data-testid="undo"]');
  await tab.waitForFunction((v) => !document.querySelector('main').textContent.includes(v), theirs);
  assert.ok((await tab.textContent('main')).includes(mine));
  await tab.click('[data-testid="undo"]');
  await tab.waitForFunction((v) => !document.querySelector('main').textContent.includes(v), mine);
  await context.close();
});

test('two tabs changing the same field: the other tab\'s value is shown for a choice, nothing overwritten unseen', async () => {
  const { a, b, context } = await twoTabs();
  await editArea(a, '北新街东片区', 11111);
  await editArea(b, '北新街东片区', 22222);
  // One of the two saved first; the other is offered its value on 协作, row by row.
  await Promise.race([a, b].map((p) => p.waitForSelector('[data-testid="reject-all"]', { timeout: 5000 })));
  const asked = (await a.locator('[data-testid="reject-all"]').count()) ? a : b;
  assert.match(await asked.textContent('main'), /另一窗口保存的版本/);
  await context.close();
});

test('the plan list: new, rename, duplicate, delete with confirmation; last opened reopens', async () => {
  const { page, context } = await openApp(env);
  const options = page.locator('[data-testid="plan-list"] [role=menuitemradio]');
  await menuItem(page, 'new-plan');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2);
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 0);
  page.once('dialog', (d) => d.accept('二〇二八年储备方案'));
  await menuItem(page, 'rename-plan');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]')].some((o) => o.textContent === '二〇二八年储备方案'));
  await menuItem(page, 'duplicate-plan');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 3);
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  assert.match(await page.textContent('[data-testid="plan-name"]'), /二〇二八年储备方案（副本）/);
  page.once('dialog', (d) => d.dismiss());
  await menuItem(page, 'delete-plan');
  assert.equal(await options.count(), 3, 'dismissed: nothing deleted');
  page.once('dialog', (d) => d.accept());
  await menuItem(page, 'delete-plan');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2);
  await context.close();
});

test('CSV: a project list imports all or nothing; exports open in Excel with Chinese intact', async () => {
  const { page, context } = await openApp(env);
  await page.waitForTimeout(600);
  const header = CSV_HEADER;
  const bad = `\ufeff${header}\r\n好项目,城关区,是,城中村,2027,谋划,100,9000,30,15,10,45,25,75,0,0,0\r\n坏项目,城关区,是,城中村,2027,谋划,abc,9000,30%,15,10,45,25,75,0,0,0\r\n`;
  const before = await dump(page);
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const alert = page.locator('[data-testid="import-error"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /第 3 行：征收户数（户）「abc」不是有效数字/);
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 32);
  assert.equal(await dump(page), before);
  await alert.locator('button').click();
  const good = bad.replace(',abc,', ',200,');
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="project-row"]').length === 34);
  // The import is one step: undo takes both projects back.
  assert.equal(await page.getAttribute('[data-testid="undo"]', 'title'), '撤销：导入 2 个项目');
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-projects-csv')]);
  const text = (await readFile(await download.path())).toString('utf8');
  assert.ok(text.startsWith('\ufeff项目编号,项目名称,'), 'UTF-8 with BOM');
  assert.match(text, /p34,坏项目,城关区,是,城中村,2027,谋划,200,9000,/);
  const [yearly] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-yearly-csv')]);
  assert.ok((await readFile(await yearly.path())).toString('utf8').startsWith('\ufeff年度,'));
  await context.close();
});

test('CSV: the exported project list, edited in Excel and imported back, gives the same rows and totals', async () => {
  const { page, context } = await openApp(env);
  await page.waitForTimeout(600);
  const totals = async () => [
    await page.textContent('[data-testid="total-households"]'),
    await page.textContent('[data-testid="total-investment"]'),
  ];
  const rows = async () => page.locator('[data-testid="project-row"]').allTextContents();
  const [t0, r0] = [await totals(), await rows()];
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-projects-csv')]);
  const exported = await readFile(await download.path());
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'back.csv', mimeType: 'text/csv', buffer: exported });
  await page.waitForFunction(() => document.querySelector('[data-testid="undo"]').title.includes('导入'));
  assert.deepEqual(await totals(), t0);
  assert.deepEqual(await rows(), r0);
  // Edited in Excel: X县西街 gets 10 more households; the import replaces that project.
  const edited = exported.toString('utf8').replace(/(p11,X县西街,X县,否,[^,]*,2027,[^,]*,)1066,/, '$11076,');
  assert.notEqual(edited, exported.toString('utf8'));
  await page.setInputFiles('[data-testid="import-csv"]', { name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  await page.waitForFunction((h) => document.querySelector('[data-testid="total-households"]').textContent !== h, t0[0]);
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 32);
  assert.equal(Number((await totals())[0].replace(/,/g, '')), Number(t0[0].replace(/,/g, '')) + 10);
  await context.close();
});

test('storage unavailable: the app runs in memory with a warning', async () => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.origin + '/');
  const banner = page.locator('[data-testid="storage-warning"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /存储不可用/);
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 32);
  await page.click('[data-testid="add-project"]');
  assert.equal(await page.locator('[data-testid="project-row"]').count(), 33);
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  assert.ok(download.suggestedFilename().endsWith('.json'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('messages follow the language toggle', async () => {
  const { page, context } = await openApp(env);
  await toEnglish(page);
  await importBuffer(page, 'broken.json', Buffer.from('{ "format": '));
  const alert = page.locator('[data-testid="import-error"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Not valid JSON: syntax error at line 1, column \d+/);
  await page.click('[data-testid="nav-results"]');
  assert.match(await page.textContent('[data-testid="kpi-investment"]'), /Total investment.*×10⁸ yuan/);
  await context.close();
});
