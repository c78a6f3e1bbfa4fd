// Screenshots of every page of the demo plan, as a planner's PC shows them (Chinese fonts
// installed: `bash scripts/setup.sh --test`), into docs/screenshots/. Run after the build:
//   bash scripts/build.sh && node scripts/screenshots.mjs
// Each page is taken with every chart drawn (scrolled through once) at 1440 px wide.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const PAGES = ['projects', 'resettlement', 'financing', 'results', 'compare', 'assumptions', 'risk', 'team', 'report'];
const OUT = 'docs/screenshots';

const server = await serve('dist', 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await mkdir(OUT, { recursive: true });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('[data-testid="app-ready"]', { state: 'attached' });
  for (const [i, id] of PAGES.entries()) {
    await page.click(`[data-testid="nav-${id}"]`);
    await page.waitForFunction((id) => location.hash === `#/${id}`, id);
    // Charts draw when they come near the view: pass over the page once, then back to the top.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((ok) => setTimeout(ok, 60));
      }
      window.scrollTo(0, 0);
    });
    // Past ECharts' first-drawing animation.
    await page.waitForTimeout(1200);
    const file = `${OUT}/${String(i + 1).padStart(2, '0')}-${id}.png`;
    await page.screenshot({ path: file, fullPage: id !== 'projects' });
    console.log(`screenshots: ${file}`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
