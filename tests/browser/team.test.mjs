// Working with colleagues as a planner does: a colleague's file compared and merged (two- and
// three-way), an unrelated file flagged, a county's submission taken, the change log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, useBrowser, menuItem, storedDoc } from './harness.mjs';

const env = useBrowser();

const stored = async (page) => (await storedDoc(page)).plan;

/// Waits for autosave to write what the page shows.
async function storedWhen(page, check) {
  for (let i = 0; i < 50; i++) {
    const plan = await stored(page);
    if (check(plan)) return plan;
    await page.waitForTimeout(100);
  }
  return stored(page);
}

async function exportPlan(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-plan')]);
  return JSON.parse((await readFile(await download.path())).toString());
}

async function compareFile(page, doc, name = '同事修改.json') {
  await page.click('[data-testid="nav-team"]');
  const buffer = Buffer.from(JSON.stringify(doc, null, 2));
  await page.setInputFiles('[data-testid="merge-plan"]', { name, mimeType: 'application/json', buffer });
  await page.locator('[data-testid="merge-panel"]').waitFor();
}

// Keys in a fixed order: a field the test adds in JavaScript lands last in its object, where the
// app writes it in its declared place.
const sorted = (v) => Array.isArray(v) ? v.map(sorted)
  : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
const content = (plan) => JSON.stringify(sorted({ name: plan.name, assumptions: plan.assumptions, projects: plan.projects, scenarios: plan.scenarios }));

test("a colleague's five changes: listed, shown on the KPIs, taken all at once, undone in one step", async () => {
  const { page, log } = await openApp(env);
  const original = await exportPlan(page);
  const doc = structuredClone(original);
  const p = doc.plan.projects;
  p[0].households = 1200;
  p[0].comment = '户数已按最新摸底核实';
  p[1].households = 345;
  const removed = p.splice(2, 1)[0];
  p.push({ ...structuredClone(p[5]), id: 'p99', name: '新增棚改片区' });
  doc.plan.assumptions.loan.rate = 0.039;
  doc.plan.provenance = { prepared_by: { name: '李四', office: '市财政局' } };
  await compareFile(page, doc);

  const rows = page.locator('[data-testid="diff-row"]');
  assert.equal(await rows.count(), 5);
  const text = (await rows.allTextContents()).join('\n');
  for (const expected of ['修改项目 黄沙桥片区', '征收户数', '980 户', '1200 户', '修改项目 行政中心北侧', '345 户',
    `删除项目 ${removed.name}`, '新增项目 新增棚改片区', '政策性银行贷款·年利率', '4.41 %', '3.9 %']) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
  assert.match(await page.textContent('[data-testid="diff-comment"]'), /户数已按最新摸底核实/);
  assert.match(await page.textContent('[data-testid="merge-panel"] h2'), /李四（市财政局）/);
  assert.match(await page.textContent('[data-testid="merge-base"]'), /两方对比/);
  // The effect of taking them all, before anything changes.
  const effect = await page.textContent('[data-testid="merge-effect"]');
  assert.match(effect, /财政负担/);
  assert.equal(content(await stored(page)), content(original.plan), 'nothing changed yet');

  await page.click('[data-testid="accept-all"]');
  await page.locator('[data-testid="merge-panel"]').waitFor({ state: 'detached' });
  const merged = await storedWhen(page, (plan) => plan.projects.some((x) => x.id === 'p99'));
  assert.equal(content(merged), content(doc.plan), "the plan equals the colleague's");
  assert.match(await page.textContent('[data-testid="change-log"]'), /合并同事的修改/);
  // Their comment stays with the project: a mark in the project list, the text on hover.
  await page.click('[data-testid="nav-projects"]');
  const mark = page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="comment-mark"]');
  assert.equal(await mark.getAttribute('title'), '户数已按最新摸底核实');

  await page.click('[data-testid="undo"]');
  const back = await storedWhen(page, (plan) => !plan.projects.some((x) => x.id === 'p99'));
  assert.equal(content(back), content(original.plan), 'one undo takes the whole merge back');
  assert.deepEqual(log.pageErrors, []);
});

