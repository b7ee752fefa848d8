import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../desk/planning/define.js';
import type { VkDeskPlanning } from '../../desk/planning/vk-desk-planning.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { defaultRulesFor, startOfLocalDay } from '../../src/domain/rules/index.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { formatDateTime } from '../../src/i18n/index.js';
import { DeskStore } from '../../src/storage/index.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';
import type { IssueInvitationRequest } from '../../src/schemas/sync.js';

/** Tuesday 10 March 2026, 10:00 in Hong Kong (the demo site's zone). */
const NOW = new Date('2026-03-10T02:00:00Z');
const TZ = DEMO_SITE.timeZone;
const STAFF: StaffMember = {
  id: 'desk-1',
  siteId: DEMO_SITE.id,
  name: 'Mei',
  role: 'receptionist',
  pinHash: 'A'.repeat(43),
  pinSalt: 'B'.repeat(22),
  iterations: 100_000,
  failedAttempts: 0,
};

let dbCounter = 0;
const dbNames: string[] = [];

/** Mounts the element signed in as `staff` (`null`: nobody signed in) and waits for its first load. */
async function mount(staff: StaffMember | null = STAFF): Promise<{ el: VkDeskPlanning; store: DeskStore; dbName: string }> {
  const dbName = `vk-test-planning-${Date.now()}-${dbCounter++}`;
  dbNames.push(dbName);
  const el = await fixture<VkDeskPlanning>(
    html`<vk-desk-planning .messages=${deskMessagesFor('en')} .site=${DEMO_SITE} .staff=${staff ?? undefined} .dbName=${dbName} .now=${() => NOW}></vk-desk-planning>`,
  );
  if (staff) await until(() => deepText(el).includes('No visits expected today.'));
  return { el, store: new DeskStore(dbName), dbName };
}

async function type(input: HTMLElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

/** Tells the element another tab wrote (the desk channel), so it reads its lists again. */
function announce(dbName: string) {
  const channel = new BroadcastChannel(`vk-desk:${dbName}`);
  channel.postMessage({ type: 'changed' });
  channel.close();
}

/** Sets a date field as a picker does (typing again into a filled date field lands in its last segment). */
function setValue(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function section(el: VkDeskPlanning, headingId: string): HTMLElement {
  const s = el.shadowRoot?.querySelector<HTMLElement>(`section[aria-labelledby="${headingId}"]`);
  if (!s) throw new Error(`no section ${headingId}`);
  return s;
}

function select(el: VkDeskPlanning, label: string, value: string) {
  const s = field<HTMLSelectElement>(el, label);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

const notice = (s: HTMLElement) => s.querySelector('[role="status"]')?.textContent?.trim() ?? '';
const at = (iso: string) => formatDateTime(new Date(iso), 'en', TZ);

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  for (const name of dbNames.splice(0)) {
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => r(undefined);
    });
  }
});

