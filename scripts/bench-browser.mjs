// Scripted browser benchmark against the release build in dist/ (build it first):
//   node scripts/bench-browser.mjs [load] [links] [english] [wasm] [freeze] [merge] [progress] [readiness] [edit] [largest]   (all sections when none is named)
// 0. cold load to the demo's first rows (median of 10, cache disabled);
// 1. wasm simulation time of a generated 1,000-project plan over 30 years (median of 5 runs of 20),
//    in full and after a one-project edit (the incremental path the app takes);
//    1,000 risk draws and the optimizer, of the demo and of a generated 1,000-project plan;
// 2. time from an input edit to the KPIs and charts updated, with the demo plan and with a
//    generated 1,000-project plan (median of 25 edits each);
// links: the demo's first rows over throttled lines (CDP Network.emulateNetworkConditions, cache
//    disabled, median of 5): 10 Mbit/s 40 ms and 4 Mbit/s 60 ms from scripts/serve.mjs with its
//    precompressed files, 10 Mbit/s 40 ms from a server that sends no compression, with the bytes
//    that crossed the wire before the first rows, per request; and the one-file app from disk.
// english: the English toggle on the demo, click -> the page in English (its strings come with
//    the worker's module on first choice): on loopback and at 10 Mbit/s 40 ms (median of 5);
// freeze: 求最优方案 on a 1,000-project plan in the page: the main thread's long tasks (over 50 ms,
//    PerformanceObserver) until the answer shows, and the slowest frame meanwhile;
// merge: a colleague's 1,000-project file (500 changes) compared with the open 1,000-project
//    plan: the time to the change list and the main thread's long tasks meanwhile;
// progress: 进度 on the 1,000-project plan with 24 months of actuals: opening the page, a figure
//    typed until the next frame, a county's 1,000-row file imported until the board shows it;
// readiness: 前期手续 on the 1,000-project plan (the demo's steps cycled, up to 15 of the 20 per
//    project): the page opened (click -> two frames), and with money waiting for its gates a
//    loan contract's date typed in the editor until the KPI shows the gated simulation;
// largest: the 5,000 × 36 plan in IndexedDB: opened (reload to first rows), an edit to the KPI,
//    进度 opened, exported, imported back;
// 3. on the 1,000-project plan: switching pages (click -> two frames); with 测算结果 open: applying a lever to all projects (a new scenario)
//    and switching the active scenario, each until the KPIs and the funding chart show it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { start, openApp, FIRST_ROWS_PROBE, writeStored, menuItem } from '../tests/browser/harness.mjs';
import { readFile } from 'node:fs/promises';
import { serve } from './serve.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/// A generated plan (`write_demo` with its arguments: projects, and the month actuals run to)
/// as the JSON document, and as the local storage that opens it.
function generated(...args) {
  const json = execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', ...args], {
    maxBuffer: 64 << 20,
  }).toString();
  return { json, storage: seeded(JSON.parse(json).plan.id, json) };
}

function seeded(id, json) {
  return {
    'shantytown-planner.index': JSON.stringify({ plans: [{ id, name: 'generated' }], last_opened: id }),
    ['shantytown-planner.plan.' + id]: json,
  };
}

/// Milliseconds from `act` (run in the page) to the KPI and the funding chart both changing.
async function untilResults(page, act) {
  return page.evaluate(async (act) => {
    const kpi = document.querySelector('[data-testid="kpi-fiscal-pv"] .kpi-value');
    const chart = window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]'));
    const data = () => JSON.stringify(chart.getOption().series.map((s) => s.data));
    const [k0, d0] = [kpi.textContent, data()];
    // A task yield without setTimeout's 4 ms clamp, so the poll does not round the time up.
    const channel = new MessageChannel();
    const yieldTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const t0 = performance.now();
    new Function(act)();
    // The time is taken before each look, so reading the chart back is not counted.
    for (let k = 0; k < 100000; k++) {
      await yieldTask();
      const t = performance.now();
      if (kpi.textContent !== k0 && data() !== d0) return t - t0;
    }
    return Infinity;
  }, act);
}

