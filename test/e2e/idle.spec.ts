// Idle reset: nothing of the last visitor may remain — not in the DOM, the shadow roots, the inputs, the
// element's memory or the browser's autofill — and the *next* visitor is offered none of it.
import { expect, test, type Page } from '@playwright/test';
import { NAMES, chooseLanguage, openKiosk, radioGroup, reviewHeading, startCheckIn, welcomeCheckIn } from './helpers.js';

/** idle-timeout for the reset test: short, so the test waits seconds, not a minute (honoured down to 1 s). */
const IDLE_SECONDS = 3;

/**
 * Ten sentinels, each with a token found nowhere else, so a hit anywhere means a leak. The two phone
 * numbers are searched as bare digits in text stripped of spaces and dashes, however they are formatted.
 */
const SENTINELS = {
  name1: 'Xylophonia Qzsentone',
  org1: 'Quokkafirm Qzsenttwo',
  host1: 'Qzsentthree 88',
  phone1: '6543 2109',
  name2: 'Wombatina Qzsentfive',
  org2: 'Narwhalco Qzsentsix',
  host2: 'Qzsentseven 77',
  phone2: '9876 5432',
  name3: 'Ocelotta Qzsentnine',
  org3: 'Pangolin Qzsentten',
} as const;

/** What to look for: a unique token per sentinel (case-insensitive), digits for the phones. */
const NEEDLES: { label: string; token: string }[] = Object.entries(SENTINELS).map(([label, value]) => ({
  label,
  token: label.startsWith('phone') ? value.replace(/\D/g, '') : (value.split(' ').find((w) => w.startsWith('Qzsent')) ?? value),
}));

/** Everything of the page a later visitor or a host script could reach, as strings. */
interface Residue {
  html: string[];
  values: string[];
  props: string[];
  storage: string[];
}

/**
 * Collects the page's residue: `documentElement.outerHTML` and every shadow root's innerHTML (recursively),
 * every form control's live `.value`, and a deep walk of the own enumerable properties of `<visitor-kiosk>`,
 * of every element and shadow root under it, and of the page's non-standard globals (Maps, Sets, arrays,
 * objects, and detached DOM nodes — a cached, hidden form would show up here).
 */
async function collectResidue(page: Page): Promise<Residue> {
  return page.evaluate(() => {
    const html: string[] = [document.documentElement.outerHTML];
    const values: string[] = [];
    const props: string[] = [];
    // Reading markup, never writing it: the lint rule against innerHTML guards rendering, not inspection.
    // eslint-disable-next-line no-restricted-syntax
    const markupOf = (root: ShadowRoot) => root.innerHTML;
    const MAX_DEPTH = 10;
    let budget = 200_000;

    const allElements = (root: Document | ShadowRoot | Element): Element[] => {
      const out: Element[] = [];
      const walk = (node: Document | ShadowRoot | Element) => {
        for (const el of Array.from(node.querySelectorAll('*'))) {
          out.push(el);
          if (el.shadowRoot) {
            html.push(markupOf(el.shadowRoot));
            walk(el.shadowRoot);
          }
        }
      };
      if (root instanceof Element) {
        out.push(root);
        if (root.shadowRoot) {
          html.push(markupOf(root.shadowRoot));
          walk(root.shadowRoot);
        }
      }
      walk(root);
      return out;
    };

    const seen = new WeakSet<object>();
    const dumpDetached = (node: Node) => {
      if (node instanceof Element) {
        html.push(node.outerHTML);
        for (const el of allElements(node)) {
          if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) values.push(el.value);
        }
      } else if (node instanceof ShadowRoot || node instanceof DocumentFragment) {
        for (const child of Array.from(node.childNodes)) dumpDetached(child);
      } else if (node.textContent) {
        html.push(node.textContent);
      }
    };
    const walkValue = (value: unknown, depth: number): void => {
      if (budget-- <= 0 || depth > MAX_DEPTH || value === null || value === undefined) return;
      if (typeof value === 'string') {
        props.push(value);
        return;
      }
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        props.push(String(value));
        return;
      }
      if (typeof value !== 'object') return;
      if (seen.has(value)) return;
      seen.add(value);
      if (value instanceof Node) {
        if (!value.isConnected) dumpDetached(value);
        walkOwn(value, depth);
        return;
      }
      if (value instanceof Map) {
        for (const [k, v] of value) {
          walkValue(k, depth + 1);
          walkValue(v, depth + 1);
        }
        return;
      }
      if (value instanceof Set) {
        for (const v of value) walkValue(v, depth + 1);
        return;
      }
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
      walkOwn(value, depth);
    };
    const walkOwn = (obj: object, depth: number) => {
      for (const key of Object.keys(obj)) {
        let v: unknown;
        try {
          v = (obj as Record<string, unknown>)[key];
        } catch {
          continue;
        }
        walkValue(v, depth + 1);
      }
    };

    const kiosk = document.querySelector('visitor-kiosk');
    if (!kiosk) throw new Error('no <visitor-kiosk> in the page');
    const tree = allElements(document);
    for (const el of tree) {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) values.push(el.value);
    }
    walkValue(kiosk, 0);
    for (const el of tree) {
      walkValue(el, 0);
      if (el.shadowRoot) walkValue(el.shadowRoot, 0);
    }
    // Globals the app added (a clean frame's window has the standard ones).
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const standard = new Set(Object.keys(frame.contentWindow ?? {}));
    frame.remove();
    for (const key of Object.keys(window)) {
      if (!standard.has(key)) walkValue((window as unknown as Record<string, unknown>)[key], 0);
    }
    const storage: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i) ?? '';
        storage.push(k, store.getItem(k) ?? '');
      }
    }
    storage.push(JSON.stringify(history.state ?? null), location.href);
    return { html, values, props, storage };
  });
}

