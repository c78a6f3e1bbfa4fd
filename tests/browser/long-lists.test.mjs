// A 1,000-project plan: the long tables draw only the rows in view, yet the totals, the sort
// and scrolling to any row behave as if every row were there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, openApp } from './harness.mjs';

let env;
let storage;
before(async () => {
  env = await start();
  const big = execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', '1000'], { maxBuffer: 64 << 20 }).toString();
  storage = {
    'shantytown-planner.index': JSON.stringify({ plans: [{ id: 'generated-1000', name: 'generated' }], last_opened: 'generated-1000' }),
    'shantytown-planner.plan.generated-1000': big,
  };
});
after(async () => {
  await env?.close();
});

const num = (s) => Number(s.replace(/[,\s]/g, ''));

test('the project list draws the rows in view; totals, sort and scrolling cover all 1,000', async () => {
  const { page, log } = await openApp(env, { storage });
  await page.setViewportSize({ width: 1300, height: 900 });
  const rows = page.locator('[data-testid="project-row"]');
  await rows.first().waitFor();
  const drawn = await rows.count();
  assert.ok(drawn > 10 && drawn < 120, `${drawn} rows drawn of 1,000`);
  // The totals row adds up every project, drawn or not.
  const plan = JSON.parse(storage['shantytown-planner.plan.generated-1000']).plan;
  const households = plan.projects.reduce((s, p) => s + p.households, 0);
  assert.equal(num(await page.textContent('[data-testid="total-households"]')), households);
  // The page is as tall as all rows: scrolling to the end shows the last project.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = plan.projects[plan.projects.length - 1].id;
  await page.waitForSelector(`[data-testid="project-row"][data-project-id="${last}"]`);
  assert.ok((await rows.count()) < 120);
  // Sorting by households (descending) puts the largest project first, wherever it was.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('[data-testid="sort-households"]');
  await page.click('[data-testid="sort-households"]');
  const max = Math.max(...plan.projects.map((p) => p.households));
  await page.waitForFunction((m) => {
    const first = document.querySelector('[data-testid="project-row"] td:nth-of-type(6)');
    return first && Number(first.textContent.replace(/[,\s]/g, '')) === m;
  }, max);
  // 安置方式 draws its rows the same way.
  await page.click('[data-testid="nav-resettlement"]');
  const mixRows = await page.locator('[data-testid="mix-row"]').count();
  assert.ok(mixRows > 10 && mixRows < 120, `${mixRows} mix rows`);
  assert.deepEqual(log.pageErrors, []);
});
