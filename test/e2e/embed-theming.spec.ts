// Theming and isolation (issue 9 item 4, docs/theming.md), against the built kiosk at `/`:
// - a host page's hostile global CSS does not change anything inside the kiosk's shadow roots;
// - the host restyles it through `--vk-*` tokens, `::part()`s and the `theme` attribute, and its font stack is
//   inherited; the type and touch targets follow the space the element is given (phone, tablet, lobby screen);
// - the dark and high-contrast themes pass axe (colour contrast included), on the kiosk and on a signed-in desk
//   with its panels rendered.
// Host styles arrive as a same-origin stylesheet (routed by the test), as a portal's own CSS would: the page's
// CSP (style-src 'self') stays on.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deskEn } from '../../src/i18n/desk/en.js';
import { openDesk, signIn } from './desk-helpers.js';
import { openKiosk, startCheckIn } from './helpers.js';

/** What a careless or hostile portal stylesheet does to every element it can reach. */
const HOSTILE_CSS = `
  html { font-size: 40px !important; }
  *, *::before, *::after, :host, ::slotted(*) {
    color: red !important; font-size: 40px !important; line-height: 3 !important; letter-spacing: 5px !important;
    word-spacing: 9px !important; text-transform: uppercase !important; font-weight: 900 !important; font-style: italic !important;
    text-align: right !important; text-indent: 50px !important; text-shadow: 2px 2px lime !important; white-space: pre !important;
    background: lime !important; box-sizing: content-box !important;
  }
  button, h1, input, select, label, p, div, section { color: red !important; display: inline !important; padding: 30px !important; margin: 30px !important; border: 5px dotted red !important; min-height: 0 !important; }
  visitor-kiosk { --vk-unrelated: 1; }
`;

/** Computed styles, through the shadow roots, of the kiosk's elements that a person sees on the current screen. */
function shadowStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const PROPS = ['color', 'font-size', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'font-weight', 'font-style', 'text-align', 'text-indent', 'text-shadow', 'white-space', 'background-color', 'padding-top', 'margin-top', 'border-top-style', 'border-top-width', 'display', 'min-height', 'box-sizing', 'max-width'];
    const out: Record<string, Record<string, string>> = {};
    const walk = (root: ShadowRoot, path: string) => {
      root.querySelectorAll('*').forEach((element, i) => {
        if (element.localName === 'style') return;
        const style = getComputedStyle(element);
        out[`${path} > ${element.localName}#${i}`] = Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)]));
        if (element.shadowRoot) walk(element.shadowRoot, `${path} > ${element.localName}#${i}`);
      });
    };
    const kiosk = document.querySelector('visitor-kiosk');
    if (!kiosk?.shadowRoot) throw new Error('no kiosk shadow root');
    walk(kiosk.shadowRoot, 'visitor-kiosk');
    return out;
  });
}

/** Serves `css` at a same-origin URL and links it from the page, as the portal's own stylesheet. */
async function addHostStylesheet(page: Page, name: string, css: string): Promise<void> {
  await page.route(`**/__host/${name}.css`, (route) => route.fulfill({ contentType: 'text/css', body: css }));
  await page.evaluate(async (href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    document.head.append(link);
    await loaded;
  }, `/__host/${name}.css`);
}

const kioskStyle = (page: Page, selector: string, prop: string) =>
  page.evaluate(
    ([sel, p]) => {
      // `sel` is a path of selectors, one per shadow root: 'vk-welcome >>> button.primary'.
      let root: ParentNode | null | undefined = document.querySelector('visitor-kiosk')?.shadowRoot;
      let element: Element | null = null;
      for (const part of sel!.split(' >>> ')) {
        element = root?.querySelector(part) ?? null;
        root = element?.shadowRoot ?? element;
      }
      if (!element) throw new Error(`no ${sel}`);
      return getComputedStyle(element).getPropertyValue(p!);
    },
    [selector, prop],
  );

