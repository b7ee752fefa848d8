// The watch list on a hub-linked desk (desk/planning): the hub lets only the site manager and the guard keep it
// (hub/api/app.ts WATCH_LIST_ROLES). A receptionist is told so in words — not shown an empty list, nor
// "Could not save" when adding. The hub link is stood in for by its interface (HubWatchList) answering as the
// hub's client does: a SyncError of kind `forbidden` for a 403. Real IndexedDB for the rest of the panel.
import { expect, fixture, html } from '@open-wc/testing';
import '../../desk/planning/define.js';
import type { HubWatchList, VkDeskPlanning } from '../../desk/planning/vk-desk-planning.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember, WatchEntry } from '../../src/domain/desk.js';
import { deskMessagesFor as deskMessages } from '../../src/i18n/desk/index.js';
import { LOCALE_TAGS } from '../../src/i18n/index.js';
import { SyncError } from '../../src/sync/errors.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

const NOW = new Date('2026-03-10T02:00:00Z');
const STAFF: StaffMember = { id: 'desk-1', siteId: DEMO_SITE.id, name: 'Mei', role: 'receptionist', pinHash: 'A'.repeat(43), pinSalt: 'B'.repeat(22), iterations: 100_000, failedAttempts: 0 };
const forbidden = () => new SyncError('forbidden', { status: 403, hubCode: 'forbidden' });
const dbNames: string[] = [];

async function mount(hubWatch: HubWatchList, locale: (typeof LOCALE_TAGS)[number] = 'en'): Promise<{ el: VkDeskPlanning; watch: HTMLElement }> {
  const dbName = `vk-test-planning-hub-watch-${Date.now()}-${dbNames.length}`;
  dbNames.push(dbName);
  const el = await fixture<VkDeskPlanning>(
    html`<vk-desk-planning .messages=${deskMessages(locale)} .site=${DEMO_SITE} .staff=${STAFF} .dbName=${dbName} .now=${() => NOW} .hubWatch=${hubWatch}></vk-desk-planning>`,
  );
  await until(() => deepText(el).includes(deskMessages(locale).planning.watchHeading));
  const watch = el.shadowRoot!.querySelector<HTMLElement>('section[aria-labelledby="watch-h"]')!;
  return { el, watch };
}

afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

describe('<vk-desk-planning> watch list at the hub', () => {
  for (const locale of LOCALE_TAGS) {
    it(`tells a member the hub refuses who keeps the watch list, instead of an empty list and a form (${locale})`, async () => {
      const p = deskMessages(locale).planning;
      const { watch } = await mount({ list: () => Promise.reject(forbidden()), add: () => Promise.reject(forbidden()), remove: () => Promise.reject(forbidden()) }, locale);
      await until(() => deepText(watch).includes(p.watchRolesOnly));
      expect(watch.querySelector('[role="status"]')?.textContent?.trim()).to.equal(p.watchRolesOnly);
      expect(watch.querySelector('form'), 'no form to fill in for nothing').to.equal(null);
      expect(deepText(watch)).not.to.contain(p.noWatch);
    });
  }

  it('says who keeps the list when the hub refuses an addition, and still says "could not save" for other failures', async () => {
    const p = deskMessages('en').planning;
    let refusal: () => Error = () => new SyncError('network');
    const entries: WatchEntry[] = [];
    const { el, watch } = await mount({ list: () => Promise.resolve(entries), add: () => Promise.reject(refusal()), remove: () => Promise.resolve() });
    const fill = () => {
      for (const [label, value] of [['Name', 'Chan Tai Man'], ['Reason', 'Trespass'], ['Approved by', 'Lee'], ['Expires', '2026-04-01']] as const) {
        const input = field<HTMLInputElement>(el, label);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    };
    fill();
    button(watch, 'Add to watch list').click();
    await until(() => deepText(watch).includes(p.errors['storage-failed']));
    expect(watch.querySelector('form'), 'a network failure keeps the form').to.not.equal(null);

    refusal = forbidden;
    fill();
    button(watch, 'Add to watch list').click();
    await until(() => deepText(watch).includes(p.watchRolesOnly));
    expect(deepText(watch)).not.to.contain(p.errors['storage-failed']);
  });
});

