/**
 * The host's answer (issue 6, item 1): when a kiosk registration that waits for its host first reaches the
 * hub, the hub makes a one-time signed link (`/answer#<token>`, src/invite/host-link.ts) and sends it to the
 * person or unit visited — by e-mail when the site's host directory (`site.hosts`) gives an address, and as a
 * `host.answer-requested` webhook to the company's chat bridge (WeCom, Teams) when one subscribes. The host
 * taps **Coming down**, **Let them up** or **Not expected**; the answer is recorded once, reaches desks as a
 * `host-answer` event, and the kiosk that registered the visit learns it through a small polled endpoint.
 *
 * Who is asked (DOMAIN.md): only arrivals the desk would let the host confirm — a kiosk registration still
 * waiting (registered or awaiting the host, not a message left for an absent host), for a unit or person of
 * the directory with a contact, that the site's rules do not hold for staff: no class C, no watch-list match,
 * no class A/B prompt, no unapproved tour. Telling a host "your visitor is here" about an incident visitor
 * would undo what the desk is there to do.
 *
 * Everything about a link is written in the push's transaction (the record, the e-mail and webhook
 * deliveries), so a crash cannot send a link the hub does not know, nor lose one for a visit it stored.
 */
import type { Alert } from '../../src/domain/desk.js';
import { triageArrival } from '../../src/domain/rules/index.js';
import type { HostContact } from '../../src/domain/site.js';
import type { Visit } from '../../src/domain/visit.js';
import { CATALOGUES, formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { HOST_ANSWER_CATALOGUES } from '../../src/i18n/host-answer.js';
import { hostLinkSite, newHostLinkSecret, signHostLink, verifyHostLink } from '../../src/invite/host-link.js';
import {
  HOST_ANSWER_WEBHOOK_EVENT,
  hostAnswerWebhookSchema,
  type HostAnswer,
  type HostAnswerEvent,
  type HostAnswerReply,
  type HostLinkView,
  type KioskHostAnswerReply,
} from '../../src/schemas/host-answer.js';
import { makeAlert, raiseOnce } from '../alerts.js';
import type { HostAnswerRow, HubStore, Repo } from '../db/index.js';
import { HubError } from '../errors.js';
import { newId } from '../ids.js';
import { loadSite, type SiteRules } from '../sites.js';
import type { EmailBody } from './enqueue.js';

/** How long a link stays valid unless the site says otherwise: a visitor does not wait longer than an afternoon. */
export const HOST_LINK_DEFAULT_MINUTES = 180;
/** The page's path: the token follows in the fragment, which browsers never send to a server. */
export const HOST_ANSWER_PAGE = '/answer';
/** The event desks receive when a host answers. */
export const HOST_ANSWER_EVENT = 'host-answer';
/** Statuses of a visit still waiting for its host. */
const WAITING = new Set<Visit['status']>(['registered', 'awaiting-host']);

/** The site's contact for the visit's host, if the host is a directory unit or person the site can reach. */
export function hostContact(site: SiteRules['site'], visit: Pick<Visit, 'host'>): HostContact | undefined {
  const { host } = visit;
  if ((host.kind !== 'unit' && host.kind !== 'person') || host.id === undefined) return undefined;
  return site.hosts?.contacts.find((c) => c.kind === host.kind && c.id === host.id);
}

/**
 * Whether this newly seen visit may be announced to its host: a kiosk registration still waiting, which the
 * site's rules do not hold for staff (`raised`: the alerts its classification raised just now).
 */
export function wantsHostAnswer(visit: Visit, siteRules: SiteRules, now: Date, raised: readonly Alert[]): boolean {
  if (visit.source === 'desk' || !WAITING.has(visit.status)) return false;
  if (raised.some((a) => a.visitId === visit.id)) return false;
  const triage = triageArrival(
    { visitorType: visit.visitorType, purpose: visit.purpose, hasAppointment: visit.hasAppointment, invitation: visit.invitation !== undefined, hostConfirmed: false, partySize: visit.visitor.partySize },
    siteRules.site,
    siteRules.rules,
    now,
  );
  return triage.alert === undefined && triage.prompt === undefined && triage.classification.tour !== 'unapproved';
}

/** The site's link secret, made on first use (the insert races safely: the loser reads the winner's). */
async function linkSecret(repo: Repo, siteId: string, at: string): Promise<string> {
  const existing = await repo.hostAnswers.secret(siteId);
  if (existing) return existing;
  await repo.hostAnswers.insertSecret(siteId, newHostLinkSecret(), at);
  const secret = await repo.hostAnswers.secret(siteId);
  if (!secret) throw new Error('host link secret vanished inside a transaction');
  return secret;
}

/**
 * The origin links point at: `VK_PUBLIC_URL` when the hub sits behind a proxy or answers on a LAN address a
 * host's phone cannot reach, else the origin the kiosk's push came to.
 */
export function hostLinkOrigin(requestUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['VK_PUBLIC_URL'];
  return (configured ? new URL(configured) : new URL(requestUrl)).origin;
}

function renderMail(locale: LocaleTag, context: { siteName: string; timeZone: string; visit: Visit; link: string; expiresAt: Date }): { subject: string; text: string } {
  const m = HOST_ANSWER_CATALOGUES[locale].mail;
  const { visit } = context;
  // A unit label only: a person host is "you" (their own name adds nothing, and a forwarded mail leaks less).
  const unit = visit.host.kind === 'unit' ? visit.host.label : undefined;
  const at = (d: Date) => formatDateTime(d, locale, context.timeZone);
  const lines = [
    m.arrived(context.siteName, at(new Date(visit.createdAt)), unit),
    m.visitor(CATALOGUES[locale].visitorTypes[visit.visitorType], visit.visitor.partySize),
    '',
    m.action,
    context.link,
    '',
    m.once(at(context.expiresAt)),
    '',
    '-- ',
    m.footer,
  ];
  return { subject: m.subject(context.siteName, unit), text: `${lines.join('\n')}\n` };
}

/**
 * Inside the push transaction, for a visit the hub sees for the first time: records a link and queues its
 * e-mail and webhooks when the visit wants one and the host has a contact. Returns whether a link was made.
 */
export async function requestHostAnswer(repo: Repo, siteRules: SiteRules, visit: Visit, raised: readonly Alert[], now: Date, origin: string): Promise<boolean> {
  const { site } = siteRules;
  const contact = hostContact(site, visit);
  if (!contact || !wantsHostAnswer(visit, siteRules, now, raised)) return false;
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + (site.hosts?.linkMinutes ?? HOST_LINK_DEFAULT_MINUTES) * 60_000);
  const locale: LocaleTag = contact.locale ?? site.defaultLocale;
  const id = newId(now);
  if (!(await repo.hostAnswers.insert({ id, siteId: site.id, visitId: visit.id, hostKind: contact.kind, hostId: contact.id, locale, createdAt: at, expiresAt: expiresAt.toISOString() }))) return false;
  const token = await signHostLink(await linkSecret(repo, site.id, at), { s: site.id, r: id, v: visit.id, x: Math.floor(expiresAt.getTime() / 1000) });
  const link = `${origin}${HOST_ANSWER_PAGE}#${token}`;

  const rows: Parameters<Repo['notify']['enqueue']>[0][number][] = [];
  // Opt-in: a webhook gets links only when it lists the event (receivers written for alerts read `alert`).
  for (const w of await repo.notify.activeWebhooks(site.id)) {
    if (!w.events?.includes(HOST_ANSWER_WEBHOOK_EVENT)) continue;
    const body = hostAnswerWebhookSchema.parse({
      id: newId(now),
      type: HOST_ANSWER_WEBHOOK_EVENT,
      siteId: site.id,
      at,
      hostAnswer: { requestId: id, visitId: visit.id, host: { kind: contact.kind, id: contact.id }, locale, link, expiresAt: expiresAt.toISOString() },
    });
    rows.push({ id: newId(now), siteId: site.id, channel: 'webhook', webhookId: w.id, event: HOST_ANSWER_WEBHOOK_EVENT, body: JSON.stringify(body), nextAttemptAt: at, createdAt: at });
  }
  if (contact.email !== undefined) {
    const mail = renderMail(locale, { siteName: site.name[locale], timeZone: site.timeZone, visit, link, expiresAt });
    const body: EmailBody = { to: contact.email, locale, ...mail };
    rows.push({ id: newId(now), siteId: site.id, channel: 'email', event: HOST_ANSWER_WEBHOOK_EVENT, body: JSON.stringify(body), nextAttemptAt: at, createdAt: at });
  }
  await repo.notify.enqueue(rows);
  return true;
}

