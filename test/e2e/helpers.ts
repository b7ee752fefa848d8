// Shared helpers for the end-to-end suite. They drive the built kiosk the way a visitor does — by role and
// accessible name — and read IndexedDB with the raw API inside the page, so nothing of the app's own
// storage code is trusted by the tests that check it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from '../../playwright.config.js';
import { CATALOGUES, LANGUAGE_NAMES } from '../../src/i18n/index.js';

/** Where `playwright.config.ts` serves the built app. */
export const BASE_URL = `http://localhost:${E2E_PORT}`;
/** The origin as the storage layer keys it (quota overrides, IndexedDB). */
export const ORIGIN = `http://localhost:${E2E_PORT}`;
/** The database the app stores visits in (ui.md). */
export const DB_NAME = 'visitor-kiosk';
/** CONTRACT.md: the outcome returns to the welcome screen by itself within this many milliseconds. */
export const OUTCOME_RETURN_MS = 10_000;

export type E2eLocale = 'en' | 'zh-Hant' | 'zh-Hans';

/** The accessible names a test needs, per locale (CONTRACT.md for English, DOMAIN.md / the app's catalogue for Chinese). */
export interface KioskNames {
  languageButton: string;
  checkIn: string;
  askStaff: string;
  fullName: string;
  phone: string;
  organisation: string;
  partySize: string;
  visitorType: string;
  purpose: string;
  host: string;
  appointment: string;
  yes: string;
  no: string;
  /** CONTRACT.md: a checkbox whose label *contains* "privacy notice" (English). */
  privacyCheckbox: string | RegExp;
  next: string;
  back: string;
  edit: string;
  submit: string;
  done: string;
  moreTime: string;
  reviewHeading: string;
}

/** The names of one locale, taken from the app's own catalogue so the tests follow its wording. */
function namesOf(locale: E2eLocale): KioskNames {
  const m = CATALOGUES[locale];
  return {
    languageButton: LANGUAGE_NAMES[locale],
    checkIn: m.checkIn,
    askStaff: m.askForHelp,
    fullName: m.fullName,
    phone: m.phone,
    organisation: m.organisation,
    partySize: m.partySize,
    visitorType: m.visitorType,
    purpose: m.purpose,
    host: m.host,
    appointment: m.appointment,
    yes: m.yes,
    no: m.no,
    privacyCheckbox: m.privacyAcknowledge,
    next: m.next,
    back: m.back,
    edit: m.edit,
    submit: m.submit,
    done: m.done,
    moreTime: m.moreTime,
    reviewHeading: m.reviewHeading,
  };
}

/**
 * Accessible names per locale. English ones are CONTRACT.md's and are pinned here literally, so a changed
 * catalogue cannot silently move the contract; Chinese ones come from the catalogue (DOMAIN.md wording).
 */
export const NAMES: Record<E2eLocale, KioskNames> = {
  en: {
    languageButton: 'English',
    checkIn: 'Check in',
    askStaff: 'Ask staff for help',
    fullName: 'Full name',
    phone: 'Phone number',
    organisation: 'Organisation',
    partySize: 'Number of people',
    visitorType: 'Visitor type',
    purpose: 'Purpose of visit',
    host: 'Person or unit you are visiting',
    appointment: 'Do you have an appointment?',
    yes: 'Yes',
    no: 'No',
    privacyCheckbox: /privacy notice/i,
    next: 'Next',
    back: 'Back',
    edit: 'Edit',
    submit: 'Submit',
    done: 'Done',
    moreTime: 'More time',
    reviewHeading: 'Check your details',
  },
  'zh-Hant': namesOf('zh-Hant'),
  'zh-Hans': namesOf('zh-Hans'),
};

/** What a walk-in visitor types; only `fullName` and `phone` are required by the helpers. */
export interface WalkInValues {
  fullName: string;
  phone: string;
  organisation?: string;
  partySize?: number;
  /** The visible label of an option of **Visitor type**; the first option when absent. */
  visitorType?: string;
  /** The visible label of an option of **Purpose of visit**; the first option when absent. */
  purpose?: string;
  /** Free text accepted by the demo site (e.g. `12B`). */
  host?: string;
  appointment?: boolean;
}

