// Screenshots of every page of the demo plan, as a planner's PC shows them (Chinese fonts
// installed: `bash scripts/setup.sh --test`), into docs/screenshots/. Run after the build:
//   bash scripts/build.sh && node scripts/screenshots.mjs
// Each page whole at 1440 px wide, every chart drawn (scrolled through once): NN-page.png; and
// each page as a 1366×768 office laptop shows it on opening, the project editor open too:
// 1366-NN-page.png, 1366-editor.png.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

// In the navigation bar's order.
const PAGES = ['projects', 'resettlement', 'financing', 'assumptions', 'results', 'compare', 'risk', 'progress', 'team', 'report'];
const OUT = 'docs/screenshots';

/// Draws every chart of the open page (they draw when near the view) and returns to the top.
async function drawCharts(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((ok) => setTimeout(ok, 60));
    }
    window.scrollTo(0, 0);
  });
  // Past ECharts' first-drawing animation.
  await page.waitForTimeout(1200);
}

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
  const shoot = async (file, options) => {
    await page.screenshot({ path: `${OUT}/${file}`, ...options });
    console.log(`screenshots: ${OUT}/${file}`);
  };
  for (const [i, id] of PAGES.entries()) {
    await page.click(`[data-testid="nav-${id}"]`);
    await page.waitForFunction((id) => location.hash === `#/${id}`, id);
    await drawCharts(page);
    await shoot(`${String(i + 1).padStart(2, '0')}-${id}.png`, { fullPage: !['projects', 'progress'].includes(id) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const [i, id] of PAGES.entries()) {
    await page.click(`[data-testid="nav-${id}"]`);
    await page.waitForFunction((id) => location.hash === `#/${id}`, id);
    await drawCharts(page);
    await shoot(`1366-${String(i + 1).padStart(2, '0')}-${id}.png`);
  }
  await page.click('[data-testid="nav-projects"]');
  await page.locator('[data-testid="edit-project"]').first().click();
  await page.waitForSelector('[data-testid="project-editor"]');
  await page.waitForTimeout(300);
  await shoot('1366-editor.png');
  await context.close();
} finally {
  await browser.close();
  server.close();
}
