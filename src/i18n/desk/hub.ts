/**
 * The desk's wording for hub mode (desk/hub-link.ts, desk/hub-devices.ts): the kiosks the hub knows and their
 * warnings, the desk's own sync state, sign-in failures that only a hub has. A catalogue of its own beside
 * `DeskMessages`, so the hub mode's few strings do not touch the desk's main catalogue.
 */
import type { LocaleTag } from '../index.js';

export interface DeskHubMessages {
  devicesHeading: string;
  /** A kiosk, named by its label or the start of its id. */
  kiosk: (name: string) => string;
  lastSync: (time: string) => string;
  neverSynced: string;
  /** A kiosk that has not reached the hub for over an hour. */
  staleWarning: (time: string) => string;
  /** Records the hub never received from a kiosk (a hole in its sequence: a wiped or replaced tablet). */
  gapWarning: (missing: number) => string;
  revoked: string;
  /** This desk's own changes waiting for the hub. */
  pendingChanges: (pending: number) => string;
  /** The hub cannot be reached from this desk. */
  hubOffline: string;
  /** Sign-in failed because the hub did not answer. */
  hubUnreachable: string;
  /** The site manager's button on a kiosk's row: its token stops working (a lost or stolen tablet). */
  revoke: string;
  /** Asked before revoking: the tablet must be paired again with a new link. */
  confirmRevoke: (name: string) => string;
  revokeFailed: string;
  /** The hub's own health (desk/hub-devices.ts): its API version and database kind. */
  hubHealth: (version: string, db: string) => string;
  /** Free and total space of the disk holding the hub's data (sizes already formatted). */
  diskSpace: (free: string, total: string) => string;
  /** The hub's health could not be read (it answers the rest: the desk keeps working). */
  healthUnavailable: string;
  /** What a kiosk last reported: changes in its outbox and its storage use (formatted), and when. */
  kioskReport: (pending: number, storage: string | undefined, time: string) => string;
  /** A kiosk silent past the site's limit (`health.silentMinutes`), as the hub judges it. */
  silentWarning: (minutes: number, last: string) => string;
}

const en: DeskHubMessages = {
  devicesHeading: 'Kiosks',
  kiosk: (name) => `Kiosk ${name}`,
  lastSync: (time) => `last sync ${time}`,
  neverSynced: 'never synced',
  staleWarning: (time) => `Warning: not synced for over an hour (last ${time})`,
  gapWarning: (missing) => `Warning: ${missing} ${missing === 1 ? 'record' : 'records'} from this kiosk never arrived (sequence gap)`,
  revoked: 'revoked',
  pendingChanges: (pending) => `${pending} ${pending === 1 ? 'change' : 'changes'} waiting to be sent`,
  hubOffline: 'The hub cannot be reached: changes are kept on this desk and sent when it is back.',
  hubUnreachable: 'The hub cannot be reached. Please try again.',
  revoke: 'Revoke',
  confirmRevoke: (name) => `Revoke ${name}? It stops syncing at once and must be paired again with a new link.`,
  revokeFailed: 'The kiosk could not be revoked. Please try again.',
  hubHealth: (version, db) => `Hub: API version ${version}, ${db} database`,
  diskSpace: (free, total) => `Disk: ${free} free of ${total}`,
  healthUnavailable: 'The hub’s health could not be read.',
  kioskReport: (pending, storage, time) => `${pending} ${pending === 1 ? 'change' : 'changes'} waiting${storage !== undefined ? `, storage ${storage}` : ''} (reported ${time})`,
  silentWarning: (minutes, last) => `Warning: silent for over ${minutes} minutes (last ${last})`,
};

const zhHant: DeskHubMessages = {
  devicesHeading: '自助登記機',
  kiosk: (name) => `登記機 ${name}`,
  lastSync: (time) => `上次同步：${time}`,
  neverSynced: '從未同步',
  staleWarning: (time) => `注意：超過一小時未同步（上次 ${time}）`,
  gapWarning: (missing) => `注意：此機有 ${missing} 項記錄未送達（序號缺口）`,
  revoked: '已撤銷',
  pendingChanges: (pending) => `${pending} 項更改待傳送`,
  hubOffline: '未能連接伺服器：更改暫存於此機，恢復連接後傳送。',
  hubUnreachable: '未能連接伺服器，請再試。',
  revoke: '撤銷',
  confirmRevoke: (name) => `撤銷${name}？此機會即時停止同步，須以新連結重新配對。`,
  revokeFailed: '未能撤銷此登記機，請再試。',
  hubHealth: (version, db) => `伺服器：API 版本 ${version}，${db} 資料庫`,
  diskSpace: (free, total) => `磁碟：剩餘 ${free}（共 ${total}）`,
  healthUnavailable: '未能讀取伺服器狀態。',
  kioskReport: (pending, storage, time) => `${pending} 項更改待傳送${storage !== undefined ? `，儲存用量 ${storage}` : ''}（${time} 報告）`,
  silentWarning: (minutes, last) => `注意：超過 ${minutes} 分鐘沒有聯絡（上次 ${last}）`,
};

const zhHans: DeskHubMessages = {
  devicesHeading: '自助登记机',
  kiosk: (name) => `登记机 ${name}`,
  lastSync: (time) => `上次同步：${time}`,
  neverSynced: '从未同步',
  staleWarning: (time) => `注意：超过一小时未同步（上次 ${time}）`,
  gapWarning: (missing) => `注意：本机有 ${missing} 条记录未送达（序号缺口）`,
  revoked: '已撤销',
  pendingChanges: (pending) => `${pending} 项更改待发送`,
  hubOffline: '无法连接服务器：更改暂存于本机，恢复连接后发送。',
  hubUnreachable: '无法连接服务器，请重试。',
  revoke: '撤销',
  confirmRevoke: (name) => `撤销${name}？本机会立即停止同步，须用新链接重新配对。`,
  revokeFailed: '无法撤销此登记机，请重试。',
  hubHealth: (version, db) => `服务器：API 版本 ${version}，${db} 数据库`,
  diskSpace: (free, total) => `磁盘：剩余 ${free}（共 ${total}）`,
  healthUnavailable: '无法读取服务器状态。',
  kioskReport: (pending, storage, time) => `${pending} 项更改待发送${storage !== undefined ? `，存储用量 ${storage}` : ''}（${time} 报告）`,
  silentWarning: (minutes, last) => `注意：超过 ${minutes} 分钟没有联络（上次 ${last}）`,
};

export const DESK_HUB_CATALOGUES: Record<LocaleTag, DeskHubMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

export const deskHubMessagesFor = (locale: LocaleTag): DeskHubMessages => DESK_HUB_CATALOGUES[locale];