describe('<vk-desk-planning>', () => {
  it('shows nothing without a signed-in member of staff', async () => {
    const { el } = await mount(null);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.shadowRoot?.querySelectorAll('section').length).to.equal(0);
    expect(deepText(el).trim()).to.equal('');
  });

  it('drops everything shown and half typed when the member of staff signs out', async () => {
    const { el, store } = await mount();
    await store.putWatchEntry({ siteId: DEMO_SITE.id, kind: 'name', value: 'Chan Tai Man', reason: 'r', approvedBy: 'a', expiresAt: new Date('2026-04-01T00:00:00Z') }, NOW);
    await el.reload();
    await type(field(el, 'Reason'), 'half typed');
    expect(deepText(el)).to.contain('Chan Tai Man');
    el.staff = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('section').length).to.equal(0);
    expect(deepText(el)).not.to.contain('Chan Tai Man');
    el.staff = STAFF;
    await until(() => deepText(el).includes('Chan Tai Man'));
    expect(field(el, 'Reason').value).to.equal('');
  });

  it('turns a phoned-in guest into an expected visit with the keyboard alone', async () => {
    const { el, store } = await mount();
    const expected = section(el, 'exp-h');
    // "A guest for 12A at 3 pm": the unit, Tab, the time as digits, Enter — 9 keys.
    field(el, 'Unit or office').focus();
    await sendKeys({ type: '12A' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1500' });
    await sendKeys({ press: 'Enter' });

    await until(() => expected.querySelector('li'));
    expect(notice(expected)).to.equal('Expected visit added.');
    const row = expected.querySelector('li')!.textContent!.replace(/\s+/g, ' ');
    expect(row).to.contain(at('2026-03-10T07:00:00Z'));
    expect(row).to.contain('12A');
    expect(row).to.contain('1 person');
    expect(row).not.to.contain('Complaint visit');
    const stored = (await store.listExpected('2026-03-10')).rows;
    expect(stored).to.have.length(1);
    expect(stored[0]).to.include({ hostLabel: '12A', kind: 'guest', partySize: 1, recordedBy: 'desk-1', expectedAt: '2026-03-10T07:00:00.000Z' });
    expect(stored[0]!.guestName).to.equal(undefined);
    // The form is clear, and the cursor is back in the first field for the next call.
    expect(field(el, 'Unit or office').value).to.equal('');
    expect(el.shadowRoot!.activeElement === field(el, 'Unit or office'), 'focus back on the unit').to.equal(true);

    // With the guest's name and party: Tab leaves the time field (a 12-hour locale tabs through AM/PM first).
    await sendKeys({ type: '15C' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1600' });
    const time = field(el, 'Expected at');
    for (let i = 0; i < 4 && el.shadowRoot!.activeElement === time; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Chan' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });

    await until(() => expected.querySelectorAll('li').length === 2);
    const second = expected.querySelectorAll('li')[1]!.textContent!.replace(/\s+/g, ' ');
    expect(second).to.contain('15C').and.to.contain('Chan').and.to.contain('2 people').and.to.contain(at('2026-03-10T08:00:00Z'));
    expect((await store.listExpected('2026-03-10')).rows[1]).to.include({ hostLabel: '15C', guestName: 'Chan', partySize: 2 });
  });

  it('records an expected complaint visit, marked, and lists the day by time', async () => {
    const { el, store } = await mount();
    await store.addExpected({ siteId: DEMO_SITE.id, timeZone: TZ, hostLabel: '15C', expectedAt: new Date('2026-03-10T08:00:00Z'), kind: 'guest', recordedBy: 'desk-2' }, NOW);
    await el.reload();

    await type(field(el, 'Unit or office'), 'Block 2');
    // A 12-hour locale (the test browser's en-US) needs the A for AM; a 24-hour one ignores it.
    await type(field(el, 'Expected at'), '1130A');
    const people = field(el, 'People');
    people.select();
    await sendKeys({ type: '5' });
    // The kind toggle by keyboard: Tab from People reaches Guest, then Complaint visit; Space presses it.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    const makeUp = await until(() => field(el, 'Who is coming (e.g. 5 owners of block 2)'));
    await type(makeUp, '5 owners of block 2');
    await sendKeys({ press: 'Enter' });

    const expected = section(el, 'exp-h');
    await until(() => expected.querySelectorAll('li').length === 2);
    const rows = [...expected.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(rows[0]).to.contain(at('2026-03-10T03:30:00Z')).and.to.contain('Complaint visit').and.to.contain('5 owners of block 2').and.to.contain('5 people');
    expect(expected.querySelector('li')!.classList.contains('complaint')).to.equal(true);
    expect(rows[1]).to.contain('15C').and.not.to.contain('Complaint visit');
    const stored = (await store.listExpected('2026-03-10')).rows;
    expect(stored[0]).to.include({ kind: 'complaint', partySize: 5, makeUp: '5 owners of block 2', hostLabel: 'Block 2' });

    // Called off: Remove takes it away.
    button(expected.querySelectorAll('li')[1]!, 'Remove').click();
    await until(() => expected.querySelectorAll('li').length === 1);
    expect((await store.listExpected('2026-03-10')).rows.map((r) => r.hostLabel)).to.deep.equal(['Block 2']);
  });

  it('refuses an expected visit without a unit or time, in words, on the fields', async () => {
    const { el, store } = await mount();
    button(section(el, 'exp-h'), 'Add').click();
    await until(() => field(el, 'Unit or office').getAttribute('aria-invalid') === 'true');
    const unit = field(el, 'Unit or office');
    const err = el.shadowRoot!.getElementById(unit.getAttribute('aria-describedby')!);
    expect(err?.textContent).to.equal('Please fill this in.');
    expect(field(el, 'Expected at').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement === unit, 'focus on the first field in error').to.equal(true);
    expect((await store.listExpected('2026-03-10')).rows).to.have.length(0);
  });

  it('refuses a group tour a day ahead with the earliest time, accepts it four days ahead, and approves it', async () => {
    const { el, store } = await mount();
    const tours = section(el, 'tour-h');
    select(el, 'Kind of tour', 'group');
    await type(field(el, 'Leader'), 'Ms Wong');
    await type(field(el, 'Headcount'), '12');
    await type(field<HTMLTextAreaElement>(el, 'Names (one per line)'), 'Wong Mei\n');
    await sendKeys({ type: 'Lee Ka Ho' });
    await type(field(el, 'Departments (comma-separated)'), 'Accounts');
    await type(field(el, 'Date of visit'), '03112026');
    await type(field(el, 'Time of visit'), '1000A');
    button(tours, 'Request').click();

    // Group tours need three calendar days: the earliest start is Friday 13 March, 00:00 site time.
    const earliest = formatDateTime(startOfLocalDay('2026-03-13', TZ), 'en', TZ);
    await until(() => notice(tours).includes('Too late'));
    expect(notice(tours)).to.equal(`Too late to approve this tour (Group). The earliest possible visit is ${earliest}.`);
    expect(tours.querySelector('.notice')!.classList.contains('error')).to.equal(true);
    expect((await store.listTours()).rows).to.have.length(0);

    setValue(field(el, 'Date of visit'), '2026-03-14');
    button(tours, 'Request').click();
    await until(() => tours.querySelector('li'));
    expect(notice(tours)).to.contain('Tour request recorded.');
    const [tour] = (await store.listTours()).rows;
    expect(tour).to.include({ kind: 'group', leader: 'Ms Wong', headcount: 12, status: 'requested', visitAt: '2026-03-14T02:00:00.000Z' });
    expect(tour!.names).to.deep.equal(['Wong Mei', 'Lee Ka Ho']);
    expect(tour!.departments).to.deep.equal(['Accounts']);
    expect(tours.querySelector('li')!.textContent).to.contain('Waiting for approval');

    button(tours, 'Approve').click();
    await until(() => tours.querySelector('li')!.textContent!.includes('Approved'));
    const text = tours.querySelector('li')!.textContent!;
    // The desk holds no signing key: it records that it asked the hub for the invitation.
    expect(text).to.contain('Invitation requested: the hub signs it');
    expect(() => button(tours, 'Approve')).to.throw();
    const decided = await store.getTour(tour!.id);
    expect(decided).to.include({ status: 'approved', decidedBy: 'desk-1', decidedAt: NOW.toISOString(), invitationRequestedAt: NOW.toISOString() });
    expect(decided!.invitationJti).to.equal(undefined);
  });

  it('on a hub-linked desk an approved tour becomes its group invitation at once (headcount, names, the first department)', async () => {
    const { el, store, dbName } = await mount();
    const asked: IssueInvitationRequest[] = [];
    el.issuer = async (body) => {
      asked.push(body);
      return { kind: 'invitation', token: 'x.y.z', jti: 'AAAAAAAAAAAAAAAAAAAAAA', link: 'https://hub.test/invitation#x.y.z', qrSvg: '<svg/>' };
    };
    const tour = await store.requestTour(
      { siteId: DEMO_SITE.id, kind: 'group', leader: 'Ms Wong', headcount: 12, names: ['Wong Mei', 'Lee Ka Ho'], departments: ['Accounts', 'Legal'], visitAt: new Date('2026-03-14T02:00:00.000Z') },
      NOW,
    );
    announce(dbName);
    const tours = section(el, 'tour-h');
    await until(() => tours.querySelector('li'));
    button(tours, 'Approve').click();
    await until(() => tours.querySelector('li')!.textContent!.includes('Invitation ready'));
    expect(asked).to.deep.equal([
      { kind: 'invitation', host: 'Accounts', visitorType: 'tour-group', from: '2026-03-14T01:30:00.000Z', hours: 4, partySize: 12, names: ['Wong Mei', 'Lee Ka Ho'] },
    ]);
    const decided = await store.getTour(tour.id);
    expect(decided).to.include({ status: 'approved', invitationJti: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(decided!.invitationRequestedAt).to.equal(undefined);
  });

  it('with the hub out of reach the approval still stands, and the invitation is recorded as requested', async () => {
    const { el, store, dbName } = await mount();
    el.issuer = () => Promise.reject(new Error('offline'));
    const tour = await store.requestTour({ siteId: DEMO_SITE.id, kind: 'ordinary', leader: 'Mr Lee', headcount: 3, names: [], departments: [], visitAt: new Date('2026-03-14T02:00:00.000Z') }, NOW);
    announce(dbName);
    const tours = section(el, 'tour-h');
    await until(() => tours.querySelector('li'));
    button(tours, 'Approve').click();
    await until(() => tours.querySelector('li')!.textContent!.includes('Approved'));
    expect(await store.getTour(tour.id)).to.include({ status: 'approved', invitationRequestedAt: NOW.toISOString() });
  });

  it('an urgent group tour arranged by phone passes inside the lead time, with its written notice due and a task', async () => {
    const { el, store } = await mount();
    const tours = section(el, 'tour-h');
    select(el, 'Kind of tour', 'group');
    await type(field(el, 'Leader'), 'Ms Wong');
    await type(field(el, 'Headcount'), '8');
    // Tomorrow at 15:00: far inside the three days a group tour needs.
    setValue(field(el, 'Date of visit'), '2026-03-11');
    setValue(field(el, 'Time of visit'), '15:00');
    button(tours, 'Request').click();
    await until(() => notice(tours).includes('Too late'));
    expect((await store.listTours()).rows).to.have.length(0);

    const phone = field(el, 'Arranged by phone (urgent)');
    expect(phone.type).to.equal('checkbox');
    phone.click();
    button(tours, 'Request').click();
    await until(() => tours.querySelector('li'));
    // The seeds' "后补通知单": the paperwork follows, due a day after the call by default.
    const due = new Date(NOW.getTime() + 24 * 3600_000);
    expect(notice(tours)).to.contain(`Arranged by phone. The written notice is due by ${at(due.toISOString())}`);
    const [tour] = (await store.listTours()).rows;
    expect(tour).to.include({ kind: 'group', status: 'requested', paperworkDueAt: due.toISOString() });
    expect(tours.querySelector('li')!.textContent).to.contain(`Arranged by phone: written notice due by ${at(due.toISOString())}`);
    const tasks = (await store.tasksForTour(tour!.id)).rows;
    expect(tasks.map((t) => [t.kind, t.status, t.dueAt])).to.deep.equal([['tour-paperwork', 'open', due.toISOString()]]);
    // The form starts again unticked.
    expect(field(el, 'Arranged by phone (urgent)').checked).to.equal(false);
  });

  it('the phone-first exception is for group and VIP tours only: an ordinary tour stays too late', async () => {
    const { el, store } = await mount();
    const tours = section(el, 'tour-h');
    await type(field(el, 'Leader'), 'Mr Ho');
    await type(field(el, 'Headcount'), '3');
    setValue(field(el, 'Date of visit'), '2026-03-10');
    setValue(field(el, 'Time of visit'), '15:00');
    field(el, 'Arranged by phone (urgent)').click();
    button(tours, 'Request').click();
    await until(() => notice(tours).includes('Too late'));
    expect((await store.listTours()).rows).to.have.length(0);
  });

  it('uses the rules it is given (a site whose group tours need only a day)', async () => {
    const { el, store } = await mount();
    const rules = { ...defaultRulesFor(DEMO_SITE.kind) };
    el.rules = { ...rules, tours: { ...rules.tours, leadDays: { ...rules.tours.leadDays, group: 1 } } };
    await el.updateComplete;
    const tours = section(el, 'tour-h');
    select(el, 'Kind of tour', 'group');
    await type(field(el, 'Leader'), 'Ms Wong');
    await type(field(el, 'Headcount'), '8');
    setValue(field(el, 'Date of visit'), '2026-03-11');
    setValue(field(el, 'Time of visit'), '15:00');
    button(tours, 'Request').click();
    await until(() => tours.querySelector('li'));
    expect((await store.listTours()).rows.map((t) => t.paperworkDueAt)).to.deep.equal([undefined]);
  });

  it('counts an ordinary tour of two departments as a group tour', async () => {
    const { el, store } = await mount();
    const tours = section(el, 'tour-h');
    await type(field(el, 'Leader'), 'Mr Ho');
    await type(field(el, 'Headcount'), '3');
    await type(field(el, 'Departments (comma-separated)'), 'Accounts, Legal');
    // Two days ahead: enough for an ordinary tour, not for a group one.
    await type(field(el, 'Date of visit'), '03122026');
    await type(field(el, 'Time of visit'), '1400');
    button(tours, 'Request').click();
    await until(() => notice(tours).includes('Too late'));
    expect(notice(tours)).to.contain('(Group)');
    expect((await store.listTours()).rows).to.have.length(0);

    // With one department it is ordinary, and one day ahead is enough; a decline is recorded as such.
    const departments = field(el, 'Departments (comma-separated)');
    departments.select();
    await sendKeys({ type: 'Accounts' });
    button(tours, 'Request').click();
    await until(() => tours.querySelector('li'));
    expect((await store.listTours()).rows[0]).to.include({ kind: 'ordinary', status: 'requested' });
    button(tours, 'Decline').click();
    await until(() => tours.querySelector('li')!.textContent!.includes('Declined'));
    expect((await store.listTours()).rows[0]).to.include({ status: 'declined', decidedBy: 'desk-1' });
  });

  it('refuses a name list longer than the headcount', async () => {
    const { el, store } = await mount();
    const tours = section(el, 'tour-h');
    await type(field(el, 'Leader'), 'Ms Wong');
    await type(field(el, 'Headcount'), '1');
    await type(field<HTMLTextAreaElement>(el, 'Names (one per line)'), 'A\n');
    await sendKeys({ type: 'B' });
    await type(field(el, 'Date of visit'), '03202026');
    await type(field(el, 'Time of visit'), '1000A');
    button(tours, 'Request').click();
    await until(() => deepText(tours).includes('The name list has more names than the headcount.'));
    expect((await store.listTours()).rows).to.have.length(0);
  });

  it('refuses an invalid phone on the watch list, stores a valid one as E.164, lists it and removes it', async () => {
    const { el, store } = await mount();
    const watch = section(el, 'watch-h');
    select(el, 'Match by', 'phone');
    const phone = await until(() => field(el, 'Phone number'));
    await type(phone, '1234');
    await type(field(el, 'Reason'), 'Threatened the guard on 2 March');
    await type(field(el, 'Approved by'), 'Site manager Lee');
    await type(field(el, 'Expires'), '04092026');
    button(watch, 'Add to watch list').click();

    await until(() => field(el, 'Phone number').getAttribute('aria-invalid') === 'true');
    expect(deepText(watch)).to.contain('This phone number is too short.');
    expect((await store.listWatchEntries()).rows).to.have.length(0);

    const value = field(el, 'Phone number');
    value.select();
    await sendKeys({ type: '9123 4567' });
    button(watch, 'Add to watch list').click();
    await until(() => watch.querySelector('tbody tr'));
    expect(notice(watch)).to.equal('Added to the watch list.');
    const [entry] = (await store.listWatchEntries()).rows;
    expect(entry).to.include({ kind: 'phone', value: '+85291234567', reason: 'Threatened the guard on 2 March', approvedBy: 'Site manager Lee' });
    expect(entry!.expiresAt).to.equal(startOfLocalDay('2026-04-09', TZ).toISOString());
    const cells = [...watch.querySelectorAll('tbody td')].map((td) => td.textContent!.trim());
    expect(cells.slice(0, 5)).to.deep.equal(['Phone number', '+85291234567', 'Threatened the guard on 2 March', 'Site manager Lee', at(entry!.expiresAt)]);

    button(watch, 'Remove').click();
    await until(() => !watch.querySelector('tbody tr'));
    expect(deepText(watch)).to.contain('No active entries.');
    expect((await store.listWatchEntries()).rows).to.have.length(0);
  });

  it('keeps a name as typed, and refuses an expiry more than a year away', async () => {
    const { el, store } = await mount();
    const watch = section(el, 'watch-h');
    await type(field(el, 'Name'), '  Chan   Tai Man ');
    await type(field(el, 'Reason'), 'Trespass');
    await type(field(el, 'Approved by'), 'Lee');
    await type(field(el, 'Expires'), '03122027');
    button(watch, 'Add to watch list').click();
    await until(() => field(el, 'Expires').getAttribute('aria-invalid') === 'true');
    expect(deepText(watch)).to.contain('Choose a date after today and no later than');
    expect((await store.listWatchEntries()).rows).to.have.length(0);

    setValue(field(el, 'Expires'), '2027-03-11');
    button(watch, 'Add to watch list').click();
    await until(() => watch.querySelector('tbody tr'));
    expect((await store.listWatchEntries()).rows[0]).to.include({ kind: 'name', value: 'Chan Tai Man' });
  });

  it('lists only entries that have not expired', async () => {
    const { el, store } = await mount();
    const base = { siteId: DEMO_SITE.id, kind: 'name' as const, reason: 'r', approvedBy: 'a' };
    await store.putWatchEntry({ ...base, value: 'Old Entry', expiresAt: new Date('2026-03-10T01:00:00Z') }, new Date('2026-03-01T00:00:00Z'));
    await store.putWatchEntry({ ...base, value: 'Live Entry', expiresAt: new Date('2026-04-01T00:00:00Z') }, new Date('2026-03-01T00:00:00Z'));
    await el.reload();
    const text = deepText(section(el, 'watch-h'));
    expect(text).to.contain('Live Entry');
    expect(text).not.to.contain('Old Entry');
  });

  it("follows another tab's writes through the desk channel", async () => {
    const { el, store, dbName } = await mount();
    await store.addExpected({ siteId: DEMO_SITE.id, timeZone: TZ, hostLabel: '23F', expectedAt: new Date('2026-03-10T09:00:00Z'), kind: 'guest', recordedBy: 'desk-2' }, NOW);
    const channel = new BroadcastChannel(`vk-desk:${dbName}`);
    channel.postMessage({ type: 'changed' });
    channel.close();
    await until(() => deepText(section(el, 'exp-h')).includes('23F'));
  });

  it('announces its own writes on the desk channel', async () => {
    const { el, dbName } = await mount();
    const channel = new BroadcastChannel(`vk-desk:${dbName}`);
    const heard = new Promise<unknown>((resolve) => (channel.onmessage = (e) => resolve(e.data)));
    await type(field(el, 'Unit or office'), '8D');
    await type(field(el, 'Expected at'), '1600');
    await sendKeys({ press: 'Enter' });
    expect(await heard).to.deep.equal({ type: 'changed' });
    channel.close();
  });

  it('shows the Chinese wording', async () => {
    const dbName = `vk-test-planning-${Date.now()}-${dbCounter++}`;
    dbNames.push(dbName);
    const el = await fixture<VkDeskPlanning>(
      html`<vk-desk-planning .messages=${deskMessagesFor('zh-Hant')} .site=${DEMO_SITE} .staff=${STAFF} .dbName=${dbName} locale="zh-Hant" .now=${() => NOW}></vk-desk-planning>`,
    );
    await until(() => deepText(el).includes('今日沒有預計到訪。'));
    expect(deepText(el)).to.contain('觀察名單');
    expect(button(el, '加入觀察名單').isConnected).to.equal(true);
  });

  it('is accessible, with data, and fits a 390 px phone', async () => {
    const { el, store } = await mount();
    await store.addExpected(
      { siteId: DEMO_SITE.id, timeZone: TZ, hostLabel: 'Block 2', expectedAt: new Date('2026-03-10T06:00:00Z'), kind: 'complaint', partySize: 5, makeUp: '5 owners', recordedBy: 'desk-1' },
      NOW,
    );
    const tour = await store.requestTour({ siteId: DEMO_SITE.id, kind: 'group', leader: 'Ms Wong', headcount: 10, names: ['A'], departments: ['Accounts'], visitAt: new Date('2026-03-16T02:00:00Z') }, NOW);
    await store.requestTour({ siteId: DEMO_SITE.id, kind: 'vip', leader: 'Dr Lam', headcount: 2, names: [], departments: [], visitAt: new Date('2026-03-17T02:00:00Z') }, NOW);
    await store.decideTour(tour.id, 'approved', 'desk-1', NOW);
    await store.putWatchEntry({ siteId: DEMO_SITE.id, kind: 'phone', value: '+85291234567', reason: 'Threats', approvedBy: 'Lee', expiresAt: new Date('2026-06-01T00:00:00Z') }, NOW);
    await el.reload();
    // An error on a field, too: its description must be linked.
    button(section(el, 'exp-h'), 'Add').click();
    await until(() => field(el, 'Unit or office').getAttribute('aria-invalid') === 'true');
    await expect(el).to.be.accessible();

    await setViewport({ width: 390, height: 844 });
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().height, b.textContent!).to.be.at.least(48);
    await expect(el).to.be.accessible();
  });
});
