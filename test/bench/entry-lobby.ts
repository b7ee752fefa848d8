/**
 * Bench-only page entry (built by lobby.mjs with Vite's JS API, never shipped): the desk's parcel log
 * (`<vk-desk-parcels>`) on a database the page fills with waiting parcels through the app's own `RecordStore`,
 * so lobby.mjs can time its first paint with a page of rows against the naive render-everything baseline
 * (`pageSize = Infinity`), and drive a collection with a drawn signature.
 */
import '../../desk/parcels/define.js';
import type { VkDeskParcels } from '../../desk/parcels/vk-desk-parcels.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { receiveParcel } from '../../src/domain/lobby/parcel.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { RecordStore, newRecordId } from '../../src/storage/records.js';

const DB = 'vk-lobby-bench';
const staff: StaffMember = { id: 'bench-guard', siteId: DEMO_SITE.id, name: 'Bench Guard', role: 'receptionist', pinHash: '', pinSalt: '', iterations: 0, failedAttempts: 0 };
const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

declare global {
  interface Window {
    vkLobbyBench: {
      seed(n: number): Promise<number>;
      mount(pageSize: number): Promise<{ ms: number; rows: number }>;
      unmount(): void;
    };
  }
}

window.vkLobbyBench = {
  /** Logs `n` parcels over the last days (oldest first), each in its own strict transaction as the desk does. */
  async seed(n) {
    const store = new RecordStore(DB);
    const start = Date.now() - n * 60_000;
    for (let i = 0; i < n; i++) {
      const at = new Date(start + i * 60_000);
      await store.create((deviceId) => receiveParcel({ id: newRecordId(at), siteId: DEMO_SITE.id, deviceId, timeZone: DEMO_SITE.timeZone, now: at, source: 'kiosk', notify: 'phone' }, { carrier: 'SF Express', unit: `${1 + (i % 40)}${'ABCDEFGH'[i % 8]}`, count: 1 + (i % 3) }), at);
    }
    return n;
  },
  /** Mounts the panel; `ms`: element created → the first frame drawn with rows of the waiting list in it. */
  async mount(pageSize) {
    const t0 = performance.now();
    const el = document.createElement('vk-desk-parcels') as VkDeskParcels;
    el.messages = deskMessagesFor('en');
    el.site = DEMO_SITE;
    el.staff = staff;
    el.dbName = DB;
    el.locale = 'en';
    el.pageSize = pageSize;
    document.querySelector('main')?.append(el);
    // First paint of the list: the first frame drawn with rows in it (the day's collections may still be loading).
    while (el.renderedRows === 0) await nextFrame();
    const ms = performance.now() - t0;
    await el.refresh();
    return { ms, rows: el.renderedRows };
  },
  unmount() {
    document.querySelector('vk-desk-parcels')?.remove();
  },
};
