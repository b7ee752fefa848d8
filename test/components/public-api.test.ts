// The root elements' public methods and the typed locale event, as a host page uses them (docs/embedding.md:
// Methods, Events): `setLanguage()` and `reset()` on both elements, `vk-locale-change` with its `{ locale }`.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../desk/define.js';
import '../../kiosk/define.js';
import type { VisitorDesk } from '../../desk/visitor-desk.js';
import { LocaleChangeEvent } from '../../kiosk/events.js';
import type { VisitorKiosk } from '../../kiosk/visitor-kiosk.js';
import { hashPin } from '../../src/auth/pin.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { MIN_PIN_HASH_ITERATIONS } from '../../src/domain/desk.js';
import { CATALOGUES } from '../../src/i18n/index.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { DeskStore } from '../../src/storage/index.js';
import { button, field, until } from '../fixtures/shadow.js';

let counter = 0;
const dbName = () => `vk-test-public-api-${Date.now()}-${counter++}`;

describe('public API of <visitor-kiosk> and <visitor-desk>', () => {
  it('kiosk: setLanguage() switches and announces vk-locale-change { locale }; reset() returns to the default language', async () => {
    const kiosk = await fixture<VisitorKiosk>(html`<visitor-kiosk lang="en" site="demo" .dbName=${dbName()}></visitor-kiosk>`);
    await until(() => button(kiosk, CATALOGUES.en.checkIn));
    const seen: LocaleChangeEvent[] = [];
    const listener = (e: LocaleChangeEvent) => seen.push(e);
    document.addEventListener('vk-locale-change', listener);
    try {
      kiosk.setLanguage('zh-Hant');
      await until(() => button(kiosk, CATALOGUES['zh-Hant'].checkIn));
      expect(kiosk.currentLocale).to.equal('zh-Hant');
      expect(seen.map((e) => e.detail.locale)).to.deep.equal(['zh-Hant']);
      expect(seen[0]).to.be.instanceOf(LocaleChangeEvent);
      expect(seen[0]?.composed, 'crosses the host page’s shadow roots').to.equal(true);

      kiosk.reset();
      await until(() => button(kiosk, CATALOGUES.en.checkIn));
      expect(kiosk.currentLocale).to.equal('en');
      expect(seen.map((e) => e.detail.locale)).to.deep.equal(['zh-Hant', 'en']);
    } finally {
      document.removeEventListener('vk-locale-change', listener);
    }
  });

  it('desk: setLanguage() switches the console; reset() signs the staff member out', async () => {
    const name = dbName();
    const pin = '2468';
    await new DeskStore(name).putStaff({
      id: 'staff-test',
      siteId: DEMO_SITE.id,
      name: 'Test Receptionist',
      role: 'receptionist',
      // The fewest iterations a hash may have: the same check as the product's, at its cheapest.
      ...(await hashPin(pin, { iterations: MIN_PIN_HASH_ITERATIONS })),
      failedAttempts: 0,
    });
    const desk = await fixture<VisitorDesk>(html`<visitor-desk lang="en" .dbName=${name}></visitor-desk>`);
    const en = deskMessagesFor('en');
    const zh = deskMessagesFor('zh-Hans');

    desk.setLanguage('zh-Hans');
    await until(() => button(desk, zh.signIn));
    desk.setLanguage('en');
    await until(() => button(desk, en.signIn));

    field(desk, en.pin).focus();
    await sendKeys({ type: pin });
    await sendKeys({ press: 'Enter' });
    await until(() => button(desk, en.signOut), 10_000);

    desk.reset();
    await until(() => button(desk, en.signIn));
    expect(() => button(desk, en.signOut)).to.throw();
  });
});
