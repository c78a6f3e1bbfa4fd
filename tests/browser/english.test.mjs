// English complete: every page, panel and paper in English shows no Chinese character but the
// plan's own data (its names, districts, people, notes). Units, messages, labels, plurals,
// citations and the charts' words all come from the catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, tour, useBrowser, stored, toEnglish } from './harness.mjs';

const env = useBrowser();

/// Chinese text left on the page once the plan's own strings are taken out: a list of
/// "where: text" lines. The plan's strings are every string value stored in local storage.
const chineseLeft = async (page, where) =>
  page.evaluate(([where, library]) => {
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const data = new Set();
    const collect = (v) => {
      if (typeof v === 'string') {
        if (CJK.test(v)) data.add(v.trim());
      } else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const v of Object.values(library)) {
      try {
        collect(JSON.parse(v));
      } catch {}
    }
    // Longest first, so a name containing another is taken out whole.
    const strings = [...data].filter((s) => s).sort((a, b) => b.length - a.length);
    const strip = (text) => strings.reduce((t, s) => t.split(s).join(' '), text);
    const found = [];
    const check = (text, what) => {
      if (!CJK.test(text)) return;
      const left = strip(text);
      const at = left.search(CJK);
      if (at >= 0) found.push(`${where} ${what}: …${left.slice(Math.max(0, at - 30), at + 30).trim()}…`);
    };
    const inert = (el) => el.closest('[inert]:not(.app)');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // The language button names the other language in its own words (中文), as such buttons do.
      if (!el || el.closest('script, style, [hidden], [data-testid="lang-toggle"]') || inert(el)) continue;
      check(n.textContent, el.tagName.toLowerCase());
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], img[alt]')) {
      if (inert(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) if (el.hasAttribute(a)) check(el.getAttribute(a), `@${a}`);
    }
    // The charts' own words (axis names, legends, tooltips' series names).
    if (window.echarts) {
      for (const host of document.querySelectorAll('.chart')) {
        const chart = window.echarts.getInstanceByDom(host.querySelector('div') || host) || window.echarts.getInstanceByDom(host);
        if (!chart) continue;
        const words = [];
        const gather = (v) => (typeof v === 'string' ? words.push(v) : v && typeof v === 'object' && Object.values(v).forEach(gather));
        gather(chart.getOption());
        for (const w of words) check(w, `chart ${host.dataset.testid || ''}`);
      }
    }
    return [...new Set(found)];
  }, [where, await stored(page)]);

test('every page, panel and paper in English shows Chinese only in the plan data', async () => {
  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1440, height: 900 });
  await toEnglish(page);
  const found = [];
  const scan = async (where) => {
    // Every collapsed group of findings open, so their lines are read too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.waitForTimeout(150);
    found.push(...(await chineseLeft(page, where)));
  };
  await tour(page, scan);
  assert.deepEqual(found, []);
  assert.deepEqual(log.pageErrors, []);
});

test('English comes with the worker on first choice, not with the first visit, and a reload reopens in English', async () => {
  const { page, log } = await openApp(env);
  // The Chinese page loads no worker, and its module does not carry the English strings.
  assert.ok(!log.requests.some((u) => /worker/.test(u)), log.requests.join('\n'));
  const wasm = log.requests.find((u) => /shantytown-planner-[0-9a-f]+_bg\.wasm$/.test(u));
  const bytes = await page.evaluate(async (u) => new TextDecoder().decode(await (await fetch(u)).arrayBuffer()), wasm);
  assert.ok(bytes.includes('棚户区改造项目、安置与融资测算'));
  assert.ok(!bytes.includes('Shantytown renovation projects, resettlement and financing'));
  await toEnglish(page);
  assert.ok(log.requests.some((u) => /worker_bg\.wasm/.test(u)));
  assert.equal(await page.textContent('[data-testid="nav-projects"]'), 'Projects');
  await page.reload();
  await page.waitForSelector('html[lang="en"]', { state: 'attached' });
  assert.equal(await page.textContent('[data-testid="nav-projects"]'), 'Projects');
  // Back to Chinese at once (its strings are the page's own), and remembered.
  await page.click('[data-testid="lang-toggle"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(log.pageErrors, []);
});
