// Helpers for the receptionist desk's end-to-end tests (issue 4). The desk at `/desk` and the kiosk at `/`
// share IndexedDB when they are pages of one browser context, so a test registers a visitor at the kiosk the
// way a visitor does and watches the desk react — by role and accessible name, as CONTRACT.md names them.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { defaultRulesFor } from '../../src/domain/rules/index.js';
import { deskEn } from '../../src/i18n/desk/en.js';
import type { RoleCode } from '../../src/i18n/desk/index.js';
import { hashPin } from '../../desk/auth.js';
import { DB_NAME, NAMES, openKiosk, outcomeStatus, registerWalkIn, welcomeCheckIn, type WalkInValues } from './helpers.js';

/** The first staff PIN: `playwright.config.ts` starts the server with `VK_ADMIN_PIN` set to it. */
export const ADMIN_PIN = '2468';
/** The name `scripts/start.ts` gives the first staff member. */
export const ADMIN_NAME = 'Site manager';
/** The first staff member's id (`scripts/start.ts`), as the alerts store records who acknowledged. */
export const ADMIN_ID = 'admin';

/**
 * The desk's accessible names and messages (English). Contract names (CONTRACT.md: PIN, Sign in, the row
 * buttons, Class A/B/C, Acknowledge) are pinned literally, so a changed catalogue cannot move the contract;
 * the rest follow the catalogue.
 */
export const DESK = {
  pin: 'PIN',
  signIn: 'Sign in',
  signOut: deskEn.signOut,
  pinWrong: 'That PIN is not right.',
  pinLocked: deskEn.pinLocked,
  confirmCheckIn: 'Confirm check-in',
  checkOut: 'Check out',
  printBadge: 'Print badge',
  hostConfirmed: 'Host confirmed',
  hostDeclined: 'Host declined',
  deny: 'Deny',
  raiseA: 'Raise Class A',
  raiseB: 'Raise Class B',
  raiseC: 'Raise Class C',
  classA: 'Class A',
  classC: 'Class C',
  acknowledge: 'Acknowledge',
  escalate: 'Escalate',
  mediaPresent: 'Media present',
  acknowledgedBy: 'Acknowledged by',
  escalated: (level: number) => `Escalated (level ${level})`,
  scriptC: deskEn.scriptC,
  scriptA: deskEn.scriptA,
  noAlerts: deskEn.noAlerts,
  onSite: deskEn.statuses['checked-in'],
  left: deskEn.statuses['checked-out'],
  waiting: deskEn.statuses.registered,
  evacuationHeading: 'On site now (evacuation list)',
  evacuationCount: deskEn.evacuationCount,
  fastEntryHeading: deskEn.fastEntryHeading,
  surname: deskEn.surname,
  unit: deskEn.unit,
  visitorType: deskEn.visitorType,
  addVisitor: 'Add visitor',
} as const;

/** The start of class C's script (issue 4: "Escort the visitor to the designated area…"). */
export const SCRIPT_C_START = 'Escort the visitor to the designated area';

/** Visitor-type and purpose labels of the kiosk form (CONTRACT.md). */
export const KIOSK_LABELS = {
  media: 'Media',
  owner: 'Resident or owner',
  visitingResident: 'Visiting a resident',
  mediaInterview: 'Media interview',
  complaint: 'Complaint',
  meeting: 'Meeting',
} as const;

/** A phone viewport (a guard's phone) and a reception PC's, for layout and axe. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const PC_VIEWPORT = { width: 1366, height: 768 } as const;

/** The English names of the roles class C notifies at first and after one escalation on the demo site. */
export function classCRoles(): { first: string[]; afterEscalation: string[] } {
  const plan = defaultRulesFor(DEMO_SITE.kind).routing.office.C;
  const name = (r: string) => deskEn.roles[r as RoleCode];
  return { first: plan.first.map(name), afterEscalation: (plan.next[0] ?? []).map(name) };
}

// ——— The kiosk side ———

/**
 * A registration at the kiosk: from the welcome screen (opened if needed) to the `role="status"` outcome.
 * Headless Chromium gives a page that is not in front one animation frame a second, and Playwright's
 * actionability checks wait for frames: the kiosk comes to the front for the registration, and `returnTo`
 * (the desk the test goes on with) afterwards.
 */
