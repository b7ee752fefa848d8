// <vk-desk-ledger> in real Chromium against an in-memory ledger that runs the same domain code and wire schemas
// as the hub (the hub's endpoints are tested against those schemas in test/node): the keyboard-only "log a
// call", urgency order and clocks on the hub's time, hand-over, follow-up, the conflict notice, the withheld
// complainant, three languages in their own scripts, and axe.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import * as OpenCC from 'opencc-js';
import '../../desk/ledger/define.js';
import type { VkDeskLedger } from '../../desk/ledger/vk-desk-ledger.js';
import { HK_CALENDAR } from '../../src/domain/calendars/hk.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { applyAction, createEntry, formNumber, redactFor, type LedgerAction, type LedgerEntry, type NewEntryInput } from '../../src/domain/ledger/index.js';
import { LEDGER_CATALOGUES } from '../../src/i18n/desk/ledger.js';
import { ledgerActionRequestSchema, ledgerListReplySchema, ledgerRecordSchema, newEntryInputSchema, type LedgerListReply, type LedgerRecord } from '../../src/schemas/ledger.js';
import { SyncError } from '../../src/sync/errors.js';
import type { LedgerApi } from '../../src/sync/ledger-client.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

const STAFF: StaffMember = { id: 'desk-1', siteId: DEMO_SITE.id, name: 'Mei', role: 'receptionist', pinHash: 'A'.repeat(43), pinSalt: 'B'.repeat(22), iterations: 100_000, failedAttempts: 0 };
const HOUR = 3_600_000;

/** An in-memory hub ledger on a clock of its own (`offsetMs` ahead of this machine's), through the wire schemas. */
class MemoryLedger implements LedgerApi {
  offsetMs = 0;
  role: StaffMember['role'] = 'receptionist';
  readonly rows = new Map<string, { entry: LedgerEntry; version: number }>();
  private seq = 0;
  private now = () => new Date(Date.now() + this.offsetMs);
  private ctx = () => ({ at: this.now(), by: 'desk-1', calendar: HK_CALENDAR, timeZone: 'Asia/Hong_Kong', newId: () => crypto.randomUUID() });
  private out = (r: { entry: LedgerEntry; version: number }): LedgerRecord => ledgerRecordSchema.parse({ entry: redactFor(r.entry, this.role), version: r.version });

  list(): Promise<LedgerListReply> {
    return Promise.resolve(ledgerListReplySchema.parse({ now: this.now().toISOString(), entries: [...this.rows.values()].map(this.out) }));
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
    const row = this.rows.get(id)!;
    if (row.version !== version) return Promise.reject(new SyncError('bad-request', { status: 409, hubCode: 'ledger-conflict' }));
    const next = { entry: applyAction(row.entry, action, this.ctx()), version: version + 1 };
    this.rows.set(id, next);
    return Promise.resolve(this.out(next));
  }
}

async function mount(client: LedgerApi | undefined, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en', staff: StaffMember = STAFF): Promise<VkDeskLedger> {
  return fixture<VkDeskLedger>(html`<vk-desk-ledger .locale=${locale} .site=${DEMO_SITE} .staff=${staff} .client=${client}></vk-desk-ledger>`);
}

const m = LEDGER_CATALOGUES.en;

