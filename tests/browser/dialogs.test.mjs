// One visual language, on a 1366×768 office laptop: the scenario bar's panels and 进度's 排名权重
// are cards aligned with the page, not controls flush to its edge; 资金平衡 and 月度报告 are modal —
// above the KPI strip, the page behind dimmed and inert, focus inside, Esc closes them (and only
// them: the editor under 资金平衡 stays open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, PANELS, useBrowser } from './harness.mjs';

const env = useBrowser();

/// The element's box and the styles that make it a card.
const card = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const widest = Math.max(0, ...[...el.querySelectorAll('input:not([type=checkbox]), select')].map((i) => i.getBoundingClientRect().width));
    return { left: r.left, right: r.right, border: parseFloat(s.borderTopWidth), radius: parseFloat(s.borderTopLeftRadius), widest };
  });

test('the panels are cards aligned with the page at 1366×768', async () => {
  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.click('[data-testid="nav-results"]');
  for (const [button, panel] of PANELS) {
    await page.click(`[data-testid="${button}"]`);
    const box = await card(page.locator(`[data-testid="${panel}"]`));
    assert.ok(box.left >= 16, `${panel} is not flush to the edge: ${JSON.stringify(box)}`);
    assert.ok(box.right <= 1366 - 16, `${panel} leaves a margin on the right: ${JSON.stringify(box)}`);
    assert.ok(box.border >= 1 && box.radius >= 4, `${panel} is a card: ${JSON.stringify(box)}`);
    assert.ok(box.widest <= 360, `${panel}'s fields keep their own width: ${JSON.stringify(box)}`);
  }
  await page.click('[data-testid="nav-progress"]');
  const weights = await card(page.locator('[data-testid="ranking-weights"]'));
  assert.ok(weights.border >= 1 && weights.radius >= 4 && weights.widest <= 360, JSON.stringify(weights));
  assert.deepEqual(log.pageErrors, []);
});

/// What a modal paper guarantees, checked on `paper` (a locator) while it is open.
async function assertModal(page, paper) {
  assert.equal(await paper.getAttribute('aria-modal'), 'true');
  // Focus is inside, the app behind is inert and dimmed.
  assert.ok(await paper.evaluate((el) => el.contains(document.activeElement)), 'focus inside');
  assert.equal(await page.evaluate(() => document.querySelector('.app').inert), true);
  // The page dimmed, the strip included: the backdrop covers the whole viewport, under the paper.
  const dim = await page.evaluate(() => {
    const b = document.querySelector('[data-testid="backdrop"]');
    const r = b.getBoundingClientRect();
    return { w: r.width, h: r.height, bg: getComputedStyle(b).backgroundColor, top: document.elementFromPoint(5, 5) === b };
  });
  assert.deepEqual(dim, { w: 1366, h: 768, bg: 'rgba(16, 24, 40, 0.45)', top: true });
  // Above the KPI strip: the paper's own top edge is what a click there reaches.
  const top = await paper.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 4);
    return el.contains(hit);
  });
  assert.ok(top, 'the strip does not sit over the paper');
}

test('资金平衡 and 月度报告 are modal: above the strip, the page dimmed and inert, Esc closes them', async () => {
  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1366, height: 768 });
  const row = page.locator('[data-testid="project-row"]', { hasText: 'X县西街' });
  // The editor open under it: Esc closes the paper, not the editor.
  await row.locator('[data-testid="edit-project"]').click();
  await page.locator('[data-testid="project-editor"]').waitFor();
  await page.click('[data-testid="project-editor"] [data-testid="open-fund-balance"]');
  const sheet = page.locator('[data-testid="fund-balance"]');
  await sheet.waitFor();
  await assertModal(page, sheet);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="project-editor"]').inert), true);
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid="project-editor"]').count(), 1, 'the editor stays open');
  assert.equal(await page.evaluate(() => document.querySelector('.app').inert), false);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="project-editor"]').waitFor({ state: 'detached' });

  await page.click('[data-testid="nav-progress"]');
  await page.click('[data-testid="progress-report"]');
  const report = page.locator('[data-testid="monthly-report"]');
  await report.waitFor();
  await assertModal(page, report);
  await page.keyboard.press('Escape');
  await report.waitFor({ state: 'detached' });
  assert.deepEqual(log.pageErrors, []);
});

test('the KPI strip is whole at 1366×768, with the editor open too: it wraps, and the list header sits below it', async () => {
  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1366, height: 768 });
  const whole = () =>
    page.evaluate(() => {
      const s = document.querySelector('[data-testid="kpi-strip"]');
      const r = s.getBoundingClientRect();
      const chips = [...s.querySelectorAll('.strip-figure')].map((c) => c.getBoundingClientRect());
      const root = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--strip-h'));
      return {
        sideways: s.scrollWidth > s.clientWidth + 1,
        outside: chips.filter((c) => c.right > r.right + 1 || c.left < r.left - 1).length,
        chips: chips.length,
        height: Math.round(r.height),
        root: Math.round(root),
      };
    });
  for (const editing of [false, true]) {
    if (editing) {
      await page.locator('[data-testid="edit-project"]').first().click();
      await page.locator('[data-testid="project-editor"]').waitFor();
    }
    await page.waitForTimeout(300);
    const w = await whole();
    assert.equal(w.chips, 7);
    assert.deepEqual({ sideways: w.sideways, outside: w.outside }, { sideways: false, outside: 0 }, `editing ${editing}: ${JSON.stringify(w)}`);
    assert.equal(w.root, w.height, `--strip-h follows the strip: ${JSON.stringify(w)}`);
  }
  assert.deepEqual(log.pageErrors, []);
});
