// <vk-desk-ledger> in real Chromium, issue 8 items 2 and 4: a repair order completed with the resident's
// signature drawn on the screen (an empty pad refused, a drawn one sent as an SVG data URL and shown with its
// alt text), and the desk's incident records (real IndexedDB through DeskStore) listed in the ledger view.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../desk/ledger/define.js';
import type { VkDeskLedger } from '../../desk/ledger/vk-desk-ledger.js';
import { HK_CALENDAR } from '../../src/domain/calendars/hk.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { applyAction, createEntry, formNumber, type LedgerAction, type LedgerEntry, type NewEntryInput } from '../../src/domain/ledger/index.js';
import { LEDGER_CATALOGUES } from '../../src/i18n/desk/ledger.js';
import { ledgerActionRequestSchema, ledgerListReplySchema, ledgerRecordSchema, newEntryInputSchema, type LedgerListReply, type LedgerRecord } from '../../src/schemas/ledger.js';
import type { LedgerApi } from '../../src/sync/ledger-client.js';
import { DeskStore, closeKioskDb } from '../../src/storage/index.js';
import { button, deepText, until } from '../fixtures/shadow.js';

const STAFF: StaffMember = { id: 'desk-1', siteId: DEMO_SITE.id, name: 'Mei', role: 'receptionist', pinHash: 'A'.repeat(43), pinSalt: 'B'.repeat(22), iterations: 100_000, failedAttempts: 0 };
const m = LEDGER_CATALOGUES.en;

/** An in-memory hub ledger running the domain code through the wire schemas (as in desk-ledger.test.ts). */
class MemoryLedger implements LedgerApi {
  readonly rows = new Map<string, { entry: LedgerEntry; version: number }>();
  acts = 0;
  private seq = 0;
  private ctx = () => ({ at: new Date(), by: 'desk-1', calendar: HK_CALENDAR, timeZone: 'Asia/Hong_Kong', newId: () => crypto.randomUUID() });
  private out = (r: { entry: LedgerEntry; version: number }): LedgerRecord => ledgerRecordSchema.parse(r);

  list(): Promise<LedgerListReply> {
    return Promise.resolve(ledgerListReplySchema.parse({ now: new Date().toISOString(), entries: [...this.rows.values()].map(this.out) }));
  }
  get(id: string): Promise<LedgerRecord> {
    return Promise.resolve(this.out(this.rows.get(id)!));
  }
  create(input: NewEntryInput): Promise<LedgerRecord> {
    const entry = createEntry(newEntryInputSchema.parse(input), { id: crypto.randomUUID(), siteId: 'demo', number: formNumber(2026, ++this.seq) }, this.ctx());
    this.rows.set(entry.id, { entry, version: 1 });
    return Promise.resolve(this.out({ entry, version: 1 }));
  }
  act(id: string, version: number, action: LedgerAction): Promise<LedgerRecord> {
    ledgerActionRequestSchema.parse({ version, action });
    this.acts++;
    const row = this.rows.get(id)!;
    const next = { entry: applyAction(row.entry, action, this.ctx()), version: version + 1 };
    this.rows.set(id, next);
    return Promise.resolve(this.out(next));
  }
}

let counter = 0;
const dbNames: string[] = [];
const newDb = (): string => {
  const name = `vk-test-desk-ledger-${Date.now()}-${counter++}`;
  dbNames.push(name);
  return name;
};
afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await closeKioskDb(name);
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

const mount = (client: LedgerApi | undefined, dbName: string) =>
  fixture<VkDeskLedger>(html`<vk-desk-ledger .locale=${'en'} .site=${DEMO_SITE} .staff=${STAFF} .client=${client} .dbName=${dbName}></vk-desk-ledger>`);