/** The sentinels found in a list of strings (case-insensitive; phones as digits in whitespace-free text). */
function leaks(strings: string[]): string[] {
  const text = strings.join('\n').toLowerCase();
  const squeezed = text.replace(/[\s\-()]/g, '');
  return NEEDLES.filter((n) => (n.label.startsWith('phone') ? squeezed : text).includes(n.token.toLowerCase())).map((n) => n.label);
}

/** Every IndexedDB store of the kiosk, dumped: an abandoned form must not be saved as a draft either. */
async function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('visitor-kiosk');
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve('');
        req.onsuccess = () => {
          const db = req.result;
          const names = Array.from(db.objectStoreNames);
          if (names.length === 0) {
            db.close();
            resolve('');
            return;
          }
          const tx = db.transaction(names, 'readonly');
          const out: unknown[] = [];
          for (const n of names) {
            const r = tx.objectStore(n).getAll();
            r.onsuccess = () => out.push(r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

const hant = NAMES['zh-Hant'];
const en = NAMES.en;

test('idle reset leaves none of ten sentinels, and the next visitor is offered none of them', async ({ page }) => {
  await openKiosk(page);
  await page.evaluate((s) => document.querySelector('visitor-kiosk')?.setAttribute('idle-timeout', String(s)), IDLE_SECONDS);
  // The visitor chose 繁體中文: the reset must also bring back the site's default language (English).
  await chooseLanguage(page, 'zh-Hant');
  await startCheckIn(page, 'zh-Hant');

  const name = page.getByRole('textbox', { name: hant.fullName, exact: true });
  const phone = page.getByRole('textbox', { name: hant.phone, exact: true });
  const org = page.getByRole('textbox', { name: hant.organisation, exact: true });
  const host = page.getByRole('combobox', { name: hant.host, exact: true });
  const party = page.getByRole('spinbutton', { name: hant.partySize, exact: true }).or(page.getByRole('textbox', { name: hant.partySize, exact: true }));
  const next = page.getByRole('button', { name: hant.next, exact: true });

  // First round: typed, then overwritten — what was typed and erased must be gone too.
  await name.fill(SENTINELS.name1);
  await org.fill(SENTINELS.org1);
  await host.fill(SENTINELS.host1);
  await phone.fill(SENTINELS.phone1);
  await party.fill('3');
  await next.click(); // errors for what is still missing: the values stay, the error state too.

  // Second round: to the review screen.
  await name.fill(SENTINELS.name2);
  await org.fill(SENTINELS.org2);
  await host.fill(SENTINELS.host2);
  await host.press('Escape');
  await phone.fill(SENTINELS.phone2);
  await page.getByRole('combobox', { name: hant.visitorType, exact: true }).selectOption({ index: 1 });
  await page.getByRole('combobox', { name: hant.purpose, exact: true }).selectOption({ index: 1 });
  await radioGroup(page, hant.appointment).getByRole('radio', { name: hant.yes, exact: true }).check();
  await page.getByRole('checkbox', { name: hant.privacyCheckbox, exact: true }).check();
  await next.click();
  await expect(reviewHeading(page, 'zh-Hant')).toBeVisible();
  await expect(page.getByText(SENTINELS.name2)).toBeVisible();

  // Third round: back to the form, change two fields, and leave the kiosk on the review screen.
  await page.getByRole('button', { name: hant.edit, exact: true }).click();
  await name.fill(SENTINELS.name3);
  await org.fill(SENTINELS.org3);
  await next.click();
  await expect(page.getByText(SENTINELS.name3)).toBeVisible();
  await expect(page.getByText(SENTINELS.org3)).toBeVisible();
  await page.getByRole('button', { name: hant.edit, exact: true }).click();
  const firstControls = await collectControls(page);
  await next.click();
  await expect(reviewHeading(page, 'zh-Hant')).toBeVisible();
  // Proof the search works: every sentinel still on screen is found before the reset.
  const before = await collectResidue(page);
  expect(leaks(before.html)).toEqual(expect.arrayContaining(['host2', 'phone2', 'name3', 'org3']));
  // …and the property walk reaches the element's memory (it must hold the values for Edit).
  expect(leaks(before.props)).toEqual(expect.arrayContaining(['name3', 'org3']));

  // No input now: the reset comes by itself, to the English welcome screen.
  await expect(welcomeCheckIn(page, 'en')).toBeVisible({ timeout: (IDLE_SECONDS + 3) * 1000 });
  await expect(page.getByRole('button', { name: hant.checkIn, exact: true })).toHaveCount(0);

  const residue = await collectResidue(page);
  expect(leaks(residue.html), 'sentinels left in the DOM or shadow roots').toEqual([]);
  expect(leaks(residue.values), 'sentinels left in form controls').toEqual([]);
  expect(leaks(residue.props), 'sentinels held by the element or page objects').toEqual([]);
  expect(leaks(residue.storage), 'sentinels in web storage, history or the URL').toEqual([]);
  expect(leaks([await dumpDatabase(page)]), 'sentinels saved in IndexedDB').toEqual([]);

  // The second visitor.
  await startCheckIn(page, 'en');
  for (const field of [en.fullName, en.phone, en.organisation]) {
    await expect(page.getByRole('textbox', { name: field, exact: true })).toHaveValue('');
  }
  const host2 = page.getByRole('combobox', { name: en.host, exact: true });
  await expect(host2).toHaveValue('');
  await expect(page.getByRole('spinbutton', { name: en.partySize, exact: true }).or(page.getByRole('textbox', { name: en.partySize, exact: true }))).toHaveValue(/^1?$/);
  await expect(page.getByRole('checkbox', { name: en.privacyCheckbox })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: en.yes, exact: true })).not.toBeChecked();

  // Suggestions: typing the start of what the last visitor typed offers none of it.
  for (const prefix of ['Qz', 'Qzsent', 'Xy', 'Wo', 'Oc', '65', '98']) {
    await host2.fill(prefix);
    // Suggestions are computed on input; give them a moment to (not) appear.
    await page.waitForTimeout(150);
    const offered = await page.getByRole('option').allTextContents();
    expect(leaks(offered), `suggestions after "${prefix}"`).toEqual([]);
  }
  for (const field of [en.fullName, en.organisation]) {
    await page.getByRole('textbox', { name: field, exact: true }).fill('Qz');
    const offered = await page.getByRole('option').allTextContents();
    expect(leaks(offered)).toEqual([]);
    await page.getByRole('textbox', { name: field, exact: true }).fill('');
  }
  expect(leaks(await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value + ' ' + o.textContent)))).toEqual([]);

  // Browser autofill. Chrome's suggestions live outside the page, so check what decides them:
  //  - no control is currently autofilled (`:autofill`);
  //  - every text control carries an `autocomplete` value made only of tokens Chrome does not recognise:
  //    Chrome ignores `off` for autofill and guesses from labels and names when the value is `on` or
  //    missing, while an unrecognised value marks the field "unrecognized" and suppresses autofill;
  //  - no control's `name` is itself a recognised autofill token, and no text control keeps the `name` it
  //    had for the previous visitor: Chrome's single-field Autocomplete history is keyed by `name`.
  const controls = await collectControls(page);
  expect(controls.filter((c) => TEXT_TYPES.has(c.type)).length).toBeGreaterThanOrEqual(4);
  const previousNames = new Set(firstControls.map((c) => c.name).filter(Boolean));
  for (const c of controls) {
    expect(c.autofilled, `${c.label} is :autofill`).toBe(false);
    if (c.name) expect(CHROME_AUTOFILL_TOKENS.has(c.name.toLowerCase()), `${c.label}: name "${c.name}" is an autofill token`).toBe(false);
    if (!TEXT_TYPES.has(c.type)) continue;
    expect(c.autocomplete, `${c.label}: autocomplete must be set to an unrecognised token`).not.toBe(null);
    const tokens = (c.autocomplete ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    expect(tokens.length, `${c.label}: empty autocomplete`).toBeGreaterThan(0);
    for (const t of tokens) expect(CHROME_AUTOFILL_TOKENS.has(t), `${c.label}: autocomplete token "${t}" is one Chrome recognises`).toBe(false);
    expect(c.name === null || !previousNames.has(c.name), `${c.label}: name "${c.name}" reused from the previous visitor`).toBe(true);
  }
});

