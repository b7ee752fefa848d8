// `<vk-hub-devices>` with the hub's health view (issue 6 item 6): the hub's version, database and disk, what each
// kiosk reported with its last pull (outbox count, storage use), and silence as the hub judges it against the
// site's limit; a failed read says so and keeps the list.
import { expect, fixture, html } from '@open-wc/testing';
import '../../desk/hub-devices.js';
import { formatBytes, type VkHubDevices } from '../../desk/hub-devices.js';
import { DESK_HUB_CATALOGUES } from '../../src/i18n/desk/hub.js';
import type { DeviceStatus, SiteHealthReply } from '../../src/schemas/sync.js';

const NOW = new Date('2026-11-23T06:00:00Z');
const LOBBY = '01950000-0000-7000-8000-0000000aaaaa';
const GATE = '01950000-0000-7000-8000-0000000bbbbb';
const kiosk = (deviceId: string, label: string): DeviceStatus => ({ deviceId, role: 'kiosk', label, lastSyncAt: '2026-11-23T05:40:00.000Z', lastSeq: 10, gaps: [], revoked: false });

const HEALTH: SiteHealthReply = {
  checkedAt: NOW.toISOString(),
  silentMinutes: 15,
  kiosks: [
    { deviceId: LOBBY, label: 'Lobby', lastContactAt: '2026-11-23T05:59:00.000Z', silent: false, pending: 3, storageBytes: 52_400_000, reportedAt: '2026-11-23T05:59:00.000Z' },
    { deviceId: GATE, label: 'Gate', lastContactAt: '2026-11-23T05:40:00.000Z', silent: true },
  ],
  disk: { freeBytes: 12_300_000_000, totalBytes: 64_000_000_000 },
  hub: { version: '1', db: 'postgres' },
};

async function render(loadHealth: () => Promise<SiteHealthReply>): Promise<VkHubDevices> {
  const el = await fixture<VkHubDevices>(html`<vk-hub-devices></vk-hub-devices>`);
  el.messages = DESK_HUB_CATALOGUES.en;
  el.now = NOW;
  el.timeZone = 'Asia/Hong_Kong';
  el.view = { pending: 0, online: true, lastSyncAt: null, devices: [kiosk(LOBBY, 'Lobby'), kiosk(GATE, 'Gate')] };
  el.loadHealth = loadHealth;
  await el.updateComplete;
  await el.refreshHealth();
  await el.updateComplete;
  return el;
}

const itemOf = (el: VkHubDevices, label: string): string =>
  [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '').find((t) => t.startsWith(`Kiosk ${label}`)) ?? '';

describe('desk hub mode: the hub’s health and the kiosks’ reports', () => {
  it('shows the hub’s version, database and disk, each kiosk’s outbox count and storage, and silence by the site’s limit', async () => {
    const el = await render(() => Promise.resolve(HEALTH));
    const text = el.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain('Hub: API version 1, PostgreSQL database');
    expect(text).to.contain(`Disk: ${formatBytes(12_300_000_000, 'en')} free of ${formatBytes(64_000_000_000, 'en')}`);
    expect(formatBytes(12_300_000_000, 'en')).to.equal('12.3 GB');
    expect(itemOf(el, 'Lobby')).to.contain('3 changes waiting, storage 52.4 MB (reported');
    expect(itemOf(el, 'Lobby')).not.to.contain('Warning');
    // Twenty minutes without contact: under the desk's own hour, over the site's 15 minutes — the hub's flag wins.
    expect(itemOf(el, 'Gate')).to.contain('Warning: silent for over 15 minutes');
  });

  it('says when the health could not be read, and still lists the kiosks', async () => {
    const el = await render(() => Promise.reject(new Error('offline')));
    expect(el.shadowRoot!.textContent).to.contain('The hub’s health could not be read.');
    expect(itemOf(el, 'Lobby')).to.contain('last sync');
    expect(itemOf(el, 'Gate')).not.to.contain('Warning', 'without the hub’s view, the desk’s own hour applies');
  });
});
