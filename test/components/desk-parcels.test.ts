import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../../desk/parcels/define.js';
import type { VkDeskParcels } from '../../desk/parcels/vk-desk-parcels.js';
import { PARCEL_PAGE_ROWS } from '../../desk/parcels/vk-desk-parcels.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { receiveParcel } from '../../src/domain/lobby/parcel.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { parcelMessagesFor } from '../../src/i18n/desk/parcels.js';
import { RecordStore, closeKioskDb, newRecordId } from '../../src/storage/index.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

/** 14:00 in Hong Kong on Monday 23 November 2026. */
const MONDAY = new Date('2026-11-23T06:00:00Z');
const m = deskMessagesFor('en');
const p = parcelMessagesFor('en');
const staff: StaffMember = { id: 'guard-1', siteId: DEMO_SITE.id, name: 'Guard One', role: 'receptionist', pinHash: '', pinSalt: '', iterations: 0, failedAttempts: 0 };

let counter = 0;
const dbNames: string[] = [];
const newDb = (): string => {
  const name = `vk-test-desk-parcels-${Date.now()}-${counter++}`;
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

async function mount(dbName: string, locale: 'en' | 'zh-Hant' | 'zh-Hans' = 'en'): Promise<VkDeskParcels> {
  const el = await fixture<VkDeskParcels>(html`<vk-desk-parcels .messages=${m} .site=${DEMO_SITE} .staff=${staff} .dbName=${dbName} .locale=${locale} .now=${() => MONDAY}></vk-desk-parcels>`);
  await el.refresh();
  await el.updateComplete;
  return el;
}

const seed = (dbName: string, unit: string, daysAgo: number) => {
  const at = new Date(MONDAY.getTime() - daysAgo * 86_400_000);
  return new RecordStore(dbName).create((deviceId) => receiveParcel({ id: newRecordId(at), siteId: DEMO_SITE.id, deviceId, timeZone: DEMO_SITE.timeZone, now: at, source: 'kiosk', notify: 'phone' }, { carrier: 'SF Express', unit, count: 1 }), at);
};

/** Draws a short stroke on the panel's signature canvas with the real mouse. */
async function sign(el: VkDeskParcels): Promise<void> {
  const canvas = await until(() => el.shadowRoot?.querySelector('canvas'));
  await until(() => (el as unknown as { pad?: unknown }).pad);
  const box = canvas.getBoundingClientRect();
  const x = Math.round(box.left + 30);
  const y = Math.round(box.top + 40);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: [x + 60, y + 30] });
  await sendMouse({ type: 'move', position: [x + 120, y + 10] });
  await sendMouse({ type: 'up' });
}

describe('<vk-desk-parcels>', () => {
  it('logs a parcel from the desk in a few fields and lists what waits oldest first with its age', async () => {
    const db = newDb();
    await seed(db, '3C', 3);
    const el = await mount(db);
    field(el, p.carrier).value = 'Kerry';
    field(el, p.unit).value = '12B';
    button(el, p.logParcel).click();
    await until(() => deepText(el).includes(p.logged('12B')));
    await until(() => el.renderedRows === 2);
    const rows = [...(el.shadowRoot?.querySelectorAll('li.parcel') ?? [])].map((li) => li.textContent ?? '');
    expect(rows[0]).to.contain('3C').and.contain('3 days');
    expect(rows[1]).to.contain('12B').and.contain('Kerry');
    await expect(el).to.be.accessible();
  });

  it('refuses an empty signature pad, then records a collection on someone’s behalf with the signature', async () => {
    const db = newDb();
    await seed(db, '12B', 1);
    const el = await mount(db);
    button(el, p.collect).click();
    await el.updateComplete;
    field(el, p.collectorName).value = 'Wong Siu Ming';
    await until(() => (el as unknown as { pad?: unknown }).pad);
    button(el, p.confirmCollection).click();
    await until(() => deepText(el).includes(p.errSignature));
    expect(el.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.contain(p.errSignature);
    await expect(el).to.be.accessible();
    await sign(el);
    button(el, p.confirmCollection).click();
    await until(() => el.shadowRoot?.querySelector('li.collected'));
    const line = el.shadowRoot?.querySelector('li.collected')?.textContent ?? '';
    expect(line).to.contain('Wong Siu Ming for 12B');
    const img = el.shadowRoot?.querySelector('li.collected img') as HTMLImageElement;
    expect(img.alt).to.equal(p.signatureAlt('Wong Siu Ming'));
    expect(img.src.startsWith('data:image/svg+xml;base64,')).to.equal(true);
    expect(el.renderedRows).to.equal(0);
  });

  it('refuses a parcel collected twice (another desk was first) with who collected it and when', async () => {
    const db = newDb();
    const parcel = await seed(db, '8A', 0);
    const el = await mount(db);
    button(el, p.collect).click();
    await el.updateComplete;
    field(el, p.collectorName).value = 'Second Person';
    await sign(el);
    // Another desk collects it first, behind this one's back.
    const { collectParcel } = await import('../../src/domain/lobby/parcel.js');
    await new RecordStore(db).update(parcel.id, (r) => collectParcel(r as typeof parcel, { collectorName: 'First Person', signature: 'data:image/png;base64,AAAA', staffId: 'guard-2' }, MONDAY), MONDAY);
    button(el, p.confirmCollection).click();
    await until(() => deepText(el).includes('Already collected by First Person'));
  });

  it('shows waiting parcels a page at a time (120 here), in Chinese, at 390 px', async () => {
    const db = newDb();
    for (let i = 0; i < 120; i++) await seed(db, `U${i}`, 0);
    await setViewport({ width: 390, height: 800 });
    const el = await mount(db, 'zh-Hant');
    expect(el.renderedRows).to.equal(PARCEL_PAGE_ROWS);
    button(el, parcelMessagesFor('zh-Hant').showMore(PARCEL_PAGE_ROWS)).click();
    await el.updateComplete;
    expect(el.renderedRows).to.equal(2 * PARCEL_PAGE_ROWS);
    expect(el.scrollWidth).to.be.at.most(390);
    await expect(el).to.be.accessible();
    await setViewport({ width: 1280, height: 800 });
  });
});