test('three-way: only what they changed is offered, a field both changed is a conflict to choose', async () => {
  const { page } = await openApp(env);
  const sent = await exportPlan(page);
  // We change 黄沙桥片区 after sending the file.
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]', { hasText: '黄沙桥片区' }).locator('[data-testid="edit-project"]').click();
  const households = page.locator('[data-testid="edit-households"]');
  await households.fill('1000');
  await households.blur();
  await page.click('[data-testid="close-editor"]');
  // They change the same field differently, and another project; their file names what we sent.
  const second = await exportPlan(page);
  assert.ok(second.plan.provenance.derived_from, 'the file names the revision it came from');
  const doc = structuredClone(sent);
  doc.plan.provenance = { derived_from: second.plan.provenance.derived_from };
  doc.plan.projects[0].households = 1100;
  doc.plan.projects[3].households = 333;
  await compareFile(page, doc);
  assert.match(await page.textContent('[data-testid="merge-base"]'), /三方合并/);
  const rows = page.locator('[data-testid="diff-row"]');
  assert.equal(await rows.count(), 2, 'our own change is not offered back');
  const conflict = page.locator('[data-testid="diff-row"][data-conflict="true"]');
  assert.equal(await conflict.count(), 1);
  const side = await conflict.textContent();
  assert.ok(side.includes('1000 户') && side.includes('1100 户'), side);
  // Never resolved silently: merging as chosen waits for the choice.
  await page.click('[data-testid="merge-apply"]');
  assert.match(await page.textContent('[data-testid="merge-error"]'), /1 处冲突未选择/);
  await conflict.locator('[data-testid="diff-reject"]').click();
  await page.click('[data-testid="merge-apply"]');
  await page.locator('[data-testid="merge-panel"]').waitFor({ state: 'detached' });
  const merged = await storedWhen(page, (plan) => plan.projects[3].households === 333);
  assert.equal(merged.projects[0].households, 1000, 'ours kept');
  assert.equal(merged.projects[3].households, 333, 'theirs taken');
});

test('a file of another city is flagged before the change list, and can be imported as a new plan', async () => {
  const { page } = await openApp(env);
  const doc = await exportPlan(page);
  doc.plan.city = 'Y市';
  doc.plan.id = 'y-city';
  doc.plan.name = 'Y市棚改计划';
  await compareFile(page, doc, 'Y市.json');
  assert.match(await page.textContent('[data-testid="unrelated-warning"]'), /这不是同一方案的副本，按新方案导入？/);
  assert.equal(await page.locator('[data-testid="diff-row"]').count(), 0);
  await page.click('[data-testid="import-as-new"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.textContent === 'Y市棚改计划');
});

test('a broken file gets the import messages; a change list of 1,200 rows shows 200 at a time', async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-team"]');
  await page.setInputFiles('[data-testid="merge-plan"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "shantytown-plan", oops') });
  assert.match(await page.textContent('[data-testid="import-error"]'), /第 1 行/);
  const doc = await exportPlan(page);
  const template = doc.plan.projects[10];
  for (let i = 0; i < 1200; i++) doc.plan.projects.push({ ...structuredClone(template), id: `n${i}`, name: `新增${i}` });
  const started = Date.now();
  await compareFile(page, doc, 'big.json');
  assert.equal(await page.locator('[data-testid="diff-row"]').count(), 200);
  assert.match(await page.textContent('[data-testid="diff-count"]'), /1200/);
  await page.click('[data-testid="diff-more"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="diff-row"]').length === 400);
  // Still answering: the tab bar responds.
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]').first().waitFor();
  console.log(`# 1,200-row change list shown and paged in ${Date.now() - started} ms`);
});

test("a county's CSV replaces only its projects after its change list; the board and the log say so", async () => {
  const { page } = await openApp(env);
  await page.click('[data-testid="nav-team"]');
  await page.fill('[data-testid="prepared-name"]', '张三');
  await page.fill('[data-testid="prepared-office"]', 'X市棚改办');
  const board = page.locator('[data-testid="submission-board"]');
  const row = board.locator('tr[data-district="安平县"]');
  assert.match(await row.textContent(), /未报送/);
  // The county's list: the exported project CSV cut to 安平县, one household count changed.
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, 'export-projects-csv')]);
  const lines = (await readFile(await download.path())).toString('utf8').split('\r\n');
  const county = lines.filter((l, i) => i === 0 || l.includes('安平县'));
  county[1] = county[1].replace(',212,', ',230,');
  const before = await stored(page);
  await row.locator('[data-testid="submission-file"]').setInputFiles({ name: '安平县报送.csv', mimeType: 'text/csv', buffer: Buffer.from(county.join('\r\n')) });
  await page.locator('[data-testid="merge-panel"]').waitFor();
  assert.match(await page.textContent('[data-testid="merge-panel"] h2'), /安平县 报送/);
  assert.equal(await page.locator('[data-testid="diff-row"]').count(), 1);
  await page.click('[data-testid="accept-all"]');
  await page.locator('[data-testid="merge-panel"]').waitFor({ state: 'detached' });
  assert.match(await row.textContent(), /已报送（第 1 次）.*新增 0，删除 0，修改 1/);
  const after = await storedWhen(page, (plan) => (plan.submissions ?? []).length === 1);
  const others = (plan) => JSON.stringify(plan.projects.filter((p) => p.district !== '安平县'));
  assert.equal(others(after), others(before), 'other counties untouched');
  assert.equal(after.projects.find((p) => p.id === 'p29').households, 230);
  assert.equal(after.provenance.prepared_by.name, '张三');
  const logText = await page.textContent('[data-testid="change-log"]');
  assert.match(logText, /张三（X市棚改办）.*接收区县报送/s);
});
