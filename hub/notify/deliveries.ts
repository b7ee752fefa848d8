/**
 * Telling a unit that a parcel or a food rider arrived for it (issue 7 items 1–2), INSIDE the push transaction
 * that first stores the record: a `lobby.delivery` webhook to every site webhook that lists the event (the
 * site's chat or intercom bridge), and an e-mail where the site's host directory (`hosts.contacts`, hub-only)
 * has an address for the unit. Sent by the delivery worker after the commit, with its retries.
 */
import type { LobbyRecord } from '../../src/domain/lobby/record.js';
import type { FoodDeliveryData, ParcelData } from '../../src/domain/lobby/parcel.js';
import { formatDateTime, isLocaleTag, type LocaleTag } from '../../src/i18n/index.js';
import { LOBBY_NOTIFY_CATALOGUES } from '../../src/i18n/lobby-notify.js';
import { LOBBY_WEBHOOK_EVENT, lobbyWebhookSchema, type LobbyWebhook } from '../../src/schemas/lobby.js';
import type { Repo } from '../db/index.js';
import { newId } from '../ids.js';
import { loadSite } from '../sites.js';
import type { EmailBody } from './enqueue.js';

/** The part of the site's host directory read here (declared structurally: hub-only, optional). */
interface HostContacts {
  hosts?: { contacts?: readonly { kind: string; id: string; email?: string; locale?: string }[] };
}

/** Whether a new record is one the unit is told of by the hub. */
export function isHubDelivery(record: LobbyRecord): record is LobbyRecord & { kind: 'parcel' | 'food-delivery'; data: ParcelData | FoodDeliveryData } {
  return (record.kind === 'parcel' || record.kind === 'food-delivery') && (record.data as { notify?: string }).notify === 'hub';
}

/** Queues the notifications of one new delivery; returns how many were queued. */
export async function enqueueDeliveryNotifications(repo: Repo, record: LobbyRecord & { kind: 'parcel' | 'food-delivery'; data: ParcelData | FoodDeliveryData }, at: string): Promise<number> {
  const data = record.data;
  const company = record.kind === 'parcel' ? (data as ParcelData).carrier : (data as FoodDeliveryData).company;
  const count = record.kind === 'parcel' ? (data as ParcelData).count : 1;
  const now = new Date(at);
  const rows: Parameters<Repo['notify']['enqueue']>[0][number][] = [];
  for (const w of await repo.notify.activeWebhooks(record.siteId)) {
    if (!w.events?.includes(LOBBY_WEBHOOK_EVENT)) continue;
    const body: LobbyWebhook = lobbyWebhookSchema.parse({
      id: newId(now),
      type: LOBBY_WEBHOOK_EVENT,
      siteId: record.siteId,
      at,
      delivery: { recordId: record.id, kind: record.kind, unit: data.unit, ...(data.unitId !== undefined ? { unitId: data.unitId } : {}), company, count, createdAt: record.createdAt },
    } satisfies LobbyWebhook);
    rows.push({ id: newId(now), siteId: record.siteId, channel: 'webhook', webhookId: w.id, event: LOBBY_WEBHOOK_EVENT, body: JSON.stringify(body), nextAttemptAt: at, createdAt: at });
  }
  if (data.unitId !== undefined) {
    const { site } = await loadSite(repo, record.siteId);
    const contact = (site as HostContacts).hosts?.contacts?.find((c) => c.kind === 'unit' && c.id === data.unitId && c.email !== undefined);
    if (contact?.email !== undefined) {
      const locale: LocaleTag = contact.locale !== undefined && isLocaleTag(contact.locale) ? contact.locale : site.defaultLocale;
      const m = LOBBY_NOTIFY_CATALOGUES[locale];
      const time = formatDateTime(new Date(record.createdAt), locale, site.timeZone);
      const siteName = site.name[locale];
      const mail: EmailBody =
        record.kind === 'parcel'
          ? { to: contact.email, locale, subject: m.parcelSubject(siteName, data.unit), text: `${m.parcelBody(count, company, data.unit, time)}\n\n-- \n${m.footer}\n` }
          : { to: contact.email, locale, subject: m.foodSubject(siteName, data.unit), text: `${m.foodBody(company, data.unit, time)}\n\n-- \n${m.footer}\n` };
      rows.push({ id: newId(now), siteId: record.siteId, channel: 'email', event: LOBBY_WEBHOOK_EVENT, body: JSON.stringify(mail), nextAttemptAt: at, createdAt: at });
    }
  }
  await repo.notify.enqueue(rows);
  return rows.length;
}
