import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../kiosk/define.js';
import type { VisitorKiosk } from '../../kiosk/visitor-kiosk.js';
import { VisitStore } from '../../src/storage/index.js';
import { localDayKey } from '../../src/domain/time.js';
import { DEMO_SITE_CN } from '../../src/domain/demo-site.js';
import { generateSealingKey, openSealed } from '../../src/invite/seal.js';
import { button, byRole, deepElements, deepText, field, until } from '../fixtures/shadow.js';

let dbCounter = 0;
const dbNames: string[] = [];

async function mountKiosk(lang = 'en', idle = 60, site = 'demo'): Promise<VisitorKiosk> {
  const dbName = `vk-test-kiosk-${Date.now()}-${dbCounter++}`;
  dbNames.push(dbName);
  const el = await fixture<VisitorKiosk>(
    html`<visitor-kiosk lang=${lang} idle-timeout=${idle} site=${site} .dbName=${dbName}></visitor-kiosk>`,
  );
  await until(() => el.shadowRoot?.querySelector('vk-welcome')?.shadowRoot?.querySelector('button'));
  return el;
}

async function type(input: HTMLElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

async function openForm(kiosk: VisitorKiosk, checkInLabel = 'Check in') {
  (await until(() => button(kiosk, checkInLabel))).click();
  return until(() => kiosk.shadowRoot?.querySelector('vk-walk-in-form')?.shadowRoot?.querySelector('form'));
}

/** Fills the walk-in form as a visitor would, in English. */
async function fillWalkIn(kiosk: VisitorKiosk, values: { name: string; phone?: string; org?: string; host?: string }) {
  await type(field(kiosk, 'Full name'), values.name);
  if (values.phone) await type(field(kiosk, 'Phone number'), values.phone);
  if (values.org) await type(field(kiosk, 'Organisation'), values.org);
  const type_ = field<HTMLSelectElement>(kiosk, 'Visitor type');
  type_.value = 'visiting-resident';
  type_.dispatchEvent(new Event('change', { bubbles: true }));
  const purpose = field<HTMLSelectElement>(kiosk, 'Purpose of visit');
  purpose.value = 'meeting';
  purpose.dispatchEvent(new Event('change', { bubbles: true }));
  await type(field(kiosk, 'Person or unit you are visiting'), values.host ?? '12B');
  field(kiosk, 'No').click();
  field(kiosk, 'I have read the privacy notice').click();
}

const formOf = (kiosk: VisitorKiosk) => kiosk.shadowRoot!.querySelector('vk-walk-in-form')!;

/**
 * A mainland visitor records their ID number (with the separate consent) and submits; resolves with the
 * day's stored rows. The number never shows on the review screen.
 */
async function registerWithIdNumber(kiosk: VisitorKiosk) {
  await openForm(kiosk);
  expect(deepText(kiosk)).to.contain('Pudong Office');
  await type(field(kiosk, 'Full name'), 'Zhao Lei');
  await type(field(kiosk, 'Phone number'), '138 0013 8000');
  for (const [label, value] of [['Visitor type', 'business'], ['Purpose of visit', 'meeting']] as const) {
    const select = field<HTMLSelectElement>(kiosk, label);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await type(field(kiosk, 'Person or unit you are visiting'), 'Wang');
  await formOf(kiosk).updateComplete;
  const option = byRole(kiosk, 'option')[0] as HTMLElement;
  expect(option.textContent).to.contain('Wang Fang');
  option.click();
  field(kiosk, 'Yes').click();
  field(kiosk, 'Record my ID number').click();
  await formOf(kiosk).updateComplete;
  await type(field(kiosk, 'ID number'), '11010519491231002X');
  field(kiosk, 'I have read the privacy notice').click();
  button(kiosk, 'Next').click();
  await until(() => deepText(kiosk).includes('Please give your consent'));
  field(kiosk, 'I consent to the processing of my ID number as described in the privacy notice').click();
  button(kiosk, 'Next').click();
  await until(() => kiosk.shadowRoot!.querySelector('vk-review'));
  expect(deepText(kiosk)).not.to.contain('11010519491231002X');
  button(kiosk, 'Submit').click();
  await until(() => byRole(kiosk, 'status')[0]);
  return (await new VisitStore(kiosk.dbName).listByDay(localDayKey(new Date(), 'Asia/Shanghai'))).rows;
}


afterEach(async () => {
  for (const name of dbNames.splice(0)) {
    // Connections are cached by the storage module; deleting waits for them to close on versionchange.
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

describe('<visitor-kiosk>', () => {
  it('shows the welcome screen with the contract buttons and switches language', async () => {
    const kiosk = await mountKiosk();
    for (const name of ['Check in', 'Scan invitation', 'Check out', 'Ask staff for help', 'English', '繁體中文', '简体中文']) {
      expect(button(kiosk, name).isConnected, name).to.equal(true);
    }
    expect(deepText(kiosk)).to.contain('Harbour View Gardens');
    button(kiosk, '繁體中文').click();
    await until(() => deepText(kiosk).includes('海景花園'));
    expect(button(kiosk, '訪客登記').isConnected).to.equal(true);
    expect(button(kiosk, '請職員協助').isConnected).to.equal(true);
    button(kiosk, '简体中文').click();
    await until(() => deepText(kiosk).includes('海景花园'));
    expect(button(kiosk, '访客签离').isConnected).to.equal(true);
  });

  it('follows the lang attribute', async () => {
    const kiosk = await mountKiosk('zh-Hans');
    expect(button(kiosk, '访客登记').isConnected).to.equal(true);
  });

  it('shows every error at once and keeps what was typed', async () => {
    const kiosk = await mountKiosk();
    await openForm(kiosk);
    await type(field(kiosk, 'Full name'), '😀');
    button(kiosk, 'Next').click();
    await until(() => byRole(kiosk, 'group').length >= 0 && [...deepElements(kiosk)].some((e) => e.getAttribute('aria-invalid') === 'true'));
    const invalid = [...deepElements(kiosk)].filter((e) => e.getAttribute('aria-invalid') === 'true');
    expect(invalid.length).to.be.greaterThan(4);
    expect(deepText(kiosk)).to.contain('Please use letters only');
    expect(deepText(kiosk)).to.contain('Please read the privacy notice and tick the box.');
    expect(field(kiosk, 'Full name').value).to.equal('😀');
    expect(kiosk.shadowRoot!.querySelector('vk-review')).to.equal(null);
  });

  it('suggests units only after two characters and never lists residents', async () => {
    const kiosk = await mountKiosk();
    await openForm(kiosk);
    const host = field(kiosk, 'Person or unit you are visiting');
    await type(host, '1');
    await formOf(kiosk).updateComplete;
    expect(byRole(kiosk, 'option')).to.have.length(0);
    await type(host, '2');
    await formOf(kiosk).updateComplete;
    const options = byRole(kiosk, 'option').map((o) => o.textContent?.trim());
    expect(options).to.deep.equal(['12A', '12B']);
    expect(host.getAttribute('aria-expanded')).to.equal('true');
    await type(host, '\b\bma');
    await formOf(kiosk).updateComplete;
    expect(byRole(kiosk, 'option'), 'the management office is a person: not suggested on a residential site').to.have.length(0);
  });

  it('registers a walk-in: review, Submit, a durable record, a status and an event without personal data', async () => {
    const kiosk = await mountKiosk();
    const events: CustomEvent[] = [];
    document.addEventListener('vk-visit-registered', (e) => events.push(e as unknown as CustomEvent));
    await openForm(kiosk);
    await fillWalkIn(kiosk, { name: 'Chan Tai Man', phone: '9123 4567', org: '<img src=x onerror="window.__xss=1">' });
    button(kiosk, 'Next').click();
    await until(() => kiosk.shadowRoot!.querySelector('vk-review'));
    await kiosk.shadowRoot!.querySelector('vk-review')!.updateComplete;
    expect(deepText(kiosk)).to.contain('<img src=x onerror="window.__xss=1">');
    expect(deepText(kiosk)).to.contain('+85291234567');
    button(kiosk, 'Submit').click();
    const status = await until(() => byRole(kiosk, 'status')[0]);
    expect(byRole(kiosk, 'status')).to.have.length(1);
    expect(status.textContent).to.contain('12B');
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(events).to.have.length(1);
    expect(Object.keys(events[0]!.detail).sort()).to.deep.equal(['at', 'visitId']);
    expect(events[0]!.composed).to.equal(true);

    const store = new VisitStore(kiosk.dbName);
    const visit = await store.get(events[0]!.detail.visitId);
    expect(visit?.visitor.fullName).to.equal('Chan Tai Man');
    expect(visit?.visitor.phone).to.equal('+85291234567');
    expect(visit?.host).to.deep.equal({ kind: 'unit', id: 'unit-12b', label: '12B' });
    expect(visit?.identity).to.deep.equal({ method: 'sighted' });
    expect(visit?.consent.kind).to.equal('read');
    expect(visit?.dayKey).to.equal(localDayKey(new Date(), 'Asia/Hong_Kong'));
    expect(await store.pendingCount()).to.equal(1);
  });

  it('stores one record when Submit is tapped twice', async () => {
    const kiosk = await mountKiosk();
    await openForm(kiosk);
    await fillWalkIn(kiosk, { name: 'Lee Siu Ming' });
    button(kiosk, 'Next').click();
    await until(() => kiosk.shadowRoot!.querySelector('vk-review'));
    const submit = button(kiosk, 'Submit');
    submit.click();
    submit.click();
    await until(() => byRole(kiosk, 'status')[0]);
    const store = new VisitStore(kiosk.dbName);
    expect(await store.pendingCount()).to.equal(1);
  });

  it('lets a visitor leave a message for an absent host', async () => {
    const kiosk = await mountKiosk();
    await openForm(kiosk);
    await fillWalkIn(kiosk, { name: 'Wong Mei', host: '8D' });
    await formOf(kiosk).updateComplete;
    expect(deepText(kiosk)).to.contain('not available today');
    await type(field(kiosk, 'Message'), 'Returning your keys');
    await type(field(kiosk, 'Call-back number'), '6123 4567');
    button(kiosk, 'Next').click();
    await until(() => kiosk.shadowRoot!.querySelector('vk-review'));
    button(kiosk, 'Submit').click();
    const status = await until(() => byRole(kiosk, 'status')[0]);
    expect(status.textContent).to.contain('message');
    const store = new VisitStore(kiosk.dbName);
    const today = await store.listByDay(localDayKey(new Date(), 'Asia/Hong_Kong'));
    expect(today.rows).to.have.length(1);
    expect(today.rows[0]!.message).to.deep.equal({ text: 'Returning your keys', callbackPhone: '+85261234567' });
    expect(today.rows[0]!.status).to.equal('host-absent');
  });

  it('resets on idle and keeps nothing of the visitor', async () => {
    const kiosk = await mountKiosk('en', 1);
    await openForm(kiosk);
    await type(field(kiosk, 'Full name'), 'SENTINEL-NAME');
    await type(field(kiosk, 'Organisation'), 'SENTINEL-ORG');
    await until(() => kiosk.shadowRoot!.querySelector('vk-welcome'), 4000);
    expect(deepText(kiosk)).not.to.contain('SENTINEL');
    // The element's own fields (its state) hold nothing either; DOM references are skipped, not followed.
    const seen = new WeakSet();
    const state = JSON.stringify(Object.fromEntries(Object.entries(kiosk)), (_k, v: unknown) => {
      if (v instanceof Node) return undefined;
      if (v && typeof v === 'object') {
        if (seen.has(v)) return undefined;
        seen.add(v);
      }
      return v;
    });
    expect(state).not.to.contain('SENTINEL');
    await openForm(kiosk);
    expect(field(kiosk, 'Full name').value).to.equal('');
    expect(field(kiosk, 'Organisation').value).to.equal('');
  });

  it('on a mainland site records only the last four ID characters, after a separate consent', async () => {
    const kiosk = await mountKiosk('en', 60, 'demo-cn');
    const rows = await registerWithIdNumber(kiosk);
    expect(rows).to.have.length(1);
    expect(rows[0]!.identity).to.deep.equal({ method: 'recorded', documentType: 'cn-resident', last4: '002X' });
    expect(rows[0]!.consent).to.include({ kind: 'consented', idNumber: true });
    expect(JSON.stringify(rows[0])).not.to.contain('110105194912');
  });

  it('with a hub sealing key, seals the whole number so the tablet holds only ciphertext it cannot open', async () => {
    const hub = await generateSealingKey();
    const kiosk = await mountKiosk('en', 60, 'demo-cn');
    kiosk.config = { ...DEMO_SITE_CN, sealKey: { kid: hub.kid, jwk: hub.publicJwk } };
    await kiosk.updateComplete;
    const rows = await registerWithIdNumber(kiosk);
    expect(rows).to.have.length(1);
    const identity = rows[0]!.identity;
    if (identity.method !== 'recorded' || !identity.sealed) throw new Error('the number was not sealed');
    expect(identity.last4).to.equal('002X');
    expect(JSON.stringify(rows[0])).not.to.contain('110105194912');
    // Only the hub's private key opens it.
    expect(await openSealed(hub, identity.sealed)).to.equal('cn-resident:11010519491231002X');
  });

  it('sends visitors under 14 to staff instead of recording their ID', async () => {
    const kiosk = await mountKiosk('en', 60, 'demo-cn');
    await openForm(kiosk);
    field(kiosk, 'Record my ID number').click();
    await formOf(kiosk).updateComplete;
    // Born 2020-01-01: check character computed by ISO 7064 MOD 11-2.
    await type(field(kiosk, 'ID number'), '110105202001010015');
    button(kiosk, 'Next').click();
    await until(() => [...deepElements(kiosk)].some((e) => e.id === 'f-idNumber-error'));
    const error = [...deepElements(kiosk)].find((e) => e.id === 'f-idNumber-error');
    expect(error?.textContent).to.contain("under 14");
  });

  for (const [lang, checkIn, next] of [
    ['en', 'Check in', 'Next'],
    ['zh-Hant', '訪客登記', '下一步'],
    ['zh-Hans', '访客登记', '下一步'],
  ] as const) {
    it(`is accessible on every screen in ${lang}`, async () => {
      const kiosk = await mountKiosk(lang);
      await expect(kiosk).to.be.accessible();
      await openForm(kiosk, checkIn);
      await expect(kiosk).to.be.accessible();
      button(kiosk, next).click();
      await formOf(kiosk).updateComplete;
      await expect(kiosk).to.be.accessible();
    });
  }
});