/// Five openings of `tab` from 项目清单 (settled first): click -> `ready` in the page -> two
/// animation frames later (the page drawn), in ms.
async function tabOpens(page, tab, ready) {
  const opens = [];
  for (let i = 0; i < 5; i++) {
    opens.push(await page.evaluate(async ([tab, ready]) => {
      document.querySelector('[data-testid="nav-projects"]').click();
      // The list page settled (its rows drawn once it is measured) before the switch back.
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      document.querySelector(`[data-testid="nav-${tab}"]`).click();
      for (let k = 0; k < 2000 && !document.querySelector(ready); k++) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    }, [tab, ready]));
  }
  return opens;
}

/// `value` committed in the input `sel`, to the frame after it: [the time to that frame (which
/// waits for the screen's next refresh), the main thread's work for it: the edit's script (to
/// the next task) plus the frame's rendering (rAF to the task after it), what must fit in one
/// frame], in ms.
async function changeToFrame(page, sel, value) {
  return page.evaluate(async ([sel, v]) => {
    const channel = new MessageChannel();
    const nextTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const input = document.querySelector(sel);
    const t0 = performance.now();
    input.value = String(v);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await nextTask();
    const t1 = performance.now();
    const t2 = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    await new Promise((r) => setTimeout(r, 0));
    const t3 = performance.now();
    return [t3 - t0, (t1 - t0) + (t3 - t2)];
  }, [sel, value]);
}

/// Click on a tab -> two animation frames later (the page drawn), for each page, three rounds.
async function pageSwitches(page) {
  await page.keyboard.press('Escape');
  const tabs = ['projects', 'resettlement', 'financing', 'results', 'compare', 'assumptions'];
  const times = Object.fromEntries(tabs.map((t) => [t, []]));
  for (let round = 0; round < 3; round++) {
    for (const tab of tabs) {
      times[tab].push(
        await page.evaluate(async (id) => {
          const t0 = performance.now();
          document.querySelector(`[data-testid="nav-${id}"]`).click();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t0;
        }, tab),
      );
    }
  }
  const shown = tabs.map((t) => `${t} ${median(times[t]).toFixed(0)}`).join(', ');
  console.log(`page switch with 1,000 projects (click -> two frames, median of 3, ms): ${shown}`);
}

async function scenarioBench(page) {
  await page.click('[data-testid="nav-results"]');
  // Charts are drawn when they come near the view.
  await page.locator('[data-testid="chart-fiscal"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-fiscal"]')));
  await page.click('[data-testid="lever-open"]');
  const levers = [];
  for (let i = 0; i < 7; i++) {
    // From the base each lever makes a scenario of its own.
    await page.locator('[data-testid="scenario-tab"]').first().click();
    await page.waitForTimeout(50);
    await page.selectOption('[data-testid="lever-scope"]', 'all');
    await page.selectOption('[data-testid="lever-kind"]', 'monetized_min');
    await page.fill('[data-testid="lever-value"]', String(60 + i));
    levers.push(await untilResults(page, `document.querySelector('[data-testid="lever-apply"]').click()`));
  }
  console.log(`lever on all 1,000 projects -> numbers and chart updated: median ${median(levers).toFixed(1)} ms over ${levers.length} (max ${Math.max(...levers).toFixed(1)})`);
  const switches = [];
  for (let i = 0; i < 15; i++) {
    const tab = i % 2 ? 0 : 1 + (i % 7);
    switches.push(await untilResults(page, `document.querySelectorAll('[data-testid="scenario-tab"]')[${tab}].click()`));
  }
  console.log(`switch active scenario (1,000 projects) -> numbers and chart updated: median ${median(switches).toFixed(1)} ms over ${switches.length} (max ${Math.max(...switches).toFixed(1)})`);
}

/// Cold loads of the demo (a fresh context, cache disabled): ms from navigation to the first
/// project row in the DOM, recorded in the page by a MutationObserver against its time origin.
async function coldLoads(env, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const context = await env.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(FIRST_ROWS_PROBE);
    await page.goto(env.origin + '/');
    await page.waitForFunction(() => window.__firstRows !== undefined);
    times.push(await page.evaluate(() => window.__firstRows.ms));
    await context.close();
  }
  return times;
}