test("a host page's hostile global CSS changes nothing inside the kiosk (welcome screen and form)", async ({ page }) => {
  await openKiosk(page);
  const welcome = await shadowStyles(page);
  await startCheckIn(page);
  const form = await shadowStyles(page);
  await page.getByRole('button', { name: 'Back', exact: true }).click();

  await addHostStylesheet(page, 'hostile', HOSTILE_CSS);
  // The stylesheet did apply to the page itself: the test can fail.
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(255, 0, 0)');
  expect(await shadowStyles(page)).toEqual(welcome);
  await startCheckIn(page);
  expect(await shadowStyles(page)).toEqual(form);
});

test('the host restyles the kiosk through tokens, parts and the theme attribute; its font stack is inherited', async ({ page }) => {
  await openKiosk(page);
  const primary = 'vk-welcome >>> button.primary';
  const before = await kioskStyle(page, primary, 'background-color');
  await addHostStylesheet(
    page,
    'brand',
    `body { font-family: "Portal Serif", Georgia, serif; }
     visitor-kiosk { --vk-color-accent: rgb(15, 76, 92); --vk-radius: 2px; }
     visitor-kiosk::part(heading) { text-decoration: underline; }
     visitor-kiosk::part(help-button) { border-style: dashed; }`,
  );
  expect(await kioskStyle(page, primary, 'background-color')).toBe('rgb(15, 76, 92)');
  expect(before).not.toBe('rgb(15, 76, 92)');
  expect(await kioskStyle(page, primary, 'border-top-left-radius')).toBe('2px');
  expect(await kioskStyle(page, 'vk-welcome >>> h1', 'text-decoration-line')).toBe('underline');
  expect(await kioskStyle(page, 'vk-help >>> button.help', 'border-top-style')).toBe('dashed');
  expect(await kioskStyle(page, 'vk-welcome >>> h1', 'font-family')).toContain('Portal Serif');

  // A token wins over the inherited font.
  await page.locator('visitor-kiosk').evaluate((k: HTMLElement) => k.style.setProperty('--vk-font-family', 'Kiosk Sans, sans-serif'));
  expect(await kioskStyle(page, 'vk-welcome >>> h1', 'font-family')).toContain('Kiosk Sans');

  // Themes set tokens on the element; the host's own token still wins over the theme's.
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('theme', 'dark'));
  expect(await kioskStyle(page, 'vk-welcome >>> h1', 'color')).toBe('rgb(238, 241, 244)');
  expect(await kioskStyle(page, primary, 'background-color')).toBe('rgb(15, 76, 92)');
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('theme', 'high-contrast'));
  expect(await kioskStyle(page, 'vk-welcome >>> h1', 'color')).toBe('rgb(255, 255, 255)');
});

test('the desk takes tokens, the theme and its parts from the host too', async ({ page }) => {
  await page.goto('/desk');
  await expect(page.getByLabel('PIN', { exact: true })).toBeVisible();
  const signIn = () =>
    page.evaluate(() => {
      const button = document.querySelector('visitor-desk')?.shadowRoot?.querySelector('vk-pin-signin')?.shadowRoot?.querySelector('button.primary');
      if (!button) throw new Error('no Sign in button');
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, radius: style.borderTopLeftRadius };
    });
  await addHostStylesheet(page, 'desk', `visitor-desk { --vk-color-accent: rgb(15, 76, 92); } visitor-desk::part(primary-button) { border-radius: 1px; }`);
  expect(await signIn()).toEqual({ background: 'rgb(15, 76, 92)', radius: '1px' });
  await page.locator('visitor-desk').evaluate((d) => d.setAttribute('theme', 'high-contrast'));
  expect(await page.locator('visitor-desk').evaluate((d) => getComputedStyle(d).backgroundColor)).toBe('rgb(0, 0, 0)');
});