/** Controls whose typed text Chrome could remember and offer again. */
const TEXT_TYPES = new Set(['text', 'tel', 'search', 'number', 'email', 'textarea']);

/**
 * Tokens Chrome's autofill understands (the HTML autofill field names, section/group prefixes and the
 * on/off switches), from the HTML standard's autofill list and Chromium's parser. A value made only of
 * other tokens is classified "unrecognized" and gets no autofill.
 */
const CHROME_AUTOFILL_TOKENS = new Set([
  'on', 'off', 'name', 'honorific-prefix', 'given-name', 'additional-name', 'family-name', 'honorific-suffix',
  'nickname', 'username', 'new-password', 'current-password', 'one-time-code', 'organization-title', 'organization',
  'street-address', 'address-line1', 'address-line2', 'address-line3', 'address-level4', 'address-level3',
  'address-level2', 'address-level1', 'country', 'country-name', 'postal-code', 'cc-name', 'cc-given-name',
  'cc-additional-name', 'cc-family-name', 'cc-number', 'cc-exp', 'cc-exp-month', 'cc-exp-year', 'cc-csc', 'cc-type',
  'transaction-currency', 'transaction-amount', 'language', 'bday', 'bday-day', 'bday-month', 'bday-year', 'sex',
  'url', 'photo', 'tel', 'tel-country-code', 'tel-national', 'tel-area-code', 'tel-local', 'tel-local-prefix',
  'tel-local-suffix', 'tel-extension', 'email', 'impp', 'shipping', 'billing', 'home', 'work', 'mobile', 'fax',
  'pager', 'webauthn',
]);