describe('<vk-desk-ledger>', () => {
  it('says honestly that the ledger needs the hub on a standalone desk', async () => {
    const el = await mount(undefined);
    expect(deepText(el)).to.contain(m.needsHub);
    await expect(el).to.be.accessible();
  });

  it('logs a complaint call by keyboard alone: Tab between fields, Enter logs it', async () => {
    const hub = new MemoryLedger();
    const el = await mount(hub);
    field<HTMLSelectElement>(el, m.channel).focus();
    // Channel: Phone call (default) → Tab → Category: type to choose "Complaint".
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Complaint' });
    await el.updateComplete;
    expect(field<HTMLSelectElement>(el, m.category).value).to.equal('complaint');
    await sendKeys({ press: 'Tab' }); // important
    await sendKeys({ press: 'Tab' }); // caller: resident
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '12B' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Chan' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '91234567' });
    await sendKeys({ press: 'Tab' }); // subject: the first (plumbing)
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ceiling leaking' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Engineering' });
    await sendKeys({ press: 'Enter' });
    await until(() => hub.rows.size === 1);
    const [row] = [...hub.rows.values()];
    expect(row?.entry).to.include({ channel: 'call', category: 'complaint', subject: 'plumbing', description: 'Ceiling leaking', dueKind: 'complaint-24h' });
    expect(row?.entry.who).to.deep.equal({ kind: 'resident', unit: '12B', name: 'Chan', phone: '91234567' });
    expect(row?.entry.about).to.deep.equal({ kind: 'department', department: 'Engineering' });
    await until(() => deepText(el).includes(m.logged('2026-0001')));
    expect(deepText(el)).to.contain(m.withheld, 'a receptionist reads a protected complainant as withheld');
    await expect(el).to.be.accessible();
  });

  it('sorts by urgency and shows the clocks on the hub’s time; hands over, answers, follows up', async () => {
    const hub = new MemoryLedger();
    await hub.create({ channel: 'visit', who: { kind: 'anonymous' }, subject: 'other', category: 'consultation', description: 'Asked about the pool' });
    const complaint = await hub.create({ channel: 'call', who: { kind: 'resident', unit: '3A' }, subject: 'noise', category: 'complaint', description: 'Drilling at night' });
    hub.offsetMs = 25 * HOUR;
    const el = await mount(hub);
    await until(() => deepText(el).includes('Overdue since'));
    const items = [...el.shadowRoot!.querySelectorAll('li.entry')].map((li) => li.getAttribute('aria-label'));
    expect(items).to.deep.equal(['Entry 2026-0002', 'Entry 2026-0001'], 'the overdue complaint first');
    button(el, m.details('2026-0002')).click();
    await el.updateComplete;
    field(el, m.handOverTo).value = 'night-shift';
    field(el, m.handOverNote).value = 'Call the flat back at 9';
    button(el, m.handOver).click();
    await until(() => hub.rows.get(complaint.entry.id)?.entry.ownerId === 'night-shift');
    await el.updateComplete;
    field(el, m.reply).value = 'Management will warn the contractor';
    button(el, m.recordReply).click();
    await until(() => deepText(el).includes('Answered late'));
    field(el, m.resolution).value = 'Contractor stopped';
    button(el, m.markResolved).click();
    await until(() => deepText(el).includes('Follow up 2026-0002'));
    (el.shadowRoot!.querySelector('input[value="dissatisfied"]') as HTMLInputElement).click();
    field(el, m.reason).value = 'Still noisy on Sunday';
    button(el, m.recordFollowUp).click();
    await until(() => hub.rows.get(complaint.entry.id)?.entry.status === 'reopened');
    await expect(el).to.be.accessible();
  });

  it('tells the later desk that another changed the entry first, and shows the entry as it is now', async () => {
    const hub = new MemoryLedger();
    const e = await hub.create({ channel: 'call', who: { kind: 'anonymous' }, subject: 'lifts', category: 'help-request', description: 'Lift stuck at 5/F' });
    const el = await mount(hub);
    await until(() => deepText(el).includes('2026-0001'));
    // Another desk answers first.
    await hub.act(e.entry.id, 1, { type: 'assign', department: 'Security' });
    button(el, m.details('2026-0001')).click();
    await el.updateComplete;
    field(el, m.reply).value = 'Technician on the way';
    button(el, m.recordReply).click();
    await until(() => deepText(el).includes(m.errors['ledger-conflict']));
    await until(() => deepText(el).includes(m.passedTo('Security')));
    expect(hub.rows.get(e.entry.id)?.entry.reply).to.equal(undefined, 'nothing of the later desk was written');
  });

  it('passes a message to a colleague, promises a time, issues a repair order and completes it', async () => {
    const hub = new MemoryLedger();
    const e = await hub.create({ channel: 'call', who: { kind: 'resident', unit: '5F' }, subject: 'plumbing', category: 'help-request', description: 'Tap dripping', assignee: 'Mr Lee' });
    const el = await mount(hub);
    await until(() => deepText(el).includes(m.message('Mr Lee', '5F', 'Tap dripping')));
    button(el, m.details('2026-0001')).click();
    await el.updateComplete;
    field(el, m.promisedDay).value = '2026-11-24';
    field(el, m.promisedTime).value = '15:00';
    button(el, m.promise).click();
    // 15:00 in Hong Kong is 07:00 UTC.
    await until(() => hub.rows.get(e.entry.id)?.entry.promisedAt === '2026-11-24T07:00:00.000Z');
    await el.updateComplete;
    field<HTMLSelectElement>(el, m.repairSize).value = 'large';
    field(el, m.repairPlan).value = 'Replace the mixer tap';
    field(el, m.repairResponsibility).value = 'Owner';
    field(el, m.repairTechnician).value = 'Wong';
    field(el, m.repairCost).value = '=SUM(A1)';
    button(el, m.issueRepair).click();
    await until(() => hub.rows.get(e.entry.id)?.entry.repair?.dueKind === 'repair-one-week');
    await until(() => deepText(el).includes('Repair order: Replace the mixer tap · Wong'));
    await el.updateComplete;
    field(el, m.residentComment).value = 'Works well';
    // The resident signs on the pad (an empty pad is refused: desk-ledger-repair-incidents.test.ts).
    const canvas = await until(() => el.shadowRoot?.querySelector<HTMLCanvasElement>('canvas[data-ready]'));
    canvas.scrollIntoView({ block: 'center' });
    const box = canvas.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 30), Math.round(box.top + 40)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(box.left + 120), Math.round(box.top + 70)] });
    await sendMouse({ type: 'up' });
    button(el, m.completeRepair).click();
    await until(() => hub.rows.get(e.entry.id)?.entry.status === 'resolved');
    expect(hub.rows.get(e.entry.id)?.entry.repair).to.include({ residentComment: 'Works well', cost: '=SUM(A1)' });
    await until(() => deepText(el).includes('Follow up 2026-0001'));
    await expect(el).to.be.accessible();
  });

  it('shows a protected complainant to customer service', async () => {
    const hub = new MemoryLedger();
    hub.role = 'customer-service';
    await hub.create({ channel: 'call', who: { kind: 'resident', unit: '8C', name: 'Wong' }, subject: 'staff-conduct', category: 'complaint', description: 'Rude guard', about: { kind: 'person', person: 'Guard Lee' } });
    const el = await mount(hub, 'en', { ...STAFF, role: 'customer-service' });
    await until(() => deepText(el).includes('8C · Wong'));
  });

  it('renders in 繁體中文 and 简体中文, each in its own script', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    const strings = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : typeof v === 'function' ? strings((v as (...a: unknown[]) => unknown)('2026-0001', 'X')) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];
    const han = (t: string) => [...t].filter((c) => /\p{Script=Han}/u.test(c));
    expect(strings(LEDGER_CATALOGUES['zh-Hant']).flatMap(han).filter(simplifiedOnly)).to.deep.equal([]);
    expect(strings(LEDGER_CATALOGUES['zh-Hans']).flatMap(han).filter(traditionalOnly)).to.deep.equal([]);
    expect(strings(LEDGER_CATALOGUES.en).some((t) => /\p{Script=Han}/u.test(t))).to.equal(false);
    const keys = (v: object): string[] => Object.entries(v).flatMap(([k, x]) => (x && typeof x === 'object' ? keys(x as object).map((s) => `${k}.${s}`) : [k])).sort();
    expect(keys(LEDGER_CATALOGUES['zh-Hant'])).to.deep.equal(keys(LEDGER_CATALOGUES.en));
    expect(keys(LEDGER_CATALOGUES['zh-Hans'])).to.deep.equal(keys(LEDGER_CATALOGUES.en));
    const el = await mount(new MemoryLedger(), 'zh-Hant');
    await until(() => deepText(el).includes('登記來電'));
    await expect(el).to.be.accessible();
  });
});
