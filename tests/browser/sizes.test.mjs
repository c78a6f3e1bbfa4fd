// Every size an office has: the screens of a 棚改办 (1366×768 laptops, 1920×1080 screens at 100,
// 125 and 150 % scaling, a 1024×768 projector, a laptop at 150 % zoom) over every page, with the
// editor, each scenario panel and each paper open. Fails on a page that scrolls sideways, a
// heading, tab, header or name broken one character per line, interactive elements on top of
// each other, text cut without an ellipsis and a tooltip, and a KPI strip not whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, tour, useBrowser, toEnglish } from './harness.mjs';

const env = useBrowser();

const SIZES = [
  [1280, 720],
  [1366, 768],
  [1536, 864],
  [1920, 1080],
  [1024, 768],
  // A 1366×768 laptop at 150 % zoom: the CSS pixels the page gets.
  [911, 512],
];


/// What is wrong with the page as it is now: a list of sentences, empty when all is well.
const layoutFaults = (page) =>
  page.evaluate(() => {
    const faults = [];
    const W = window.innerWidth;
    const root = document.documentElement;
    if (root.scrollWidth > W + 1) faults.push(`page scrolls sideways: ${root.scrollWidth} > ${W}`);
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none';
    };
    const label = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} «${(el.textContent || el.value || '').trim().slice(0, 24)}»`;
    // Broken one character per line: a box narrower than two of its characters, several lines high.
    const texts = document.querySelectorAll(
      'h1, h2, h3, h4, legend, th, [role=tab], button, label, .plan-name, .strip-figure, .kpi-label, caption, summary',
    );
    for (const el of texts) {
      if (!shown(el) || el.closest('[inert]:not(.app)')) continue;
      const text = (el.textContent || '').trim();
      if ([...text].length < 2) continue;
      const s = getComputedStyle(el);
      const font = parseFloat(s.fontSize);
      const line = parseFloat(s.lineHeight) || font * 1.3;
      const r = el.getBoundingClientRect();
      const padding = parseFloat(s.paddingLeft) + parseFloat(s.paddingRight);
      if (r.width - padding < 1.9 * font && r.height > 1.8 * line) faults.push(`one character per line: ${label(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    // Text cut without an ellipsis and a tooltip.
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, canvas, .chart, select, [inert], [data-testid="app-ready"]')) continue;
      if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'IMG', 'CANVAS', 'SVG', 'svg'].includes(el.tagName)) continue;
      const s = getComputedStyle(el);
      if (!['hidden', 'clip'].includes(s.overflowX)) continue;
      if (el.scrollWidth <= el.clientWidth + 1 || !shown(el)) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!ownText) continue;
      const explained = s.textOverflow === 'ellipsis' && (el.title || el.closest('[title]'));
      if (!explained) faults.push(`text cut: ${label(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    // Interactive elements over each other (each one the planner can reach: what is on top at its centre).
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], label.button, [role=tab]')].filter((el) => {
      if (!shown(el) || el.closest('[inert]')) return false;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= W || y >= window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit && (el.contains(hit) || (el.closest('label') && hit.closest('label') === el.closest('label')));
    });
    // A drawer or a menu lies over the page by design: only controls of one layer may not meet.
    const layer = (el) => {
      for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).position === 'fixed') return e;
      return null;
    };
    const layers = new Map(controls.map((el) => [el, layer(el)]));
    const boxes = controls.map((el) => [el, el.getBoundingClientRect()]);
    boxes.sort((a, b) => a[1].left - b[1].left);
    for (let i = 0; i < boxes.length; i++) {
      const [a, ra] = boxes[i];
      for (let j = i + 1; j < boxes.length && boxes[j][1].left < ra.right - 2; j++) {
        const [b, rb] = boxes[j];
        if (a.contains(b) || b.contains(a) || (a.closest('label') && a.closest('label') === b.closest('label'))) continue;
        if (layers.get(a) !== layers.get(b)) continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2) faults.push(`overlap: ${label(a)} and ${label(b)}`);
      }
    }
    // The strip whole: every figure inside the viewport.
    const strip = document.querySelector('[data-testid="kpi-strip"]');
    if (strip && shown(strip)) {
      for (const f of strip.querySelectorAll('li')) {
        const r = f.getBoundingClientRect();
        if (r.right > W + 1 || r.left < -1) faults.push(`strip figure cut: ${label(f)}`);
      }
    }
    return [...new Set(faults)].slice(0, 12);
  });

/// Opens each state of the app in turn at the page's current size and collects the faults of each.
async function sweep(page, size) {
  const found = [];
  await tour(page, async (what) => {
    await page.waitForTimeout(60);
    for (const f of await layoutFaults(page)) found.push(`${size} ${what}: ${f}`);
  });
  return found;
}

for (const [w, h] of SIZES) {
  test(`every page and panel lays out at ${w}×${h}`, async () => {
    const { page, log } = await openApp(env);
    await page.setViewportSize({ width: w, height: h });
    const found = await sweep(page, `${w}×${h}`);
    assert.deepEqual(found, []);
    assert.deepEqual(log.pageErrors, []);
  });
}

test('at 1366×768 the header keeps one line, every page is in a named group, and the list keeps the edited columns beside the editor', async () => {
  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1366, height: 768 });
  const header = await page.locator('.app-header').boundingBox();
  assert.ok(header.height < 64, `the header is one line: ${header.height}`);
  // Every page sits in a group, each group named; the bar is one line with room to spare.
  const groups = await page.evaluate(() =>
    [...document.querySelectorAll('nav .tab-group')].map((g) => [g.getAttribute('aria-label'), [...g.querySelectorAll('button')].map((b) => b.dataset.testid.slice(4))]),
  );
  assert.deepEqual(groups, [
    ['规划', ['projects', 'resettlement', 'housing', 'financing', 'assumptions']],
    ['测算', ['results', 'compare', 'risk']],
    ['执行', ['progress', 'readiness', 'assessment']],
    ['协作与报告', ['team', 'report']],
  ]);
  const bar = await page.evaluate(() => {
    const nav = document.querySelector('nav.tabs');
    const last = [...nav.querySelectorAll('button')].pop().getBoundingClientRect();
    return { height: nav.getBoundingClientRect().height, room: window.innerWidth - last.right };
  });
  assert.ok(bar.height < 70, `the bar is one line: ${bar.height}`);
  assert.ok(bar.room > 2 * 110, `room for two more pages: ${bar.room} px`);
  // The editor beside the list: header and tabs keep the whole width, the list shows the columns
  // the planner changes (and the row's 编辑) left of the editor.
  await page.locator('[data-testid="edit-project"]').first().click();
  const editor = await page.locator('[data-testid="project-editor"]').boundingBox();
  assert.ok(editor.x > 700, `beside the list: ${editor.x}`);
  assert.equal((await page.locator('.app-header').boundingBox()).width, 1366);
  for (const col of ['sort-name', 'sort-households', 'sort-investment', 'sort-monetized']) {
    const box = await page.locator(`[data-testid="${col}"]`).boundingBox();
    assert.ok(box && box.x + box.width <= editor.x, `${col} in view beside the editor: ${JSON.stringify(box)}`);
  }
  for (const action of ['edit-project', 'duplicate-project', 'delete-project']) {
    const box = await page.locator('[data-testid="project-row"]').first().locator(`[data-testid="${action}"]`).boundingBox();
    assert.ok(box && box.x + box.width <= editor.x, `${action} in view beside the editor`);
  }
  // Scrolled, the editor stays in view, from the top of the window.
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForFunction(() => document.querySelector('[data-testid="project-editor"]').getBoundingClientRect().top === 0);
  assert.deepEqual(log.pageErrors, []);
});

test('below 1200 px the editor is a drawer over the list, which keeps its width', async () => {
  const { page } = await openApp(env);
  await page.setViewportSize({ width: 1024, height: 768 });
  const before = await page.locator('.projects table').boundingBox();
  await page.locator('[data-testid="edit-project"]').first().click();
  const editor = page.locator('[data-testid="project-editor"]');
  assert.equal(await editor.evaluate((el) => getComputedStyle(el).position), 'fixed');
  const box = await editor.boundingBox();
  assert.equal(Math.round(box.x + box.width), 1024);
  assert.deepEqual(await page.locator('.projects table').boundingBox(), before);
});

test('in English every page and panel lays out at 1366×768 and 1024×768', async () => {
  const { page, log } = await openApp(env);
  await toEnglish(page);
  for (const [w, h] of [[1366, 768], [1024, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    assert.deepEqual(await sweep(page, `English ${w}×${h}`), []);
  }
  assert.deepEqual(log.pageErrors, []);
});

test('a 39-character project name wraps in the lists and ends in an ellipsis in 进度, at 1024 and 1366 px', async () => {
  const { page, log } = await openApp(env);
  const long = '南河县纺织厂家属院及周边棚户区城中村综合改造一期工程北区地块项目';
  assert.ok([...long].length >= 32);
  const name = `${long}甲乙丙丁戊己庚`;
  await page.locator('[data-testid="edit-project"]').first().click();
  const field = page.locator('[data-testid="edit-name"]');
  await field.fill(name);
  await field.blur();
  await page.click('[data-testid="close-editor"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="project-row"] th').textContent.includes(n), name);
  const found = [];
  for (const [w, h] of [[1024, 768], [1366, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    for (const id of ['projects', 'resettlement', 'financing', 'progress']) {
      await page.click(`[data-testid="nav-${id}"]`);
      await page.waitForTimeout(100);
      for (const f of await layoutFaults(page)) found.push(`${w} ${id}: ${f}`);
    }
  }
  assert.deepEqual(found, []);
  // 进度's row header shows the name cut with an ellipsis, the whole name on hover.
  const th = page.locator('[data-testid="progress-row"] th').first();
  assert.ok((await th.getAttribute('title')).startsWith(name));
  assert.equal(await th.evaluate((el) => getComputedStyle(el).textOverflow), 'ellipsis');
  assert.deepEqual(log.pageErrors, []);
});