test("theme='auto' follows the device's dark preference, and forced colours win over any theme", async ({ page }) => {
  await openKiosk(page);
  const heading = () => kioskStyle(page, 'vk-welcome >>> h1', 'color');
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('theme', 'auto'));
  expect(await heading()).toBe('rgb(26, 26, 26)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await heading()).toBe('rgb(238, 241, 244)');
  // Windows High Contrast and the like: the system's colours, whatever the attribute says.
  await page.locator('visitor-kiosk').evaluate((k) => k.setAttribute('theme', 'high-contrast'));
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  // The browser forces the painted colours itself; the tokens follow, so whatever a leaf derives from them
  // (borders, the focus ring) uses the system's colours too.
  const token = (name: string) => page.locator('visitor-kiosk').evaluate((k, n) => getComputedStyle(k).getPropertyValue(n).trim(), name);
  expect(await token('--vk-color-accent')).toBe('ButtonText');
  expect(await token('--vk-focus-ring')).toBe('3px solid Highlight');
  await page.emulateMedia({ forcedColors: 'none' });
  expect(await token('--vk-color-accent')).toBe('#ffff00');
});

test('sizes follow the space given: a phone, a 10-inch tablet, a 27-inch lobby screen', async ({ page }) => {
  const sizes: Record<string, { font: number; target: number }> = {};
  for (const [name, width, height] of [['phone', 390, 844], ['tablet', 1280, 800], ['lobby', 2560, 1440]] as const) {
    await page.setViewportSize({ width, height });
    await openKiosk(page);
    sizes[name] = {
      font: parseFloat(await kioskStyle(page, 'vk-welcome >>> h1', 'font-size')),
      target: parseFloat(await kioskStyle(page, 'vk-welcome >>> button.primary', 'min-height')),
    };
  }
  expect(sizes['phone']!.font).toBeLessThan(sizes['tablet']!.font);
  expect(sizes['tablet']!.font).toBeLessThan(sizes['lobby']!.font);
  expect(sizes['phone']!.target).toBeGreaterThanOrEqual(48);
  expect(sizes['phone']!.target).toBeLessThanOrEqual(sizes['tablet']!.target);
  expect(sizes['tablet']!.target).toBeLessThan(sizes['lobby']!.target);
});

for (const theme of ['dark', 'high-contrast'] as const) {
  test(`the ${theme} theme passes axe, colour contrast included`, async ({ page }) => {
    await openKiosk(page);
    await page.locator('visitor-kiosk').evaluate((k, t) => k.setAttribute('theme', t), theme);
    const welcome = await new AxeBuilder({ page }).analyze();
    expect(welcome.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`)).toEqual([]);
    await startCheckIn(page);
    const form = await new AxeBuilder({ page }).analyze();
    expect(form.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`)).toEqual([]);
  });
}

// The desk's panels (planning, invitations, parcels, reports, the guard's…) load lazily after sign-in and used to
// carry light backgrounds of their own; each one's heading shows it is on screen before axe looks.
const DESK_PANEL_HEADINGS = [deskEn.planning.expectedHeading, deskEn.planning.watchHeading, deskEn.invitations.heading];

for (const theme of ['dark', 'high-contrast'] as const) {
  test(`a signed-in desk with its panels passes axe in the ${theme} theme, colour contrast included`, async ({ page }) => {
    await openDesk(page);
    await page.locator('visitor-desk').evaluate((d, t) => d.setAttribute('theme', t), theme);
    await signIn(page);
    for (const name of DESK_PANEL_HEADINGS) await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    // An expected complaint visit: its row is flagged (the danger surface), which was a fixed light pink.
    const p = deskEn.planning;
    const expected = page.getByRole('region', { name: p.expectedHeading, exact: true });
    await expected.getByLabel(p.unitOrOffice, { exact: true }).fill('12B');
    await expected.getByLabel(p.expectedAt, { exact: true }).fill('23:30');
    await expected.getByRole('button', { name: p.complaintVisit, exact: true }).click();
    await expected.getByLabel(p.makeUp, { exact: true }).fill('5 owners of block 2');
    await expected.getByRole('button', { name: p.add, exact: true }).click();
    await expect(expected.getByRole('listitem').filter({ hasText: '5 owners of block 2' })).toBeVisible();
    const desk = await new AxeBuilder({ page }).analyze();
    expect(desk.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).join(', ')}`)).toEqual([]);
  });
}
