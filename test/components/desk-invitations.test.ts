import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import QRCode from 'qrcode';
import '../../desk/invitations/define.js';
import { parseInviteForm, type InviteFormInput } from '../../desk/invitations/forms.js';
import type { VkDeskInvitations } from '../../desk/invitations/vk-desk-invitations.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { deskMessagesFor } from '../../src/i18n/desk/index.js';
import { MemoryUseRecorder, generateSigningKey, publicKeySet, signInvitation, signPass, verifyToken, type GeneratedKey } from '../../src/invite/index.js';
import { issueInvitationRequestSchema, type IssueInvitationReply, type IssueInvitationRequest } from '../../src/schemas/sync.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

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

/**
 * The hub's side of the contract, done here with the same signing code the hub uses: the body must pass
 * the hub's schema, and the token must verify with the site's key set. The real hub's endpoint is tested
 * against this same schema in test/node.
 */
function signer(key: GeneratedKey, seen: IssueInvitationRequest[]) {
  return async (body: IssueInvitationRequest): Promise<IssueInvitationReply> => {
    const parsed = issueInvitationRequestSchema.parse(body);
    seen.push(parsed);
    const from = parsed.from ? new Date(parsed.from) : new Date();
    const until = new Date(from.getTime() + (parsed.hours ?? 24) * 3_600_000);
    const base = { issuer: 'hub', site: DEMO_SITE.id, host: parsed.host, visitorType: parsed.visitorType ?? 'visiting-resident', from, until };
    const token =
      parsed.kind === 'pass'
        ? await signPass({ ...base, ...(parsed.weekdays ? { weekdays: parsed.weekdays } : {}), ...(parsed.between ? { hours: parsed.between } : {}), ...(parsed.uses ? { uses: parsed.uses } : {}) }, key)
        : await signInvitation({ ...base, ...(parsed.partySize ? { partySize: parsed.partySize } : {}) }, key);
    return { kind: parsed.kind ?? 'invitation', token, jti: 'x', link: `https://hub.test/?invite=${token}`, qrSvg: await QRCode.toString(token, { type: 'svg' }) };
  };
}

async function mount(issuer?: (b: IssueInvitationRequest) => Promise<IssueInvitationReply>): Promise<VkDeskInvitations> {
  return fixture<VkDeskInvitations>(html`<vk-desk-invitations .messages=${deskMessagesFor('en')} .site=${DEMO_SITE} .staff=${STAFF} .issuer=${issuer}></vk-desk-invitations>`);
}

async function type(input: HTMLElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
}

