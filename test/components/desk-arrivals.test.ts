// <vk-arrivals>: Confirm check-in with the badge number, Deny with a reason (the site's list and words), a
// busy day rendered a page at a time — driven by labels and button names, with real clicks and keys.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/vk-arrivals/define.js';
import { ARRIVALS_MORE_ROWS, ARRIVALS_PAGE_ROWS, type ArrivalActionDetail, type ArrivalRow, type VkArrivals } from '../../components/vk-arrivals/vk-arrivals.js';
import '../../desk/define-idle.js';
import type { VkDeskIdle } from '../../desk/vk-desk-idle.js';
import type { DenyReason, Visit } from '../../src/domain/visit.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { button, byRole, deepText, field, until } from '../fixtures/shadow.js';

const m = deskMessagesFor('en');
let seq = 0;

function visit(overrides: Partial<Visit> = {}): Visit {
  seq++;
  const id = `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    siteId: 'demo',
    deviceId: '01900000-0000-7000-8000-000000000000',
    seq,
    dayKey: '2026-03-10',
    createdAt: '2026-03-10T02:00:00.000Z',
    updatedAt: '2026-03-10T02:00:00.000Z',
    status: 'registered',
    history: [{ status: 'registered', at: '2026-03-10T02:00:00.000Z' }],
    source: 'kiosk-walk-in',
    lang: 'en',
    visitor: { fullName: `Guest ${seq}`, phone: '', organisation: '', partySize: 1 },
    visitorType: 'visiting-resident',
    purpose: 'meeting',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: 'v1', kind: 'read', at: '2026-03-10T02:00:00.000Z' },
    ...overrides,
  };
}

const row = (v: Visit): ArrivalRow => ({ visit: v, time: '10:00' });

async function mount(rows: ArrivalRow[], opts: { numberedBadges?: boolean; denyReasons?: DenyReason[] } = {}) {
  const actions: ArrivalActionDetail[] = [];
  const el = await fixture<VkArrivals>(
    html`<vk-arrivals
      .messages=${m}
      .rows=${rows}
      .numberedBadges=${opts.numberedBadges ?? false}
      .denyReasons=${opts.denyReasons ?? ['host-declined', 'no-identification', 'conduct', 'other']}
      @vk-arrival-action=${(e: Event & { detail: ArrivalActionDetail }) => actions.push(e.detail)}
    ></vk-arrivals>`,
  );
  return { el, actions };
}

/** The visitors' rows (ARIA rows with cells; the header row has column headers). */
const bodyRows = (el: VkArrivals): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => r.querySelector('[role="cell"]'));

/** The row showing `text`. */
function rowOf(el: VkArrivals, text: string): HTMLElement {
  const row = bodyRows(el).find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

describe('<vk-arrivals>: Confirm check-in with a badge number', () => {
  it('sends the badge number typed beside Confirm check-in, trimmed', async () => {
    const v = visit();
    const { el, actions } = await mount([row(v)]);
    const tr = rowOf(el, v.visitor.fullName);
    field(tr, m.badgeNumber).focus();
    await sendKeys({ type: ' V-07 ' });
    button(tr, m.confirmCheckIn).click();
    expect(actions).to.deep.equal([{ visitId: v.id, action: 'confirm', badgeNumber: 'V-07' }]);
  });

  it('Enter in the badge field confirms; without numbered badges the field may stay empty', async () => {
    const a = visit();
    const b = visit();
    const { el, actions } = await mount([row(a), row(b)]);
    button(rowOf(el, a.visitor.fullName), m.confirmCheckIn).click();
    field(rowOf(el, b.visitor.fullName), m.badgeNumber).focus();
    await sendKeys({ type: '42' });
    await sendKeys({ press: 'Enter' });
    expect(actions).to.deep.equal([
      { visitId: a.id, action: 'confirm' },
      { visitId: b.id, action: 'confirm', badgeNumber: '42' },
    ]);
  });

  it('where badges are numbered, Confirm without a number is refused on the row and the field gets the focus', async () => {
    const v = visit();
    const { el, actions } = await mount([row(v)], { numberedBadges: true });
    const tr = rowOf(el, v.visitor.fullName);
    const input = field(tr, m.badgeNumber);
    expect(input.required).to.equal(true);
    button(tr, m.confirmCheckIn).click();
    await el.updateComplete;
    expect(actions).to.deep.equal([]);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const err = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
    expect(err?.textContent).to.equal(m.badgeRequired);
    await until(() => el.shadowRoot!.activeElement === input);
    await sendKeys({ type: 'V-0042' });
    button(tr, m.confirmCheckIn).click();
    expect(actions).to.deep.equal([{ visitId: v.id, action: 'confirm', badgeNumber: 'V-0042' }]);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.not.contain(m.badgeRequired);
  });

  it('shows the badge handed out and a denial with its reason on the row', async () => {
    const inside = visit({ status: 'checked-in', badgeNumber: 'V-9', history: [{ status: 'registered', at: '2026-03-10T02:00:00.000Z' }, { status: 'checked-in', at: '2026-03-10T02:01:00.000Z' }] });
    const refused = visit({
      status: 'denied',
      denial: { reason: 'other', note: 'Came for a tenant who moved out', staffId: 'admin' },
      history: [{ status: 'registered', at: '2026-03-10T02:00:00.000Z' }, { status: 'denied', at: '2026-03-10T02:01:00.000Z' }],
    });
    const { el } = await mount([row(inside), row(refused)]);
    expect(rowOf(el, inside.visitor.fullName).textContent).to.contain('Badge V-9');
    const text = rowOf(el, refused.visitor.fullName).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Denied');
    expect(text).to.contain('Reason: Other (say why) — Came for a tenant who moved out');
  });
});

describe('<vk-arrivals>: Deny with a reason', () => {
  it("opens a dialog named after the visitor with the site's reasons and Other; sends the reason and words", async () => {
    const v = visit({ visitor: { fullName: '<b>Mallory</b>', phone: '', organisation: '', partySize: 1 } });
    const { el, actions } = await mount([row(v)], { denyReasons: ['no-identification', 'conduct'] });
    button(rowOf(el, '<b>Mallory</b>'), m.deny).click();
    const dialog = await until(() => byRole(el, 'dialog')[0] ?? el.shadowRoot!.querySelector('dialog'));
    await until(() => (dialog as HTMLDialogElement).open);
    // Named by its heading; the name is text, not markup.
    const heading = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).to.equal('Deny entry: <b>Mallory</b>');
    expect(el.shadowRoot!.querySelector('dialog b')).to.equal(null);
    const choices = [...dialog.querySelectorAll('label.choice')].map((l) => l.textContent?.trim());
    expect(choices).to.deep.equal([m.denyReasons['no-identification'], m.denyReasons.conduct, m.denyReasons.other]);

    field(dialog, m.denyReasons.conduct).click();
    field<HTMLTextAreaElement>(dialog, m.denyNote).focus();
    await sendKeys({ type: 'Shouting at the guard' });
    button(dialog, m.denyConfirm).click();
    expect(actions).to.deep.equal([{ visitId: v.id, action: 'deny', denial: { reason: 'conduct', note: 'Shouting at the guard' } }]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('needs a reason, and words for Other; Cancel sends nothing', async () => {
    const v = visit();
    const { el, actions } = await mount([row(v)]);
    button(rowOf(el, v.visitor.fullName), m.deny).click();
    const dialog = await until(() => el.shadowRoot!.querySelector('dialog'));
    button(dialog, m.denyConfirm).click();
    await el.updateComplete;
    expect(actions).to.deep.equal([]);
    expect(deepText(dialog)).to.contain(m.errors.required);

    field(dialog, m.denyReasons.other).click();
    button(dialog, m.denyConfirm).click();
    await el.updateComplete;
    expect(actions).to.deep.equal([]);
    const note = field<HTMLTextAreaElement>(dialog, m.denyNote);
    expect(note.getAttribute('aria-invalid')).to.equal('true');
    expect(deepText(dialog)).to.contain(m.denyNoteRequired);

    button(dialog, m.cancel).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('dialog')).to.equal(null);
    expect(actions).to.deep.equal([]);

    // Opened again, it starts afresh.
    button(rowOf(el, v.visitor.fullName), m.deny).click();
    const again = await until(() => el.shadowRoot!.querySelector('dialog'));
    expect(deepText(again)).to.not.contain(m.denyNoteRequired);
    field(again, m.denyReasons['host-declined']).click();
    button(again, m.denyConfirm).click();
    expect(actions).to.deep.equal([{ visitId: v.id, action: 'deny', denial: { reason: 'host-declined' } }]);
  });
});

describe('<vk-arrivals>: a busy day, a page at a time', () => {
  const many = (n: number) => Array.from({ length: n }, () => row(visit()));

  it(`renders ${ARRIVALS_PAGE_ROWS} rows at first, tells how many match, and more on Show more`, async () => {
    const rows = many(130);
    const { el } = await mount(rows);
    const table = el.shadowRoot!.querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('131');
    // The end of the list may be within reach of the viewport in this small test page: wait until it settles.
    await until(() => el.renderedRows >= ARRIVALS_PAGE_ROWS);
    const before = el.renderedRows;
    expect(bodyRows(el).length).to.equal(before);
    if (before < 130) {
      expect(deepText(el)).to.contain(`Showing ${before} of 130`);
      button(el, m.showMore).click();
      await el.updateComplete;
      expect(el.renderedRows).to.be.at.least(Math.min(130, before + ARRIVALS_MORE_ROWS));
    }
    // Every row is reachable: keep asking for more until none is left, and the "Show more" goes away.
    while (el.renderedRows < 130) {
      button(el, m.showMore).click();
      await el.updateComplete;
    }
    expect(bodyRows(el).length).to.equal(130);
    expect(() => button(el, m.showMore)).to.throw();
  });

  it('renders the next rows by itself as the end of the list comes into view', async () => {
    const { el } = await mount(many(400));
    await until(() => el.renderedRows >= ARRIVALS_PAGE_ROWS);
    const start = el.renderedRows;
    expect(start).to.be.below(400);
    el.shadowRoot!.querySelector('.sentinel')!.scrollIntoView();
    await until(() => el.renderedRows > start);
  });

  it('a new search or filter starts from the top of its own list again', async () => {
    const { el } = await mount(many(200));
    while (el.renderedRows < 200) {
      button(el, m.showMore).click();
      await el.updateComplete;
    }
    el.query = 'Guest';
    await el.updateComplete;
    expect(el.renderedRows).to.be.at.most(200);
    expect(el.renderedRows).to.be.below(200);
  });

  it('a refresh with the same row objects renders no row again; a changed visit renders its row only', async () => {
    const rows = many(20);
    const { el } = await mount(rows);
    const cells = bodyRows(el).map((r) => r.querySelector('[role="cell"]')!);
    const marked = cells.map((td) => {
      td.setAttribute('data-mark', '1');
      return td;
    });
    const changed = { ...rows[3]!, time: '10:05' };
    el.rows = rows.map((r, i) => (i === 3 ? changed : r));
    await el.updateComplete;
    // The same DOM nodes, and only the changed row's text moved.
    expect(marked.every((td) => td.isConnected)).to.equal(true);
    expect(marked[3]!.textContent).to.equal('10:05');
    expect(marked.filter((td) => td.textContent === '10:00')).to.have.length(19);
  });
});

describe('<vk-desk-idle>', () => {
  it('shows nothing until the last seconds, then the countdown with Stay signed in; fires at zero', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const idle = document.createElement('vk-desk-idle') as VkDeskIdle;
    idle.messages = m;
    idle.watch = host;
    idle.seconds = 2;
    let fired = 0;
    idle.addEventListener('vk-desk-idle', () => fired++);
    host.append(idle);
    idle.active = true;
    await idle.updateComplete;
    await until(() => deepText(idle).includes('signing out in'));
    // Activity on the watched element starts the count again.
    await new Promise((r) => setTimeout(r, 1200));
    host.dispatchEvent(new Event('pointerdown'));
    await new Promise((r) => setTimeout(r, 1200));
    expect(fired).to.equal(0);
    button(idle, m.staySignedIn).click();
    await new Promise((r) => setTimeout(r, 1200));
    expect(fired).to.equal(0);
    await until(() => fired === 1, 4000);
    await idle.updateComplete;
    expect(deepText(idle)).to.equal('');
  });

  it('with a long timeout renders nothing for its first minutes (the desk around it does not re-render)', async () => {
    const idle = document.createElement('vk-desk-idle') as VkDeskIdle;
    idle.messages = m;
    idle.seconds = 600;
    document.body.append(idle);
    idle.active = true;
    await idle.updateComplete;
    // Counts this instance's renders (its own method, wrapped; the element is not changed).
    let updates = 0;
    const self = idle as unknown as { render: () => unknown };
    const original = self.render.bind(idle);
    self.render = () => {
      updates++;
      return original();
    };
    await new Promise((r) => setTimeout(r, 2500));
    expect(updates).to.equal(0);
    expect(deepText(idle)).to.equal('');
    idle.remove();
  });
});