/// First rows of the demo at `url` over a line of `mbit` Mbit/s and `latency` ms (cache
/// disabled), `n` times: the median and the bytes of the median run.
async function throttledFirstRows(browser, url, { mbit, latency }, n = 5) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytesPerSecond = (mbit * 1e6) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
    await page.addInitScript(FIRST_ROWS_PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstRows !== undefined, null, { timeout: 60_000 });
    runs.push(await page.evaluate(() => window.__firstRows));
    await context.close();
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

function reportLink(label, run) {
  const total = run.requests.reduce((t, [, b]) => t + b, 0);
  const each = run.requests.map(([name, b]) => `${name} ${(b / 1024).toFixed(0)} KiB`).join(', ');
  console.log(`${label}: first rows ${(run.ms / 1000).toFixed(2)} s (median of 5), ${(total / 1024).toFixed(0)} KiB before them (${each})`);
}

// Sections to run (all by default): `node scripts/bench-browser.mjs edit` runs only the edits.
const only = process.argv.slice(2);
const want = (section) => only.length === 0 || only.includes(section);

const env = await start();
try {
  // --- first visit: the demo's rows
  if (want('load')) {
    const loads = await coldLoads(env, 10);
    console.log(`cold load to first rows (demo, cache disabled): median ${median(loads).toFixed(0)} ms over ${loads.length} (max ${Math.max(...loads).toFixed(0)})`);
  }

  // --- over office lines
  if (want('links')) {
    const plain = await serve('dist', 0, { compress: false });
    const plainOrigin = `http://127.0.0.1:${plain.address().port}`;
    try {
      reportLink('10 Mbit/s 40 ms, compressed', await throttledFirstRows(env.browser, env.origin + '/', { mbit: 10, latency: 40 }));
      reportLink('4 Mbit/s 60 ms, compressed', await throttledFirstRows(env.browser, env.origin + '/', { mbit: 4, latency: 60 }));
      reportLink('10 Mbit/s 40 ms, no compression', await throttledFirstRows(env.browser, plainOrigin + '/', { mbit: 10, latency: 40 }));
    } finally {
      plain.close();
    }
    const file = 'file://' + resolve('dist/shantytown-planner.html');
    const fromDisk = [];
    for (let i = 0; i < 5; i++) {
      const context = await env.browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await page.addInitScript(FIRST_ROWS_PROBE);
      await page.goto(file);
      await page.waitForFunction(() => window.__firstRows !== undefined);
      fromDisk.push(await page.evaluate(() => window.__firstRows.ms));
      await context.close();
    }
    console.log(`one-file app from disk: first rows median ${median(fromDisk).toFixed(0)} ms over 5 (max ${Math.max(...fromDisk).toFixed(0)})`);
  }

  // --- simulation in wasm
  if (want('english')) {
    for (const line of [null, { mbit: 10, latency: 40 }]) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const context = await env.browser.newContext({ locale: 'zh-CN' });
        const page = await context.newPage();
        if (line) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          const bytesPerSecond = (line.mbit * 1e6) / 8;
          await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: line.latency, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
        }
        await page.goto(env.origin + '/');
        await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached', timeout: 60_000 });
        const t0 = Date.now();
        await page.click('[data-testid="lang-toggle"]');
        await page.waitForSelector('html[lang="en"]', { state: 'attached', timeout: 60_000 });
        times.push(Date.now() - t0);
        await context.close();
      }
      console.log(`English toggle to the page in English (${line ? `${line.mbit} Mbit/s ${line.latency} ms` : 'loopback'}): median ${median(times).toFixed(0)} ms (${times.join(', ')})`);
    }
  }

  if (want('wasm')) {
    const { page, context } = await openApp(env);
    const runs = [];
    for (let i = 0; i < 5; i++) {
      runs.push(await page.evaluate(() => window.wasmBindings.bench_simulate(1000, 20)));
    }
    console.log(`wasm simulate, 1,000 projects x 30 years: median ${median(runs).toFixed(2)} ms (runs: ${runs.map((r) => r.toFixed(2)).join(', ')})`);
    const edits = [];
    for (let i = 0; i < 5; i++) {
      edits.push(await page.evaluate(() => window.wasmBindings.bench_simulate_edit(1000, 50)));
    }
    console.log(`wasm simulate after a one-project edit (incremental, as the app does), 1,000 projects: median ${median(edits).toFixed(2)} ms (runs: ${edits.map((r) => r.toFixed(2)).join(', ')})`);
    // The risk draws and the optimizer live in the worker's module: loaded here on the page's
    // own thread, so their times are the work alone (the app runs them in the worker).
    await page.addScriptTag({ url: '/worker.js' });
    await page.evaluate(() => wasm_bindgen({ module_or_path: '/worker_bg.wasm' }));
    const demoRisk = [];
    for (let i = 0; i < 5; i++) demoRisk.push(await page.evaluate(() => wasm_bindgen.bench_risk(0, 1000)));
    console.log(`wasm risk, 1,000 draws of the demo: median ${median(demoRisk).toFixed(1)} ms (runs: ${demoRisk.map((r) => r.toFixed(1)).join(', ')})`);
    const bigRisk = await page.evaluate(() => wasm_bindgen.bench_risk(1000, 1000));
    console.log(`wasm risk, 1,000 draws of a 1,000-project plan: ${(bigRisk / 1000).toFixed(2)} s`);
    const demoOpt = [];
    for (let i = 0; i < 5; i++) demoOpt.push(await page.evaluate(() => wasm_bindgen.bench_optimize(0)));
    console.log(`wasm optimize, the demo: median ${median(demoOpt).toFixed(1)} ms (runs: ${demoOpt.map((r) => r.toFixed(1)).join(', ')})`);
    const bigOpt = await page.evaluate(() => wasm_bindgen.bench_optimize(1000));
    console.log(`wasm optimize, a 1,000-project plan: ${(bigOpt / 1000).toFixed(2)} s`);
    await context.close();
  }

  // --- the page while the optimizer runs on 1,000 projects: main-thread long tasks
  if (want('freeze')) {
    const big = generated('1000');
    const { page, context } = await openApp(env, {
      storage: big.storage,
    });
    const run = await page.evaluate(async () => {
      const tasks = [];
      const t0 = performance.now();
      const observer = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => ({ at: e.startTime - t0, ms: e.duration }))));
      observer.observe({ type: 'longtask' });
      document.querySelector('[data-testid="optimize"]').click();
      // The page answers meanwhile: a frame is asked for every 50 ms and its delay kept.
      const frames = [];
      while (!document.querySelector('[data-testid="optimize-result"]')) {
        const asked = performance.now();
        await new Promise((r) => requestAnimationFrame(r));
        frames.push(performance.now() - asked);
        await new Promise((r) => setTimeout(r, 50));
      }
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return { ms, tasks, worstFrame: Math.max(...frames) };
    });
    const worst = run.tasks.length ? Math.max(...run.tasks.map((t) => t.ms)) : 0;
    const each = run.tasks.map((t) => `${t.ms.toFixed(0)} ms at ${t.at.toFixed(0)} ms`).join(', ');
    console.log(`optimizer on 1,000 projects in the page: ${(run.ms / 1000).toFixed(2)} s to the answer; main-thread long tasks (over 50 ms): ${run.tasks.length}, longest ${worst.toFixed(0)} ms (${each}); slowest frame while it ran ${run.worstFrame.toFixed(0)} ms`);
    await context.close();
  }

  // --- a colleague's 1,000-project file compared with the open 1,000-project plan
  if (want('merge')) {
    const big = generated('1000');
    const theirs = JSON.parse(big.json);
    theirs.plan.projects.forEach((p, i) => { if (i % 2 === 0) p.households += 1; });
    const { page, context } = await openApp(env, {
      storage: big.storage,
    });
    await page.click('[data-testid="nav-team"]');
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      window.__t0 = performance.now();
    });
    await page.setInputFiles('[data-testid="merge-plan"]', { name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
    await page.locator('[data-testid="merge-panel"]').waitFor({ timeout: 60000 });
    const run = await page.evaluate(async () => {
      const ms = performance.now() - window.__t0;
      await new Promise((r) => setTimeout(r, 200));
      return { ms, tasks: window.__tasks };
    });
    console.log(`compare a 1,000-project file with 500 changes: ${run.ms.toFixed(0)} ms to the change list; main-thread long tasks: ${run.tasks.map((t) => t.toFixed(0)).join(', ') || 'none'}`);
    await context.close();
  }

  // --- 前期手续 on 1,000 projects: the board opened; a date typed until the gated KPI shows it
  if (want('readiness')) {
    const big = generated('1000');
    const { page, context } = await openApp(env, { storage: big.storage, now: '2026-12-07T10:00:00' });
    const opens = await tabOpens(page, 'readiness', '[data-testid="readiness-row"]');
    const rows = await page.locator('[data-testid="readiness-row"]').count();
    console.log(`前期手续 on 1,000 projects: opened in ${median(opens).toFixed(0)} ms (median of 5: ${opens.map((t) => t.toFixed(0)).join(', ')}), ${rows} rows drawn`);
    // Money waiting for its gates (a new scenario), then 黄沙桥片区-1's loan contract moved.
    await page.selectOption('[data-testid="gated-choice"]', 'planned');
    await page.click('[data-testid="nav-projects"]');
    await page.locator('[data-testid="project-row"]').first().locator('[data-testid="edit-project"]').click();
    const field = '[data-testid="ms-loan_contract-planned"]';
    await page.locator(field).scrollIntoViewIfNeeded();
    // The edit's work (the gated view simulated again, the strip and list redrawn) and the
    // frame's rendering: what must fit in a frame.
    const times = [];
    for (let i = 0; i < 10; i++) {
      times.push((await changeToFrame(page, field, `2027-0${4 + (i % 2)}-15`))[1]);
    }
    console.log(`a loan contract's date typed, gated scenario, 1,000 projects: ${median(times).toFixed(1)} ms of main-thread work to the frame (median of 10: ${times.map((t) => t.toFixed(1)).join(', ')})`);
    await context.close();
  }

  // --- 进度 on 1,000 projects with two years of actuals: the page opened, a figure typed until
  // the next frame, and a county's 1,000-row file imported until the board shows it
  if (want('progress')) {
    const big = generated('1000', '2028-12');
    const { page, context } = await openApp(env, { storage: big.storage });
    const opens = await tabOpens(page, 'progress', '[data-testid="progress-grid"]');
    // The grid, far down the page, draws its rows when it is scrolled to.
    const scrolled = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector('[data-testid="progress-grid"]').scrollIntoView();
      for (let k = 0; k < 2000 && !document.querySelector('[data-testid="progress-row"]'); k++) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    });
    const rows = await page.locator('[data-testid="progress-row"]').count();
    // June 2027: the first project's investment has room between May's and July's figures.
    const month = '2027-06';
    await page.fill('[data-testid="progress-month"]', month);
    await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
    const first = '[data-testid="progress-row"] [data-testid="progress-invested"]';
    await page.waitForFunction((m) => document.querySelector('[data-testid="progress-month"]').value === m, month);
    await page.evaluate(() => document.querySelector('[data-testid="progress-grid"]').scrollIntoView());
    await page.waitForSelector('[data-testid="progress-row"]');
    // Fifteen figures committed, each to the frame after it (the ranking, the summary and the
    // row redrawn).
    const typeFigures = async () => {
      const invested = Number((await page.inputValue(first)).replace(/,/g, ''));
      const times = [];
      const works = [];
      for (let i = 0; i < 15; i++) {
        const [total, work] = await changeToFrame(page, first, invested + 1 + i);
        times.push(total);
        works.push(work);
      }
      return [times, works];
    };
    const [times, works] = await typeFigures();
    // The same with the forecast scenario made (the base shown): each figure also makes the
    // scenario again from the actuals, in the same step.
    await page.click('[data-testid="forecast"]');
    await page.locator('[data-testid="scenario-tab"]').first().click();
    await page.evaluate(() => document.querySelector('[data-testid="progress-grid"]').scrollIntoView());
    await page.waitForSelector('[data-testid="progress-row"]');
    const [withForecast, withForecastWork] = await typeFigures();
    const refused = await page.locator('[data-testid="progress-error"]').count();
    console.log(`进度, 1,000 projects with 24 months of actuals (${rows} rows, ${month}): page opened in median ${median(opens).toFixed(0)} ms over 5 (max ${Math.max(...opens).toFixed(0)}); scrolled to the grid, its rows drawn in ${scrolled.toFixed(0)} ms; a figure typed -> the next frame: median ${median(times).toFixed(1)} ms over 15 (max ${Math.max(...times).toFixed(1)}), of which main-thread work (script + rendering) median ${median(works).toFixed(1)} ms (max ${Math.max(...works).toFixed(1)}); with the forecast scenario kept in step: median ${median(withForecast).toFixed(1)} ms (max ${Math.max(...withForecast).toFixed(1)}), work ${median(withForecastWork).toFixed(1)} ms${refused ? ' [REFUSED]' : ''}`);
    await context.close();

    // A county with all 1,000 projects sends June 2027: every row's investment one more (each
    // has room below July's figure or its plan).
    const county = JSON.parse(big.json);
    county.plan.id = 'county-1000';
    for (const p of county.plan.projects) Object.assign(p, { district: 'X县', central_city: false });
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const planFile = join(dir, 'county.json');
    writeFileSync(planFile, JSON.stringify(county));
    const file = execFileSync('cargo', ['run', '-q', '--release', '--example', 'county_progress', '--', planFile, 'X县', '2027-06', '*:invested=+1'], { maxBuffer: 64 << 20 });
    const imported = [];
    for (let i = 0; i < 3; i++) {
      const { page } = await openApp(env, { storage: seeded('county-1000', JSON.stringify(county)) });
      await page.click('[data-testid="nav-progress"]');
      await page.fill('[data-testid="progress-month"]', '2027-06');
      await page.locator('[data-testid="progress-month"]').dispatchEvent('change');
      await page.evaluate(() => {
        const input = document.querySelector('[data-testid="import-progress"]');
        input.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true });
        const row = () => document.querySelector('[data-testid="board-row"][data-district="X县"] [data-testid="board-status"]');
        new MutationObserver((_, o) => {
          if (/已报送|逾期报送/.test(row()?.textContent)) { window.__t1 = performance.now(); o.disconnect(); }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.setInputFiles('[data-testid="import-progress"]', { name: 'county.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      await page.waitForFunction(() => window.__t1 || document.querySelector('[data-testid="import-error"]'), null, { timeout: 60000 });
      const error = await page.locator('[data-testid="import-error"]').count();
      if (error) throw new Error(await page.textContent('[data-testid="import-error"]'));
      imported.push(await page.evaluate(() => window.__t1 - window.__t0));
      await page.context().close();
    }
    console.log(`a county's 1,000-row progress file (${(file.length / 1024).toFixed(0)} KiB) -> the board shows it: median ${median(imported).toFixed(0)} ms over 3 (first ${imported[0].toFixed(0)}, with the worker loading)`);
  }

  // --- edit -> KPIs and charts updated, page switches, scenarios
  if (want('edit')) {
  const big = generated('1000');
  for (const [label, storage] of [
    ['demo plan (32 projects)', null],
    ['generated plan (1,000 projects)', big.storage],
  ]) {
    const { page, context } = await openApp(env, { storage });
    // 安置方式 shows the monetized chart, the rates table and the editor together.
    await page.click('[data-testid="nav-resettlement"]');
    await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-monetized"]')));
    await page.locator('[data-testid="resettlement-table"] [data-testid="edit-project"]').first().click();
    await page.waitForSelector('[data-testid="mix-cash"]');
    const times = [];
    for (let i = 0; i < 25; i++) {
      const value = String(i % 2 ? 40 : 20);
      const ms = await page.evaluate(async (v) => {
        const input = document.querySelector('[data-testid="mix-cash"]');
        const rates = document.querySelector('[data-testid="rates-table"]');
        const chart = window.echarts?.getInstanceByDom(document.querySelector('[data-testid="chart-monetized"]'));
        const data = () => JSON.stringify(chart.getOption().series[0].data);
        const [rates0, data0] = [rates.textContent, data()];
        // A task yield without setTimeout's 4 ms clamp, so the poll does not round the time up.
        const channel = new MessageChannel();
        const yieldTask = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
        const t0 = performance.now();
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Done when both the numbers and the chart's data show the edit.
        // The time is taken before each look, so reading the chart back is not counted.
        for (let k = 0; k < 10000; k++) {
          await yieldTask();
          const t = performance.now();
          if (rates.textContent !== rates0 && data() !== data0) {
            // And until the frame that shows it is painted: the next animation frame (where
            // ECharts draws) and the task after it.
            await new Promise((r) => requestAnimationFrame(() => r()));
            await yieldTask();
            return [t - t0, performance.now() - t0];
          }
        }
        return [Infinity, Infinity];
      }, value);
      times.push(ms);
    }
    const [updated, painted] = [times.map((t) => t[0]), times.map((t) => t[1])];
    console.log(`edit -> numbers and chart updated, ${label}: median ${median(updated).toFixed(1)} ms over ${times.length} edits (max ${Math.max(...updated).toFixed(1)}); to the frame painted: median ${median(painted).toFixed(1)} ms (max ${Math.max(...painted).toFixed(1)})`);
    if (storage) {
      await pageSwitches(page);
      await scenarioBench(page);
    }
    await context.close();
  }
  }

  // --- the largest supported plan (5,000 projects × 36 months of actuals, 14 MB), in IndexedDB
  if (want('largest')) {
    const json = execFileSync('cargo', ['run', '-q', '--release', '--example', 'write_demo', '--', 'largest'], { maxBuffer: 64 << 20 }).toString();
    const { page, context } = await openApp(env);
    await writeStored(page, {
      'shantytown-planner.index': JSON.stringify({ plans: [{ id: 'largest', name: 'largest' }], last_opened: 'largest' }),
      'shantytown-planner.plan.largest': json,
    });
    const opens = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.reload();
      await page.waitForSelector('[data-testid="project-row"]', { timeout: 120_000 });
      opens.push(Date.now() - t0);
    }
    // An edit: one project's area, until the list's total investment shows it.
    const edits = [];
    await page.locator('[data-testid="project-row"]').first().locator('[data-testid="edit-project"]').click();
    for (let i = 0; i < 5; i++) {
      const before = await page.textContent('[data-testid="total-investment"]');
      const t0 = Date.now();
      await page.fill('[data-testid="edit-area"]', String(90000 + i * 1000));
      await page.waitForFunction((b) => document.querySelector('[data-testid="total-investment"]').textContent !== b, before, { timeout: 60_000 });
      edits.push(Date.now() - t0);
    }
    await page.keyboard.press('Escape');
    const t1 = Date.now();
    await page.click('[data-testid="nav-progress"]');
    await page.waitForSelector('[data-testid="progress-grid"]', { timeout: 60_000 });
    const progress = Date.now() - t1;
    const t2 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menuItem(page, 'export-plan')]);
    const exported = await readFile(await download.path());
    const exportMs = Date.now() - t2;
    const t3 = Date.now();
    await page.setInputFiles('[data-testid="import-plan"]', { name: 'back.json', mimeType: 'application/json', buffer: exported });
    await page.click('[data-testid="import-keep-both"]', { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-list"] [role=menuitemradio]').length === 2, null, { timeout: 120_000 });
    const importMs = Date.now() - t3;
    console.log(`largest plan (5,000 × 36, ${(exported.length / 1048576).toFixed(1)} MB exported): open to first rows median ${median(opens)} ms (of ${opens.length}); edit to the total median ${median(edits)} ms (of ${edits.length}); 进度 opened ${progress} ms; export ${exportMs} ms; import back (keep both) ${importMs} ms`);
    await context.close();
  }
} finally {
  await env.close();
}