/** A unique, plainly Latin visitor name, so records of one test never match another's. */
export function uniqueName(prefix = 'Visitor'): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}

/** The welcome screen's **Check in** button, in the given locale: its presence marks the welcome screen. */
export function welcomeCheckIn(page: Page, locale: E2eLocale = 'en'): Locator {
  return page.getByRole('button', { name: NAMES[locale].checkIn, exact: true });
}

/** Opens the kiosk at `/` and waits until the welcome screen's **Check in** is live. */
export async function openKiosk(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(welcomeCheckIn(page)).toBeVisible();
}

/** Chooses a language on the welcome screen by its button. */
export async function chooseLanguage(page: Page, locale: E2eLocale): Promise<void> {
  await page.getByRole('button', { name: NAMES[locale].languageButton, exact: true }).click();
  await expect(welcomeCheckIn(page, locale)).toBeVisible();
}

/** From the welcome screen, opens the walk-in form. */
export async function startCheckIn(page: Page, locale: E2eLocale = 'en'): Promise<void> {
  await welcomeCheckIn(page, locale).click();
  await expect(page.getByRole('textbox', { name: NAMES[locale].fullName, exact: true })).toBeVisible();
}

/** Fills the walk-in form (already open) by accessible name; does not press **Next**. */
export async function fillWalkInForm(page: Page, values: WalkInValues, locale: E2eLocale = 'en'): Promise<void> {
  const n = NAMES[locale];
  await page.getByRole('textbox', { name: n.fullName, exact: true }).fill(values.fullName);
  await page.getByRole('textbox', { name: n.phone, exact: true }).fill(values.phone);
  if (values.organisation !== undefined) {
    await page.getByRole('textbox', { name: n.organisation, exact: true }).fill(values.organisation);
  }
  if (values.partySize !== undefined) {
    await page.getByRole('spinbutton', { name: n.partySize, exact: true }).or(page.getByRole('textbox', { name: n.partySize, exact: true })).fill(String(values.partySize));
  }
  await selectOption(page.getByRole('combobox', { name: n.visitorType, exact: true }), values.visitorType);
  await selectOption(page.getByRole('combobox', { name: n.purpose, exact: true }), values.purpose);
  if (values.host !== undefined) {
    const host = page.getByRole('combobox', { name: n.host, exact: true });
    await host.fill(values.host);
    // A suggestion list may open over the next fields; Escape closes it without choosing.
    await host.press('Escape');
  }
  await radioGroup(page, n.appointment)
    .getByRole('radio', { name: values.appointment === true ? n.yes : n.no, exact: true })
    .check();
  await page.getByRole('checkbox', { name: n.privacyCheckbox, exact: typeof n.privacyCheckbox === 'string' }).check();
}

/** A group of radio buttons by its name: a `radiogroup`, or a `<fieldset>` (role `group`) named by its legend. */
export function radioGroup(page: Page, name: string): Locator {
  return page.getByRole('radiogroup', { name, exact: true }).or(page.getByRole('group', { name, exact: true }));
}

/** Picks an option of a `<select>` by its label, or the first real option when none is given. */
async function selectOption(select: Locator, label: string | undefined): Promise<void> {
  if (label !== undefined) {
    await select.selectOption({ label });
    return;
  }
  const values = await select.locator('option').evaluateAll((options) =>
    (options as HTMLOptionElement[]).filter((o) => !o.disabled && o.value !== '').map((o) => o.value),
  );
  const first = values[0];
  if (first === undefined) throw new Error('select has no choosable option');
  await select.selectOption(first);
}

/** The review screen's heading (ui.md). */
export function reviewHeading(page: Page, locale: E2eLocale = 'en'): Locator {
  return page.getByRole('heading', { name: NAMES[locale].reviewHeading, exact: true });
}