/**
 * Verifies a token against the hub's records: the row it names, or a typed refusal. An expired link that was
 * answered in time still yields its row with `expired: true` (the host may look at what was recorded).
 */
async function linkRow(repo: Repo, token: string, now: Date): Promise<{ row: HostAnswerRow; expired: boolean }> {
  const invalid = () => new HubError(400, 'host-link-invalid', 'this answer link is not valid');
  const siteId = hostLinkSite(token);
  const secret = siteId !== undefined ? await repo.hostAnswers.secret(siteId) : undefined;
  if (siteId === undefined || secret === undefined) throw invalid();
  const verified = await verifyHostLink(secret, token, now);
  if (!verified.ok && verified.reason === 'invalid') throw invalid();
  const claims = verified.claims;
  const row = await repo.hostAnswers.byId(claims.r);
  if (!row || row.siteId !== claims.s || row.visitId !== claims.v) throw invalid();
  if (!verified.ok && row.answer === undefined) throw new HubError(410, 'host-link-expired', 'this answer link has expired');
  return { row, expired: !verified.ok };
}

const isLocale = (value: string): value is LocaleTag => value === 'en' || value === 'zh-Hant' || value === 'zh-Hans';

/**
 * What the answer page shows for a link: the visitor while the link is open; once answered, the answer alone.
 * An answered link is shown even after it expired (the host sees what was recorded); an open one past its
 * time is refused as expired.
 */
