// Shared browser-test harness: serves dist/ on 127.0.0.1, drives Debian's headless Chromium with
// playwright-core, and records every request, console error and page error of each page.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function start() {
  const server = await serve('dist', 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/// The served app and the browser for one test file: started before its tests, closed after
/// them; the returned object holds `origin`, `browser` and `close` once the tests run.
export function useBrowser() {
  const env = {};
  before(async () => {
    Object.assign(env, await start());
  });
  after(async () => {
    await env.close?.();
  });
  return env;
}

/// Every page's id (its `nav-…` test id and `#/…` hash), in the navigation bar's order.
export const PAGES = ['projects', 'resettlement', 'housing', 'financing', 'assumptions', 'results', 'compare', 'risk', 'progress', 'readiness', 'assessment', 'team', 'report'];

/// The scenario bar's panels: the button that opens (and closes) each, and the panel.
export const PANELS = [
  ['lever-open', 'lever-panel'],
  ['goal-seek', 'goal-seek-panel'],
  ['optimize', 'optimize-panel'],
];

/// Walks the app as a planner shows it to a newcomer — every page, the editor open over the
/// three pages that list projects, 资金平衡, each panel, 月度报告 — calling `visit(where)` at
/// each stop, and leaves it on 进度.
export async function tour(page, visit) {
  for (const id of PAGES) {
    await page.click(`[data-testid="nav-${id}"]`);
    await page.locator('main').waitFor();
    await visit(id);
  }
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="project-row"]').first().locator('[data-testid="edit-project"]').click();
  await page.locator('[data-testid="project-editor"]').waitFor();
  for (const id of ['projects', 'resettlement', 'financing']) {
    await page.click(`[data-testid="nav-${id}"]`);
    await visit(`${id} with the editor open`);
  }
  await page.click('[data-testid="project-editor"] [data-testid="open-fund-balance"]');
  await page.locator('[data-testid="fund-balance"]').waitFor();
  await visit('资金平衡');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="project-editor"]').waitFor({ state: 'detached' });
  await page.click('[data-testid="nav-results"]');
  for (const [button, panel] of PANELS) {
    await page.click(`[data-testid="${button}"]`);
    await page.locator(`[data-testid="${panel}"]`).waitFor();
    await visit(panel);
    await page.click(`[data-testid="${button}"]`);
  }
  await page.click('[data-testid="nav-progress"]');
  await page.click('[data-testid="progress-report"]');
  await page.locator('[data-testid="monthly-report"]').waitFor();
  await visit('月度报告');
  await page.keyboard.press('Escape');
  await page.click('[data-testid="nav-assessment"]');
  await page.click('[data-testid="assess-paper"]');
  await page.locator('[data-testid="assessment-paper"]').waitFor();
  await visit('考核通报');
  await page.keyboard.press('Escape');
}

/// Opens the app in a fresh context (empty storage unless `storage` seeds it, `quota` bytes at
/// most when given — in localStorage,
/// where the app kept plans before IndexedDB, so every seeded test also moves them; `now`, a
/// time such as '2027-05-03T09:00:00', fixes the page's clock there, its timers running).
export async function openApp(env, { storage = null, path = '/', now = null, quota = null } = {}) {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // The bytes the origin may keep (Chromium's own quota, through the DevTools protocol; it
  // holds only when set before the origin first uses storage): writes beyond it are refused.
  if (quota) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.origin, quotaSize: quota });
  }
  if (now) await page.clock.setFixedTime(new Date(now));
  const log = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  if (storage) {
    await context.addInitScript((entries) => {
      if (!sessionStorage.getItem('__seeded')) {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        sessionStorage.setItem('__seeded', '1');
      }
    }, storage);
  }
  await page.goto(env.origin + path);
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  return { page, context, log };
}

/// The app's stored library — IndexedDB `shantytown-planner`, object store `library`, one
/// entry per key as localStorage held them before — as an object with its keys sorted.
export const stored = (page) =>
  page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('shantytown-planner');
        // Never create the database here: that is the app's to do.
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => ok({});
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('library');
          const keys = tx.objectStore('library').getAllKeys();
          const values = tx.objectStore('library').getAll();
          tx.oncomplete = () => {
            db.close();
            const pairs = keys.result.map((k, i) => [k, values.result[i]]);
            ok(Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : 1))));
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );

/// One stored entry (`null` when absent).
export const storedItem = async (page, key) => (await stored(page))[key] ?? null;

/// The key of the plan opened last, and its stored document (parsed).
export const currentKey = async (page) =>
  'shantytown-planner.plan.' + JSON.parse(await storedItem(page, 'shantytown-planner.index')).last_opened;
export const storedDoc = async (page) => JSON.parse(await storedItem(page, await currentKey(page)));

/// Writes entries into the stored library as another program would (`null` removes one); the
/// app sees them when it next reads storage (a reload).
export const writeStored = (page, entries) =>
  page.evaluate(
    (entries) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('shantytown-planner');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('library', 'readwrite');
          for (const [k, v] of Object.entries(entries)) {
            if (v === null) tx.objectStore('library').delete(k);
            else tx.objectStore('library').put(v, k);
          }
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    entries,
  );

/// Types `value` into the field with this test id and leaves it, as a planner commits a value.
export async function setField(page, testid, value) {
  const input = page.locator(`[data-testid="${testid}"]`);
  await input.fill(String(value));
  await input.blur();
}

/// The scenario tabs, and the active one.
export const scenarioTabs = (page) => page.locator('[data-testid="scenario-tab"]');
export const activeScenarioTab = (page) => page.locator('[data-testid="scenario-tab"][aria-selected="true"]');

/// Switches the page to English as a planner does (the toggle), and waits until it shows: the
/// English strings come from the worker's module the first time.
export async function toEnglish(page) {
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForSelector('html[lang="en"]', { state: 'attached' });
}

/// Clicks a menu item (方案, 文件 menus) as a planner does: opens its menu first when it is closed.
export async function menuItem(page, testid) {
  const item = page.locator(`[data-testid="${testid}"]`);
  if (!(await item.isVisible())) {
    const menu = await item.evaluate((el) => el.closest('[data-menu]').dataset.menu);
    await page.click(`[data-testid="${menu}"]`);
  }
  await item.click();
}

/// axe-core (npm, pinned in package-lock.json) over the page as it is now, WCAG 2 A and AA; the
/// script is injected from node_modules, so the page still makes no request of its own.
export async function axeViolations(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
}

/// An init script: from the start of the page, records in `window.__firstRows` the time of the
/// first project row (`ms`, against the page's time origin) and what had crossed the wire by then
/// (`requests`: the document and each finished resource with its transfer size, as sent).
export const FIRST_ROWS_PROBE = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="project-row"]')) return;
    observer.disconnect();
    const now = performance.now();
    const done = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter(
      (e) => e.responseEnd > 0 && e.responseEnd <= now,
    );
    window.__firstRows = { ms: now, requests: done.map((e) => [e.name.split('/').pop() || '/', e.transferSize]) };
  }).observe(document, { childList: true, subtree: true });
};