/** The outcome message: the kiosk's only `role="status"` element (CONTRACT.md). */
export function outcomeStatus(page: Page): Locator {
  return page.getByRole('status');
}

/** Welcome → form → review, by accessible name; ends on the review screen. */
export async function registerWalkInToReview(page: Page, values: WalkInValues, locale: E2eLocale = 'en'): Promise<void> {
  await startCheckIn(page, locale);
  await fillWalkInForm(page, values, locale);
  await page.getByRole('button', { name: NAMES[locale].next, exact: true }).click();
  await expect(reviewHeading(page, locale)).toBeVisible();
}

/** A whole walk-in registration from the welcome screen; resolves once the `role="status"` outcome shows. */
export async function registerWalkIn(page: Page, values: WalkInValues, locale: E2eLocale = 'en'): Promise<void> {
  await registerWalkInToReview(page, values, locale);
  await page.getByRole('button', { name: NAMES[locale].submit, exact: true }).click();
  await expect(outcomeStatus(page)).toBeVisible();
}

/** A stored visit as far as the tests look at it (src/domain/visit.ts has the full shape). */
export interface StoredVisit {
  id: string;
  status: string;
  dayKey: string;
  visitor: { fullName: string; phone: string; organisation: string; partySize: number };
  [key: string]: unknown;
}

/**
 * Every record of one object store of the kiosk's database, read with the raw IndexedDB API in the page.
 * Never creates the database: if it does not exist yet the upgrade is aborted and `[]` comes back, so a
 * test's read cannot leave a version-1 empty database in the app's way.
 */
export async function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, storeName }) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        let created = false;
        req.onupgradeneeded = () => {
          created = true;
          req.transaction?.abort();
        };
        req.onerror = () => (created ? resolve([]) : reject(new Error(String(req.error))));
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => {
            db.close();
            reject(new Error(String(all.error)));
          };
        };
      }),
    { dbName: DB_NAME, storeName: store },
  );
}

/** Every visit record in IndexedDB. */
export function readVisits(page: Page): Promise<StoredVisit[]> {
  return readStore<StoredVisit>(page, 'visits');
}

/** The visits whose visitor typed exactly `fullName`. */
export async function visitsNamed(page: Page, fullName: string): Promise<StoredVisit[]> {
  return (await readVisits(page)).filter((v) => v.visitor?.fullName === fullName);
}

/**
 * Waits until the page's service worker registration has an `activated` worker. `serviceWorker.ready`
 * resolves while the worker may still be `activating` (TOOLCHAIN.md), which is too early to go offline.
 */
export async function waitForServiceWorkerActivated(page: Page, timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return reg?.active?.state ?? 'none';
        }),
      { timeout: timeoutMs, message: 'service worker never reached "activated"' },
    )
    .toBe('activated');
}

/** Whether the page is controlled by a service worker (true only after a load under an active worker or clients.claim). */
export function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/** A persistent browser profile on disk: IndexedDB is written to files, unlike in ordinary contexts. */
export interface PersistentKiosk {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  /** Closes the browser and deletes the profile. */
  dispose(): Promise<void>;
}

/** Launches Debian's Chromium with the project's flags on a fresh temporary profile. */
export async function launchPersistentKiosk(): Promise<PersistentKiosk> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'vk-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    baseURL: BASE_URL,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir,
    async dispose() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A Chromium we started ourselves (so we own its PID and can SIGKILL it), reached over CDP. */
export interface ChildChromium {
  child: ChildProcess;
  browser: Browser;
  context: BrowserContext;
  /** SIGKILLs the browser's whole process group (renderers, GPU and storage services included). */
  killHard(): Promise<void>;
}

/** How long to wait for Chromium to write `DevToolsActivePort` on a busy two-core machine. */
const DEVTOOLS_PORT_WAIT_MS = 20_000;

