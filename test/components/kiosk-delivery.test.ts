import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../kiosk/define.js';
import type { VisitorKiosk } from '../../kiosk/visitor-kiosk.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { LANE_CATALOGUES } from '../../src/i18n/lobby.js';
import { RecordStore, VisitStore, closeKioskDb } from '../../src/storage/index.js';
import { localDayKey } from '../../src/domain/time.js';
import { byRole, deepElements, field, until } from '../fixtures/shadow.js';

/** The button whose text contains `name` (the welcome's Delivery button also holds a drawn parcel). */
const buttonWith = (root: ParentNode, name: string): HTMLButtonElement => {
  for (const el of deepElements(root)) if (el instanceof HTMLButtonElement && (el.textContent ?? '').replace(/\s+/g, ' ').trim() === name) return el;
  throw new Error(`no button "${name}"`);
};

const dbNames: string[] = [];
afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await closeKioskDb(name);
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

async function kioskIn(lang: 'en' | 'zh-Hant' | 'zh-Hans'): Promise<{ kiosk: VisitorKiosk; db: string }> {
  const db = `vk-test-delivery-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  dbNames.push(db);
  const kiosk = await fixture<VisitorKiosk>(html`<visitor-kiosk lang=${lang} .dbName=${db}></visitor-kiosk>`);
  kiosk.config = DEMO_SITE;
  return { kiosk, db };
}

describe('<visitor-kiosk> delivery lane', () => {
  it('logs a courier’s parcels as a lobby record — no visit — asking only company, unit and count', async () => {
    const m = LANE_CATALOGUES.en;
    const { kiosk, db } = await kioskIn('en');
    (await until(() => buttonWith(kiosk, m.delivery))).click();
    (await until(() => buttonWith(kiosk, m.courier))).click();
    await until(() => field(kiosk, m.unit));
    // Only the lane's fields: no name, phone or ID.
    const labels = [...deepElements(kiosk)].filter((e) => e instanceof HTMLLabelElement).map((e) => e.textContent?.trim());
    expect(labels).to.deep.equal([m.courierCompany, m.unit, m.count]);
    await expect(kiosk).to.be.accessible();
    buttonWith(kiosk, m.submit).click();
    await until(() => field(kiosk, m.unit).getAttribute('aria-invalid') === 'true');
    field(kiosk, m.courierCompany).value = 'SF Express';
    field(kiosk, m.unit).value = '12B';
    buttonWith(kiosk, '+').click();
    await until(() => field(kiosk, m.count).value === '2');
    buttonWith(kiosk, m.submit).click();
    const status = await until(() => byRole(kiosk, 'status').find((s) => s.textContent?.includes(m.outcomeCourierPhone)));
    expect(status.textContent).to.contain(m.outcomeCourierPhone);
    await expect(kiosk).to.be.accessible();
    const records = await new RecordStore(db).byState('parcel', ['received']);
    expect(records.rows.map((r) => [r.data['unit'], r.data['count'], r.data['carrier'], r.data['source']])).to.deep.equal([['12B', 2, 'SF Express', 'kiosk']]);
    const visits = await new VisitStore(db).listByDay(localDayKey(new Date(), DEMO_SITE.timeZone));
    expect(visits.rows).to.have.length(0);
    buttonWith(kiosk, m.done).click();
    await until(() => buttonWith(kiosk, m.delivery));
  });

  it('offers the lane in Chinese on a phone-sized screen: a food rider waits in the lobby', async () => {
    await setViewport({ width: 390, height: 844 });
    const m = LANE_CATALOGUES['zh-Hans'];
    const { kiosk, db } = await kioskIn('zh-Hans');
    (await until(() => buttonWith(kiosk, m.delivery))).click();
    (await until(() => buttonWith(kiosk, m.food))).click();
    await until(() => field(kiosk, m.unit));
    await expect(kiosk).to.be.accessible();
    field(kiosk, m.foodCompany).value = '美团';
    field(kiosk, m.unit).value = '3A';
    buttonWith(kiosk, m.submit).click();
    await until(() => byRole(kiosk, 'status').find((s) => s.textContent?.includes(m.outcomeFoodPhone)));
    const rows = (await new RecordStore(db).byState('food-delivery', ['waiting'])).rows;
    expect(rows.map((r) => r.data['unit'])).to.deep.equal(['3A']);
    await setViewport({ width: 1280, height: 800 });
  });
});
