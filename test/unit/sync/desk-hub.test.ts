import { expect, fixture, html } from '@open-wc/testing';
import * as OpenCC from 'opencc-js';
import '../../../desk/hub-devices.js';
import { isStale, missingRecords, type VkHubDevices } from '../../../desk/hub-devices.js';
import { hubDbName, KIOSK_STALE_MS } from '../../../desk/hub-link.js';
import { DESK_HUB_CATALOGUES } from '../../../src/i18n/desk/hub.js';
import type { DeviceStatus } from '../../../src/schemas/sync.js';

const NOW = new Date('2026-11-23T06:00:00Z');
const kiosk = (over: Partial<DeviceStatus>): DeviceStatus => ({
  deviceId: '01950000-0000-7000-8000-00000000000a',
  role: 'kiosk',
  lastSyncAt: '2026-11-23T05:59:00.000Z',
  lastSeq: 10,
  gaps: [],
  revoked: false,
  ...over,
});

/** Every string of a catalogue, functions called with a sample argument. */
const strings = (catalogue: object): [string, string][] =>
  Object.entries(catalogue).map(([k, v]) => [k, typeof v === 'function' ? String((v as (a: unknown) => unknown)(3)) : String(v)]);

describe('desk hub mode: kiosks and their warnings', () => {
  it('a kiosk silent for over an hour is stale; never synced is stale; gaps count their records', () => {
    expect(isStale(kiosk({}), NOW)).to.equal(false);
    expect(isStale(kiosk({ lastSyncAt: new Date(NOW.getTime() - KIOSK_STALE_MS - 1).toISOString() }), NOW)).to.equal(true);
    expect(isStale(kiosk({ lastSyncAt: new Date(NOW.getTime() - KIOSK_STALE_MS).toISOString() }), NOW)).to.equal(false);
    expect(isStale({}, NOW)).to.equal(true); // never synced
    expect(missingRecords(kiosk({ gaps: [[3, 3], [7, 9]] }))).to.equal(4);
  });

  it('shows a warning for a silent kiosk and for a sequence gap, none for a healthy or revoked one', async () => {
    const el = await fixture<VkHubDevices>(html`<vk-hub-devices></vk-hub-devices>`);
    el.messages = DESK_HUB_CATALOGUES.en;
    el.now = NOW;
    el.timeZone = 'Asia/Hong_Kong';
    el.view = {
      pending: 2,
      online: false,
      lastSyncAt: null,
      devices: [
        kiosk({ deviceId: '01950000-0000-7000-8000-0000000aaaaa', label: 'Lobby' }),
        kiosk({ deviceId: '01950000-0000-7000-8000-0000000bbbbb', label: 'Gate', lastSyncAt: '2026-11-23T04:30:00.000Z' }),
        kiosk({ deviceId: '01950000-0000-7000-8000-0000000ccccc', label: 'Tower', gaps: [[4, 6]] }),
        kiosk({ deviceId: '01950000-0000-7000-8000-0000000ddddd', label: 'Old', lastSyncAt: '2026-11-01T00:00:00.000Z', revoked: true }),
        kiosk({ deviceId: '01950000-0000-7000-8000-0000000eeeee', role: 'desk' }),
      ],
    };
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(items.length).to.equal(4); // desks are not listed
    const of = (label: string) => items.find((t) => t.startsWith(`Kiosk ${label}`)) ?? '';
    expect(of('Lobby')).not.to.contain('Warning');
    expect(of('Gate')).to.contain('Warning: not synced for over an hour');
    expect(of('Tower')).to.contain('Warning: 3 records from this kiosk never arrived');
    expect(of('Old')).to.contain('revoked');
    expect(of('Old')).not.to.contain('Warning');
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).to.contain('2 changes waiting to be sent');
    expect(text).to.contain('The hub cannot be reached');
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
  });

  it('every locale has every key, and each Chinese catalogue keeps to its own script', () => {
    const keys = (c: object) => Object.keys(c).sort();
    expect(keys(DESK_HUB_CATALOGUES['zh-Hant'])).to.deep.equal(keys(DESK_HUB_CATALOGUES.en));
    expect(keys(DESK_HUB_CATALOGUES['zh-Hans'])).to.deep.equal(keys(DESK_HUB_CATALOGUES.en));
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const [key, text] of strings(DESK_HUB_CATALOGUES['zh-Hant'])) expect(han(text).filter((c) => toSimplified(c) === c && toTraditional(c) !== c), `zh-Hant ${key}: ${text}`).to.deep.equal([]);
    for (const [key, text] of strings(DESK_HUB_CATALOGUES['zh-Hans'])) expect(han(text).filter((c) => toTraditional(c) === c && toSimplified(c) !== c), `zh-Hans ${key}: ${text}`).to.deep.equal([]);
    for (const [key, text] of strings(DESK_HUB_CATALOGUES.en)) expect(han(text), `en ${key}`).to.deep.equal([]);
  });

  it('hub mode keeps its copy in a database of its own', () => {
    expect(hubDbName('visitor-kiosk')).to.equal('visitor-kiosk:hub');
    expect(hubDbName('visitor-kiosk:hub')).to.equal('visitor-kiosk:hub');
  });
});