describe('<vk-desk-invitations>', () => {
  let key: GeneratedKey;
  before(async () => {
    key = await generateSigningKey();
  });

  it('shows nothing without staff, and says why it cannot issue without a hub', async () => {
    const hidden = await fixture<VkDeskInvitations>(html`<vk-desk-invitations .messages=${deskMessagesFor('en')} .site=${DEMO_SITE}></vk-desk-invitations>`);
    expect(deepText(hidden).trim()).to.equal('');
    const el = await mount();
    expect(deepText(el)).to.contain('Connect this desk to the hub');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('issues a group invitation: the hub gets headcount and names, the desk shows a verifiable QR and a link', async () => {
    const seen: IssueInvitationRequest[] = [];
    const el = await mount(signer(key, seen));
    button(el, 'Group').click();
    await el.updateComplete;
    await type(field(el, 'Unit or office visited'), '12B');
    await type(field(el, 'Number of people'), '3');
    await type(field(el, 'Names (one per line, optional)'), 'Chan Tai Man');
    button(el, 'Issue invitation').click();
    await until(() => deepText(el).includes('Invitation issued'));
    expect(seen).to.have.length(1);
    expect(seen[0]).to.deep.include({ kind: 'invitation', host: '12B', partySize: 3, names: ['Chan Tai Man'] });
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('img[alt="QR code of the invitation"]')!;
    await until(() => img.complete && img.naturalWidth > 0);
    const link = el.shadowRoot!.querySelector('.link')!.textContent!.trim();
    expect(link.startsWith('https://hub.test/?invite=')).to.equal(true);
    const verified = await verifyToken(new URL(link).searchParams.get('invite'), { keySet: publicKeySet([key]), siteId: DEMO_SITE.id, timeZone: DEMO_SITE.timeZone, uses: new MemoryUseRecorder() });
    expect(verified.ok).to.equal(true);
    // The form is ready for the next one.
    expect(field(el, 'Unit or office visited').value).to.equal('');
  });

  it('issues a standing pass with days and hours; no day ticked is an error and nothing is sent', async () => {
    const seen: IssueInvitationRequest[] = [];
    const el = await mount(signer(key, seen));
    button(el, 'Standing pass').click();
    await el.updateComplete;
    expect(field<HTMLSelectElement>(el, 'Visitor type').value).to.equal('domestic-helper');
    await type(field(el, 'Unit or office visited'), '3A');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) field(el, day).click();
    button(el, 'Issue invitation').click();
    await el.updateComplete;
    expect(seen).to.have.length(0);
    expect(deepText(el)).to.contain('Please fill this in.');
    for (const day of ['Mon', 'Wed', 'Fri']) field(el, day).click();
    const from = field(el, 'Allowed from');
    from.value = '08:00';
    from.dispatchEvent(new Event('input'));
    const until_ = field(el, 'Allowed until');
    until_.value = '18:00';
    until_.dispatchEvent(new Event('input'));
    button(el, 'Issue invitation').click();
    await until(() => seen.length === 1);
    expect(seen[0]).to.deep.include({ kind: 'pass', host: '3A', visitorType: 'domestic-helper', weekdays: [1, 3, 5], between: ['08:00', '18:00'] });
  });

  it('keeps the form and says so when the hub refuses', async () => {
    const el = await mount(() => Promise.reject(new Error('503')));
    await type(field(el, 'Unit or office visited'), '12B');
    button(el, 'Issue invitation').click();
    await until(() => deepText(el).includes('could not issue'));
    expect(field(el, 'Unit or office visited').value).to.equal('12B');
  });

  it('is accessible with the pass fields open', async () => {
    const el = await mount(signer(key, []));
    button(el, 'Standing pass').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('invitation form parsing', () => {
  const base: InviteFormInput = { kind: 'single', host: ' 12B ', visitorType: 'business', date: '2026-03-10', time: '15:00', hours: '', partySize: '', names: '', weekdays: [], from: '', until: '', uses: '', permit: '' };

  it('reads the start in the site zone and leaves the hub its defaults', () => {
    const r = parseInviteForm(base, 'Asia/Hong_Kong');
    expect(r.ok && r.value).to.deep.equal({ kind: 'invitation', host: '12B', visitorType: 'business', from: '2026-03-10T07:00:00.000Z' });
  });

  it('refuses more names than people, a bad time range, and out-of-range counts — all at once', () => {
    const r = parseInviteForm({ ...base, kind: 'group', partySize: '1', names: 'A\nB' }, 'UTC');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors.names).to.deep.equal({ code: 'names-exceed-headcount' });
    const p = parseInviteForm({ ...base, kind: 'pass', weekdays: [1], from: '18:00', until: '08:00', uses: '0', hours: '99999' }, 'UTC');
    expect(p.ok).to.equal(false);
    if (!p.ok) expect(Object.keys(p.errors).sort()).to.deep.equal(['between', 'hours', 'uses']);
  });

  it('every day ticked means no weekday restriction', () => {
    const r = parseInviteForm({ ...base, kind: 'pass', weekdays: [0, 1, 2, 3, 4, 5, 6] }, 'UTC');
    expect(r.ok && r.value.weekdays).to.equal(undefined);
  });
});