export async function registerAtKiosk(kiosk: Page, values: WalkInValues, returnTo?: Page): Promise<void> {
  await kiosk.bringToFront();
  if (!(await welcomeCheckIn(kiosk).isVisible())) {
    const done = kiosk.getByRole('button', { name: NAMES.en.done, exact: true });
    if (await done.isVisible()) await done.click();
    else await openKiosk(kiosk);
  }
  await expect(welcomeCheckIn(kiosk)).toBeVisible();
  await registerWalkIn(kiosk, values);
  await expect(outcomeStatus(kiosk)).toBeVisible();
  await returnTo?.bringToFront();
}

/** An ordinary walk-in to unit 12B (no appointment). */
export const walkIn = (fullName: string, extra: Partial<WalkInValues> = {}): WalkInValues => ({
  fullName,
  phone: '9123 4567',
  host: '12B',
  visitorType: KIOSK_LABELS.visitingResident,
  purpose: KIOSK_LABELS.meeting,
  appointment: false,
  ...extra,
});

/** A media crew without an appointment: class C on the desk. */
export const mediaArrival = (fullName: string): WalkInValues =>
  walkIn(fullName, { phone: '9876 5432', organisation: 'Lobby News', visitorType: KIOSK_LABELS.media, purpose: KIOSK_LABELS.mediaInterview });

/** An owner with a complaint and no appointment: no alert, a **Raise Class A** prompt. */
export const ownerComplaint = (fullName: string): WalkInValues =>
  walkIn(fullName, { phone: '9234 5678', visitorType: KIOSK_LABELS.owner, purpose: KIOSK_LABELS.complaint });

// ——— Events ———

/** What a page recorded of one of the public events. */
export interface RecordedEvent {
  type: string;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
}

/** The public events of CONTRACT.md. */
export const PUBLIC_EVENTS = ['vk-visit-registered', 'vk-visit-checked-in', 'vk-visit-checked-out', 'vk-sync-state-change', 'vk-visit-flagged'] as const;

/**
 * Records every public event that reaches `page`'s document (on `window`, capture phase, so nothing that
 * reaches the document escapes), from the first script of every load on. Call before `goto`.
 */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript((types: readonly string[]) => {
    const w = window as unknown as { __vkRecorded: unknown[] };
    w.__vkRecorded = [];
    for (const type of types) {
      window.addEventListener(
        type,
        (e) => {
          // Only events that passed through the document count (composed ones from shadow roots do).
          if (!e.composedPath().includes(document)) return;
          w.__vkRecorded.push({ type: e.type, detail: JSON.parse(JSON.stringify((e as CustomEvent).detail ?? null)), bubbles: e.bubbles, composed: e.composed });
        },
        true,
      );
    }
  }, PUBLIC_EVENTS);
}

/** The events `recordEvents` has seen on `page` so far. */
export function recordedEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => (window as unknown as { __vkRecorded?: RecordedEvent[] }).__vkRecorded ?? []);
}

// ——— The desk side ———

/** The **PIN** field (a password field: it has no textbox role, so it is found by its label). */
export function pinField(page: Page): Locator {
  return page.getByLabel(DESK.pin, { exact: true });
}

export function deskButton(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/**
 * Opens the standalone desk signed out and waits for the **PIN** field. These tests exercise the desk on the
 * kiosk's own device (`/desk.html`: this browser's records, PINs checked locally); the hub's desk at `/desk`
 * is tested in hub-*.spec.ts.
 */
export async function openDesk(page: Page): Promise<void> {
  await page.goto('/desk.html');
  await expect(pinField(page)).toBeVisible();
}

/**
 * Types a PIN and presses Enter; resolves once the attempt is over (the **Sign in** button, disabled while a
 * PIN is checked, is enabled again), so repeated attempts are each counted.
 */
export async function submitPin(page: Page, pin: string): Promise<void> {
  await pinField(page).fill(pin);
  await pinField(page).press('Enter');
  await expect(pinField(page)).toHaveValue('');
  await expect(deskButton(page, DESK.signIn).or(deskButton(page, DESK.signOut))).toBeEnabled();
}

/** Signs in with `pin` (the first staff PIN by default) and waits for the desk itself. */
export async function signIn(page: Page, pin = ADMIN_PIN): Promise<void> {
  await pinField(page).fill(pin);
  await pinField(page).press('Enter');
  await expect(deskButton(page, DESK.signOut)).toBeVisible();
  await expect(page.getByRole('heading', { name: DESK.evacuationHeading, exact: true })).toBeVisible();
}

/** A new page of `context` at `/desk`, signed in; `before` runs before navigation (init scripts). */
export async function openSignedInDesk(context: BrowserContext, before?: (page: Page) => Promise<void>, pin = ADMIN_PIN): Promise<Page> {
  const page = await context.newPage();
  if (before) await before(page);
  await openDesk(page);
  await signIn(page, pin);
  return page;
}

/** The arrival row showing `name`. */
export function arrivalRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ hasText: name });
}

