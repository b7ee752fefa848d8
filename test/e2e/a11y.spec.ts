// Every screen of the kiosk, as a whole page at `/`, passes axe-core's default rules — best practices
// included (document title, one main landmark, a level-one heading) — in all three locales.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { forEachScreen, openKiosk, type E2eLocale } from './helpers.js';

/** A readable summary of axe's violations: rule, impact, help and the offending nodes. */
async function violations(page: Page): Promise<string[]> {
  // Defaults on purpose: no rule disabled, no tag filter, so best-practice rules run too.
  const results = await new AxeBuilder({ page }).options({}).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((node) => node.target.join(' >>> ')).join(', ')}`,
  );
}

for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const satisfies readonly E2eLocale[]) {
  test(`every screen is axe-clean in ${locale}`, async ({ page }) => {
    const found: Record<string, string[]> = {};
    await forEachScreen(page, locale, async (screen) => {
      const v = await violations(page);
      if (v.length > 0) found[screen] = v;
    });
    // All screens first, then one assertion: a report lists every screen's problems at once.
    expect(found).toEqual({});
  });
}

test('the check can fail: axe finds an unlabelled field inside the kiosk shadow root', async ({ page }) => {
  await openKiosk(page);
  await page.evaluate(() => {
    const root = document.querySelector('visitor-kiosk')?.shadowRoot;
    if (!root) throw new Error('no open shadow root on <visitor-kiosk>');
    root.append(document.createElement('input'));
  });
  expect((await violations(page)).some((v) => v.startsWith('label '))).toBe(true);
});