/** Draws a short stroke on the repair form's signature canvas with the real mouse. */
async function sign(el: VkDeskLedger): Promise<void> {
  const canvas = await until(() => el.shadowRoot?.querySelector<HTMLCanvasElement>('canvas[data-ready]'));
  canvas.scrollIntoView({ block: 'center' });
  const box = canvas.getBoundingClientRect();
  const x = Math.round(box.left + 30);
  const y = Math.round(box.top + 40);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [x + 60, y + 30] });
  await sendMouse({ type: 'move', position: [x + 120, y + 10] });
  await sendMouse({ type: 'up' });
}

describe('<vk-desk-ledger> repair signature and incident records', () => {
  it('refuses to complete a repair with an empty signature pad, then sends the drawn signature and shows it', async () => {
    const hub = new MemoryLedger();
    const created = await hub.create({ channel: 'call', who: { kind: 'resident', unit: '7C' }, subject: 'plumbing', category: 'help-request', description: 'Tap dripping' });
    await hub.act(created.entry.id, 1, { type: 'repair-order', size: 'small', plan: 'Replace the washer', responsibility: 'management', technician: 'Wong' });
    const el = await mount(hub, newDb());
    await until(() => deepText(el).includes('2026-0001'));
    button(el, m.details('2026-0001')).click();
    await until(() => el.shadowRoot?.querySelector('canvas[data-ready]'));
    const acts = hub.acts;
    button(el, m.completeRepair).click();
    await until(() => deepText(el).includes(m.errSignature));
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain(m.errSignature);
    expect(hub.acts).to.equal(acts, 'nothing is sent for an empty pad');

    await sign(el);
    button(el, m.completeRepair).click();
    const repair = await until(() => {
      const r = hub.rows.get(created.entry.id)?.entry.repair;
      return r?.signature !== undefined ? r : undefined;
    });
    expect(repair.signature).to.match(/^data:image\/svg\+xml;base64,/);
    expect(repair.completedAt).to.be.a('string');
    const img = await until(() => el.shadowRoot?.querySelector<HTMLImageElement>('img.signature'));
    expect(img.alt).to.equal(m.signatureAlt('2026-0001'));
    expect(img.src).to.equal(repair.signature);
    await expect(el).to.be.accessible();
  });

  it('lists the desk’s incident records with class, time, state and the written record’s due time', async () => {
    const db = newDb();
    const desk = new DeskStore(db);
    const at = new Date(Date.now() - 5 * 86_400_000);
    const raise = async (incidentClass: 'A' | 'C') =>
      (await desk.raiseAlert({ siteId: DEMO_SITE.id, kind: 'incident', incidentClass, notify: [], escalateAt: new Date(at.getTime() + 120_000) }, at)).alert;
    const closed = await desk.openIncident((await raise('C')).id, at);
    await desk.closeIncident(closed.id, at, new Date(at.getTime() + 2 * 86_400_000));
    await desk.openIncident((await raise('A')).id, at);
    const el = await mount(new MemoryLedger(), db);
    await until(() => deepText(el).includes(m.incidentClasses.C));
    const items = [...el.shadowRoot!.querySelectorAll('li.incident')].map((li) => li.textContent ?? '');
    expect(items).to.have.length(2);
    expect(items.some((t) => t.includes(m.incidentClasses.C) && t.includes('written record overdue since'))).to.equal(true, items.join(' | '));
    expect(items.some((t) => t.includes(m.incidentClasses.A) && t.includes(m.incidentOpen))).to.equal(true, items.join(' | '));
    expect(deepText(el)).to.contain(m.incidentWhere);
    await expect(el).to.be.accessible();
  });

  it('shows the incident records on a desk without a hub too', async () => {
    const db = newDb();
    const desk = new DeskStore(db);
    const at = new Date();
    const { alert } = await desk.raiseAlert({ siteId: DEMO_SITE.id, kind: 'incident', incidentClass: 'B', notify: [], escalateAt: new Date(at.getTime() + 120_000) }, at);
    await desk.openIncident(alert.id, at);
    const el = await mount(undefined, db);
    await until(() => deepText(el).includes(m.incidentClasses.B));
    expect(deepText(el)).to.contain(m.needsHub);
  });
});
