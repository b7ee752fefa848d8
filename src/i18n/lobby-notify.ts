/**
 * The hub's e-mail to a unit when a parcel or a food rider arrives for it (hub/notify/deliveries.ts), in the
 * recipient's language. The unit, the company, the count and the time only: no courier's or resident's name.
 */
import type { LocaleTag } from './index.js';

export interface LobbyNotifyMessages {
  parcelSubject: (site: string, unit: string) => string;
  foodSubject: (site: string, unit: string) => string;
  parcelBody: (count: number, company: string, unit: string, time: string) => string;
  foodBody: (company: string, unit: string, time: string) => string;
  footer: string;
}

const en: LobbyNotifyMessages = {
  parcelSubject: (site, unit) => `[${site}] Parcel for ${unit} at the front desk`,
  foodSubject: (site, unit) => `[${site}] Food delivery for ${unit} waiting in the lobby`,
  parcelBody: (count, company, unit, time) => `${count === 1 ? 'A parcel' : `${count} parcels`}${company ? ` from ${company}` : ''} for ${unit} arrived at ${time}. Please collect at the front desk; someone collecting for you signs for it.`,
  foodBody: (company, unit, time) => `A food delivery${company ? ` from ${company}` : ''} for ${unit} arrived at ${time}. The rider is waiting in the lobby: please come down.`,
  footer: 'Sent automatically by the visitor kiosk hub.',
};

const zhHant: LobbyNotifyMessages = {
  parcelSubject: (site, unit) => `[${site}] ${unit} 有包裹在接待處`,
  foodSubject: (site, unit) => `[${site}] ${unit} 的外賣在大堂等候`,
  parcelBody: (count, company, unit, time) => `${unit} 有 ${count} 件包裹${company ? `（${company}）` : ''}於 ${time} 送達，請到接待處領取；代領須簽名。`,
  foodBody: (company, unit, time) => `${unit} 的外賣${company ? `（${company}）` : ''}於 ${time} 送達，送遞員在大堂等候，請下樓領取。`,
  footer: '此電郵由訪客登記系統自動發出。',
};

const zhHans: LobbyNotifyMessages = {
  parcelSubject: (site, unit) => `[${site}] ${unit} 有快递在前台`,
  foodSubject: (site, unit) => `[${site}] ${unit} 的外卖在大堂等候`,
  parcelBody: (count, company, unit, time) => `${unit} 有 ${count} 件快递${company ? `（${company}）` : ''}于 ${time} 送达，请到前台领取；代领须签字。`,
  foodBody: (company, unit, time) => `${unit} 的外卖${company ? `（${company}）` : ''}于 ${time} 送达，骑手在大堂等候，请下楼领取。`,
  footer: '此邮件由访客登记系统自动发送。',
};

export const LOBBY_NOTIFY_CATALOGUES: Record<LocaleTag, LobbyNotifyMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