/**
 * Spawns Chromium headless on `userDataDir` in its own process group, reads the DevTools port from
 * `DevToolsActivePort` in the profile and connects Playwright over CDP.
 */
export async function spawnChromium(userDataDir: string): Promise<ChildChromium> {
  await rm(join(userDataDir, 'DevToolsActivePort'), { force: true });
  const child = spawn(
    CHROMIUM_PATH,
    ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + DEVTOOLS_PORT_WAIT_MS;
  let port: number | undefined;
  while (port === undefined) {
    if (child.exitCode !== null) throw new Error(`chromium exited early with ${child.exitCode}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error('chromium did not write DevToolsActivePort');
    }
    const text = await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const first = Number(text.split('\n')[0]);
    if (Number.isInteger(first) && first > 0) port = first;
    else await new Promise((r) => setTimeout(r, 50));
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (context === undefined) throw new Error('no default context over CDP');
  return {
    child,
    browser,
    context,
    async killHard() {
      killGroup(child);
      await exited;
    },
  };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Creates a fresh temporary directory for a profile the test manages itself. */
export function makeProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vk-e2e-profile-'));
}

/** Deletes a profile directory made by `makeProfileDir`. */
export function removeProfileDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** One piece of text the page shows, and whether it sits inside a language button. */
export interface ShownText {
  text: string;
  inLanguageButton: boolean;
}

/**
 * Every text the page renders or announces: text nodes (through every shadow root, `<script>`/`<style>`
 * excluded), the accessible-text attributes (`aria-label`, `title`, `placeholder`, `alt`) and the
 * document title. Text inside a button whose whole text is a language's own name is marked, since those
 * buttons are the one place each script may appear in every locale (CONTRACT.md).
 */
export function collectShownText(page: Page): Promise<ShownText[]> {
  return page.evaluate((languageNames) => {
    const out: { text: string; inLanguageButton: boolean }[] = [{ text: document.title, inLanguageButton: false }];
    const isLanguageButton = (el: Element) =>
      (el.localName === 'button' || el.getAttribute('role') === 'button') && languageNames.includes((el.textContent ?? '').trim());
    const walk = (node: Node, inButton: boolean) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.trim() ?? '';
        if (text) out.push({ text, inLanguageButton: inButton });
        return;
      }
      if (node instanceof Element) {
        if (node.localName === 'script' || node.localName === 'style' || node.localName === 'template') return;
        const inside = inButton || isLanguageButton(node);
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = node.getAttribute(attr);
          if (v?.trim()) out.push({ text: v.trim(), inLanguageButton: inside });
        }
        if (node.shadowRoot) walk(node.shadowRoot, inside);
        for (const child of Array.from(node.childNodes)) walk(child, inside);
        return;
      }
      for (const child of Array.from(node.childNodes)) walk(child, inButton);
    };
    walk(document.documentElement, false);
    return out;
  }, Object.values(LANGUAGE_NAMES));
}

/** The screens every locale is checked on (a11y and i18n). */
export type ScreenName =
  | 'welcome'
  | 'help'
  | 'scan invitation'
  | 'check out'
  | 'form'
  | 'form with errors'
  | 'privacy notice'
  | 'idle warning'
  | 'review'
  | 'outcome';

/** With this idle-timeout the warning (shown for the last 20 s) is visible at once. */
const WARNING_AT_ONCE_SECONDS = 20;

/**
 * Walks one visitor through every screen in `locale`, calling `check` on each. Starts from a fresh load of
 * `/` and chooses the language by its button, as a visitor does.
 */
export async function forEachScreen(page: Page, locale: E2eLocale, check: (screen: ScreenName) => Promise<void>): Promise<void> {
  const n = NAMES[locale];
  const m = CATALOGUES[locale];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await openKiosk(page);
  await chooseLanguage(page, locale);
  await check('welcome');

  await button(n.askStaff).click();
  const help = page.getByRole('dialog');
  await expect(help).toBeVisible();
  await check('help');
  await help.getByRole('button', { name: m.close, exact: true }).click();
  await expect(help).toBeHidden();

  // Going back to the welcome screen starts afresh (the kiosk resets to its default language), so the
  // language is chosen again after each detour.
  await button(m.scanInvitation).click();
  await expect(page.getByRole('heading', { name: m.scanHeading, exact: true })).toBeVisible();
  await check('scan invitation');
  await button(n.back).click();
  await chooseLanguage(page, locale);

  await button(m.checkOut).click();
  await expect(page.getByRole('heading', { name: m.checkOutHeading, exact: true })).toBeVisible();
  await check('check out');
  await button(n.back).click();
  await chooseLanguage(page, locale);

  await startCheckIn(page, locale);
  await check('form');

  await button(n.next).click();
  await expect(page.getByRole('textbox', { name: n.fullName, exact: true })).toHaveAttribute('aria-invalid', 'true');
  await check('form with errors');

  await button(m.privacyReadFull).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await check('privacy notice');
  await dialog.getByRole('button', { name: m.close, exact: true }).click();
  await expect(dialog).toBeHidden();

  await fillWalkInForm(page, { fullName: 'Chan Tai Man', phone: '9123 4567', organisation: 'Acme Ltd', host: '12B' }, locale);
  await button(n.next).click();
  await expect(reviewHeading(page, locale)).toBeVisible();
  await check('review');

  await button(n.submit).click();
  await expect(outcomeStatus(page)).toBeVisible();
  await check('outcome');

  // The idle warning, over the form: the countdown starts when a visitor leaves the clean welcome screen,
  // with the timeout read then; at 20 s it is within the warning window at once.
  await button(n.done).click();
  await expect(welcomeCheckIn(page)).toBeVisible();
  const kiosk = page.locator('visitor-kiosk');
  const idleTimeout = await kiosk.getAttribute('idle-timeout');
  await kiosk.evaluate((el, seconds) => el.setAttribute('idle-timeout', String(seconds)), WARNING_AT_ONCE_SECONDS);
  await chooseLanguage(page, locale);
  await startCheckIn(page, locale);
  await expect(button(n.moreTime)).toBeVisible();
  await check('idle warning');
  await button(n.moreTime).click();
  await kiosk.evaluate((el, v) => (v === null ? el.removeAttribute('idle-timeout') : el.setAttribute('idle-timeout', v)), idleTimeout);
}

// ——— Invitations, passes, badges and check-out (issue 3) ———

/** Accessible names and messages of the scan, confirmation, refusal and check-out screens (English, pinned). */
export const SCAN_NAMES = {
  scanInvitation: 'Scan invitation',
  scanHeading: 'Scan invitation',
  invitationCode: 'Invitation code',
  invitationHeading: 'Welcome — you are expected',
  passHeading: 'Welcome back',
  confirm: 'Confirm',
  refusedHeading: 'We could not accept this code',
  registerInstead: 'Check in instead',
  checkOut: 'Check out',
  checkOutHeading: 'Check out',
  badgeCode: 'Badge code',
  feedbackQuestion: 'How was your visit?',
  satisfied: 'Satisfied',
  basicallySatisfied: 'Basically satisfied',
  dissatisfied: 'Dissatisfied',
  send: 'Send',
  skip: 'Skip',
  checkedOut: 'Thank you for your visit. You are checked out.',
  checkedIn: (host: string): string => `You are checked in. Please go to ${host}.`,
} as const;

/** The English catalogue's message for a refusal code (`src/i18n/en.ts` `errors`), as the visitor reads it. */
export function refusalMessage(code: keyof (typeof CATALOGUES)['en']['errors']): string {
  return CATALOGUES.en.errors[code]({});
}

/** A button by exact accessible name. */
export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** A heading by exact accessible name. */
export function heading(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true });
}

/**
 * Waits until `<visitor-kiosk>` has loaded its site configuration from `config-src` (its key set is what makes
 * invitations verifiable); before that the built-in demo site, without keys, is in force.
 */
export async function waitForSiteKeys(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (document.querySelector('visitor-kiosk') as unknown as { config?: { keySet?: unknown } } | null)?.config?.keySet !== undefined), {
      message: 'the site configuration (with its key set) never loaded',
    })
    .toBe(true);
}

/** Gives the loaded site a badge printer (issue 3: badges print only where the site has one). Call after `waitForSiteKeys`. */
export async function configurePrinter(page: Page, format: '62mm' | 'a6' = '62mm'): Promise<void> {
  await page.evaluate((fmt) => {
    const k = document.querySelector('visitor-kiosk') as unknown as { config: Record<string, unknown> };
    k.config = { ...k.config, printer: { format: fmt } };
  }, format);
  await expect(welcomeCheckIn(page)).toBeVisible();
}

/** Welcome → **Scan invitation**; resolves with the **Invitation code** field once it has focus. */
export async function openScanInvitation(page: Page): Promise<Locator> {
  await button(page, SCAN_NAMES.scanInvitation).click();
  await expect(heading(page, SCAN_NAMES.scanHeading)).toBeVisible();
  const field = page.getByRole('textbox', { name: SCAN_NAMES.invitationCode, exact: true });
  await expect(field).toBeFocused();
  return field;
}

/** Welcome → **Check out**; resolves with the **Badge code** field. */
export async function openCheckOut(page: Page): Promise<Locator> {
  await button(page, SCAN_NAMES.checkOut).click();
  await expect(heading(page, SCAN_NAMES.checkOutHeading)).toBeVisible();
  const field = page.getByRole('textbox', { name: SCAN_NAMES.badgeCode, exact: true });
  await expect(field).toBeVisible();
  return field;
}

/**
 * Types `code` + Enter the way a keyboard-wedge scanner does, with no field focused: a click on the screen's
 * heading first takes focus away from the code field, so only the kiosk's wedge listener can catch it.
 */
export async function typeAsWedge(page: Page, screenHeading: string, code: string): Promise<void> {
  await heading(page, screenHeading).click();
  await expect(page.getByRole('textbox', { name: SCAN_NAMES.invitationCode, exact: true }).or(page.getByRole('textbox', { name: SCAN_NAMES.badgeCode, exact: true }))).not.toBeFocused();
  await page.keyboard.type(code, { delay: 0 });
  await page.keyboard.press('Enter');
}

/** Types `code` into a code field and presses Enter. */
export async function enterCode(field: Locator, code: string): Promise<void> {
  await field.fill(code);
  await field.press('Enter');
}

/** On the confirmation screen (`screenHeading`: invitation or pass), taps **Confirm** and waits for the checked-in status. */
export async function confirmArrival(page: Page, screenHeading: string, host = '12B'): Promise<void> {
  await expect(heading(page, screenHeading)).toBeVisible();
  await button(page, SCAN_NAMES.confirm).click();
  await expect(outcomeStatus(page)).toHaveText(SCAN_NAMES.checkedIn(host));
}

/** Expects the polite refusal screen with `code`'s message and its two ways on. */
export async function expectRefusal(page: Page, code: Parameters<typeof refusalMessage>[0] | { message: string }): Promise<void> {
  await expect(heading(page, SCAN_NAMES.refusedHeading)).toBeVisible();
  const message = typeof code === 'string' ? refusalMessage(code) : code.message;
  await expect(page.getByText(message, { exact: true })).toBeVisible();
  await expect(button(page, NAMES.en.back)).toBeVisible();
  await expect(button(page, SCAN_NAMES.registerInstead)).toBeVisible();
}

/** Visits admitted by an invitation or pass (`source: 'kiosk-invitation'`), newest last by `createdAt`. */
export async function invitedVisits(page: Page): Promise<StoredVisit[]> {
  return (await readVisits(page))
    .filter((v) => v['source'] === 'kiosk-invitation')
    .sort((a, b) => String(a['createdAt']).localeCompare(String(b['createdAt'])));
}