interface ControlInfo {
  tag: string;
  type: string;
  label: string;
  name: string | null;
  id: string | null;
  autocomplete: string | null;
  autofilled: boolean;
}

/** Every form control in the page, through shadow roots, with what Chrome's autofill looks at. */
function collectControls(page: Page): Promise<ControlInfo[]> {
  return page.evaluate(() => {
    const out: ControlInfo[] = [];
    const isAutofilled = (el: Element) => {
      for (const sel of [':autofill', ':-webkit-autofill']) {
        try {
          return el.matches(sel);
        } catch {
          // this selector is not supported: try the next
        }
      }
      return false;
    };
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
          out.push({
            tag: el.localName,
            type: el instanceof HTMLInputElement ? el.type : el.localName,
            label: el.labels?.[0]?.textContent?.trim() ?? el.getAttribute('aria-label') ?? el.localName,
            name: el.getAttribute('name'),
            id: el.getAttribute('id'),
            autocomplete: el.getAttribute('autocomplete'),
            autofilled: isAutofilled(el),
          });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

test('the countdown appears in the last seconds, and More time postpones the reset', async ({ page }) => {
  // A fake clock lets the test jump over the 25-second timeout in milliseconds of real time.
  await page.clock.install();
  await openKiosk(page);
  await page.evaluate(() => document.querySelector('visitor-kiosk')?.setAttribute('idle-timeout', '25'));
  await startCheckIn(page);
  const name = page.getByRole('textbox', { name: en.fullName, exact: true });
  await name.fill('Patient Visitor');
  const moreTime = page.getByRole('button', { name: en.moreTime, exact: true });

  // 25 s timeout, warned during the last 20: nothing shows in the first 5 s.
  await page.clock.runFor(3_000);
  await expect(moreTime).toHaveCount(0);
  await page.clock.runFor(4_000); // 7 s idle: 18 s left
  await expect(moreTime).toBeVisible();
  await moreTime.click(); // deadline now 7 + 25 = 32 s
  await expect(moreTime).toHaveCount(0);

  await page.clock.runFor(22_000); // 29 s: past the original deadline, before the new one
  await expect(name).toHaveValue('Patient Visitor');
  await expect(moreTime).toBeVisible();
  await page.clock.runFor(5_000); // 34 s: past the new deadline
  await expect(welcomeCheckIn(page)).toBeVisible();
  await expect(moreTime).toHaveCount(0);
});