/** The status cell of a row (the fifth column: Time, Visitor, Type, Visiting, Status, Actions). */
export function statusCell(row: Locator): Locator {
  return row.getByRole('cell').nth(4);
}

/** The `role="alert"` banners whose text contains `label` (e.g. `Class C`). */
export function alertsOf(page: Page, label: string): Locator {
  return page.getByRole('alert').filter({ hasText: label });
}

/** The evacuation list's region (a `<section>` named by its heading). */
export function evacuationRegion(page: Page): Locator {
  return page.getByRole('region', { name: DESK.evacuationHeading, exact: true });
}

/** Expects the evacuation list to list exactly `names` (in any order) and count exactly `people`. */
export async function expectOnSite(page: Page, names: readonly string[], people = names.length): Promise<void> {
  const region = evacuationRegion(page);
  const items = region.getByRole('listitem');
  await expect(items).toHaveCount(names.length);
  await expect(region.getByText(DESK.evacuationCount(people), { exact: true })).toBeVisible();
  const texts = await items.allInnerTexts();
  // Each entry starts with the person's name; compare as sets so the list's order is the app's choice.
  const listed = names.map((n) => texts.filter((t) => t.startsWith(n)).length);
  expect(listed, `evacuation list ${JSON.stringify(texts)} vs ${JSON.stringify(names)}`).toEqual(names.map(() => 1));
}

/**
 * All the text a person or a screen reader could get from the page: text nodes and attribute values of the
 * document and of every open shadow root, and the values of form fields.
 */
export function deepPageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Node) => {
      for (let node: Node | null = root.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
        if (node instanceof Element) {
          for (const attr of Array.from(node.attributes)) parts.push(attr.value);
          if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        walk(node);
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

/** Every record of a store of the shared database, read with the raw API (the app's code is not trusted). */
export function readDeskStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, storeName }) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(new Error(String(req.error)));
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

/** An alert as stored (src/domain/desk.ts `Alert`), as far as the tests look at it. */
export interface StoredAlert {
  id: string;
  kind: string;
  incidentClass?: string;
  visitId?: string;
  status: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  escalationLevel: number;
  notify: string[];
}

/** The id of the one visit whose visitor typed `fullName`. */
export async function visitIdOf(page: Page, fullName: string): Promise<string> {
  const visits = await readDeskStore<{ id: string; visitor: { fullName: string } }>(page, 'visits');
  const found = visits.filter((v) => v.visitor.fullName === fullName);
  expect(found, `visits named ${fullName}`).toHaveLength(1);
  return found[0]!.id;
}

/** The stored alerts of one visit. */
export async function alertsOfVisit(page: Page, visitId: string): Promise<StoredAlert[]> {
  return (await readDeskStore<StoredAlert>(page, 'alerts')).filter((a) => a.visitId === visitId);
}

/**
 * Adds a second staff member of the demo site to the device's staff list (as a hub would, with a PBKDF2 hash
 * made in Node), so two desks can be signed in as different people. The database must exist already.
 */
export async function addStaffMember(page: Page, member: { id: string; name: string; pin: string }): Promise<void> {
  const hash = await hashPin(member.pin);
  const row = { id: member.id, siteId: DEMO_SITE.id, name: member.name, role: 'receptionist', ...hash, failedAttempts: 0 };
  await page.evaluate(
    ({ dbName, record }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onerror = () => reject(new Error(String(req.error)));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('staff', 'readwrite');
          tx.objectStore('staff').put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => {
            db.close();
            reject(new Error(String(tx.error)));
          };
        };
      }),
    { dbName: DB_NAME, record: row },
  );
}