export async function viewHostLink(store: HubStore, token: string, now: Date): Promise<HostLinkView> {
  return store.read(async (repo) => {
    const { row } = await linkRow(repo, token, now);
    const { site } = await loadSite(repo, row.siteId);
    const locale = isLocale(row.locale) ? row.locale : site.defaultLocale;
    const common = { locale, siteName: site.name[locale], timeZone: site.timeZone };
    if (row.answer !== undefined && row.answeredAt !== undefined) return { state: 'answered', ...common, answer: row.answer, answeredAt: row.answeredAt };
    const visit = await repo.visit(row.siteId, row.visitId);
    // The visit was erased or purged: nothing left to decide about.
    if (!visit) throw new HubError(400, 'host-link-invalid', 'this answer link is not valid');
    return {
      state: 'open',
      ...common,
      ...(visit.host.kind === 'unit' ? { unit: visit.host.label } : {}),
      visitorName: visit.visitor.fullName,
      visitorType: visit.visitorType,
      partySize: visit.visitor.partySize,
      registeredAt: visit.createdAt,
      expiresAt: row.expiresAt,
    };
  });
}

/**
 * The host's tap: the first answer is recorded (compare-and-set) and desks hear of it in the same commit; a
 * later tap — the same host twice, or another phone — records nothing and gets the first answer back.
 */
export async function answerHostLink(store: HubStore, token: string, answer: HostAnswer, now: Date): Promise<HostAnswerReply> {
  return store.write(async (repo) => {
    const { row, expired } = await linkRow(repo, token, now);
    if (expired && row.answer !== undefined && row.answeredAt !== undefined) return { recorded: false, answer: row.answer, answeredAt: row.answeredAt };
    const at = now.toISOString();
    if (await repo.hostAnswers.answer(row.id, answer, at)) {
      const event: HostAnswerEvent = { type: 'host-answer', visitId: row.visitId, answer, at };
      await repo.emit(row.siteId, HOST_ANSWER_EVENT, event, at);
      if (answer === 'not-expected') await raiseHostDeclined(repo, row, now);
      return { recorded: true, answer, answeredAt: at };
    }
    const first = await repo.hostAnswers.byId(row.id);
    if (!first?.answer || !first.answeredAt) throw new Error('answer vanished inside a transaction');
    return { recorded: false, answer: first.answer, answeredAt: first.answeredAt };
  });
}

/**
 * A host who does not expect the visitor is a security matter, not a row's text: a `host-declined` alert (no
 * incident class) that chimes on the desks and waits for staff to acknowledge it, raised in the answer's
 * transaction, once per visit. Its `alert.raised` webhook goes out like any alert's; it is not e-mailed (the
 * desk is who must act). The alert holds the visit from purge until it is closed, like any open alert.
 */
async function raiseHostDeclined(repo: Repo, row: HostAnswerRow, now: Date): Promise<void> {
  // The visit may have been erased since the link went out: an alert then refers to nothing and is not raised.
  if (!(await repo.visit(row.siteId, row.visitId))) return;
  const { rules } = await loadSite(repo, row.siteId);
  await raiseOnce(repo, makeAlert({ siteId: row.siteId, kind: 'host-declined', visitId: row.visitId, notify: [] }, rules, now), `${row.visitId}:host-declined`);
}

/** What a kiosk may know about its own visit's link: whether it is out, and the answer — nothing else. */
export async function kioskHostAnswer(store: HubStore, siteId: string, deviceId: string, visitId: string, now: Date): Promise<KioskHostAnswerReply> {
  return store.read(async (repo) => {
    const visit = await repo.visit(siteId, visitId);
    if (!visit) return { status: 'unknown' };
    // Another device's visit: answered like one the hub never saw (a kiosk learns nothing about others').
    if (visit.deviceId !== deviceId) return { status: 'unknown' };
    const row = await repo.hostAnswers.byVisit(siteId, visitId);
    if (!row) return { status: 'none' };
    if (row.answer !== undefined) return { status: 'answered', answer: row.answer };
    return row.expiresAt <= now.toISOString() ? { status: 'expired' } : { status: 'waiting' };
  });
}

/** Answers recorded since `since` at a site, for a desk signing in. */
export async function hostAnswersSince(repo: Repo, siteId: string, since: string): Promise<HostAnswerEvent[]> {
  const rows = await repo.hostAnswers.answeredSince(siteId, since);
  return rows.flatMap((r) => (r.answer !== undefined && r.answeredAt !== undefined ? [{ type: 'host-answer' as const, visitId: r.visitId, answer: r.answer, at: r.answeredAt }] : []));
}
