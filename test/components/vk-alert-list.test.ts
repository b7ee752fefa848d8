import { expect, fixture, html } from '@open-wc/testing';
import '../../components/vk-alert-list/define.js';
import type { AlertView } from '../../components/vk-alert-list/vk-alert-list.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { LOCALE_TAGS } from '../../src/i18n/index.js';

// A health alert (hub/health.ts) has no visit: the desk names it by its class label and the health script.
const health: AlertView = { id: 'h1', label: 'health', notify: [], summary: '', createdAt: '2026-11-23T06:00:00.000Z', escalationLevel: 0, acknowledged: '', mediaPresent: false };

describe('vk-alert-list', () => {
  for (const locale of LOCALE_TAGS) {
    it(`labels a health alert with its class and script (${locale})`, async () => {
      const m = deskMessagesFor(locale);
      const el = await fixture(html`<vk-alert-list .messages=${m} .alerts=${[health]}></vk-alert-list>`);
      const alert = el.shadowRoot?.querySelector('[role="alert"]');
      expect(alert, 'one role="alert" element').to.not.equal(null);
      expect(alert?.querySelector('.title')?.textContent?.trim()).to.equal(m.classLabel.health);
      expect(alert?.textContent).to.include(m.scriptHealth);
      expect(el.shadowRoot?.querySelector('button')?.textContent?.trim()).to.equal(m.acknowledge);
    });

    // A host who answered "Not expected" (hub/notify/host-answers.ts): its own label and script, acknowledged like any alert.
    it(`labels a host-declined alert with its class and script (${locale})`, async () => {
      const m = deskMessagesFor(locale);
      const declined: AlertView = { ...health, id: 'd1', label: 'host-declined', summary: 'Visitor, 12B' };
      const el = await fixture(html`<vk-alert-list .messages=${m} .alerts=${[declined]}></vk-alert-list>`);
      const alert = el.shadowRoot?.querySelector('[role="alert"]');
      expect(alert?.querySelector('.title')?.textContent?.trim()).to.equal(`${m.classLabel['host-declined']} — Visitor, 12B`);
      expect(alert?.textContent).to.include(m.scriptHostDeclined);
      expect(el.shadowRoot?.querySelector('button')?.textContent?.trim()).to.equal(m.acknowledge);
    });
  }
});
