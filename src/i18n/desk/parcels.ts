/**
 * The desk's wording for the parcel custody log and the delivery lane (desk/parcels/, src/domain/lobby). Kept
 * in a file of its own and chosen by locale (`parcelMessagesFor`), so the main desk catalogues do not change.
 */
import type { LocaleTag } from '../index.js';

export interface ParcelMessages {
  heading: string;
  receiveHeading: string;
  entryKind: string;
  kindParcel: string;
  kindFood: string;
  carrier: string;
  foodCompany: string;
  unit: string;
  count: string;
  labelPhoto: string;
  labelPhotoTaken: string;
  /** The privacy hint beside the camera: the label only, never a person or the parcel's contents. */
  labelPhotoHint: string;
  labelPhotoCamera: string;
  labelPhotoCapture: string;
  labelPhotoRemove: string;
  labelPhotoAlt: (unit: string) => string;
  errLabelPhotoTooBig: string;
  errCamera: string;
  logParcel: string;
  logFood: string;
  logged: (unit: string) => string;
  waitingHeading: (n: number) => string;
  noneWaiting: string;
  filterUnit: string;
  age: (days: number, hours: number, minutes: number) => string;
  receivedAt: (time: string) => string;
  parcels: (n: number) => string;
  fromKiosk: string;
  notifiedHub: string;
  notifyByPhone: string;
  notifiedPhone: (time: string) => string;
  collect: string;
  collectHeading: (unit: string) => string;
  collectorName: string;
  onBehalfOf: string;
  signatureLabel: string;
  signatureHint: string;
  clearSignature: string;
  confirmCollection: string;
  cancel: string;
  collectedHeading: string;
  collectedLine: (who: string, behalf: string | undefined, time: string) => string;
  signatureAlt: (who: string) => string;
  showMore: (n: number) => string;
  foodHeading: (n: number) => string;
  foodHandedOver: string;
  foodLeft: string;
  errRequired: string;
  errTooLong: (max: number) => string;
  errCount: (max: number) => string;
  errSignature: string;
  errAlreadyCollected: (who: string, time: string) => string;
  errFailed: string;
}

export const parcelsEn: ParcelMessages = {
  heading: 'Parcels and deliveries',
  receiveHeading: 'Log a delivery',
  entryKind: 'Delivery type',
  kindParcel: 'Parcel',
  kindFood: 'Food delivery',
  carrier: 'Courier company',
  foodCompany: 'Food platform or shop',
  unit: 'Recipient unit',
  count: 'Number of parcels',
  labelPhoto: 'Take a photo of the label',
  labelPhotoTaken: 'Label photographed',
  labelPhotoHint: 'Photograph the label only.',
  labelPhotoCamera: 'Camera view',
  labelPhotoCapture: 'Capture',
  labelPhotoRemove: 'Remove photo',
  labelPhotoAlt: (unit) => `Label photo of the parcel for ${unit}`,
  errLabelPhotoTooBig: 'The photo is too large: please move closer to the label and try again.',
  errCamera: 'The camera could not be opened.',
  logParcel: 'Log parcel',
  logFood: 'Log food delivery',
  logged: (unit) => `Logged for ${unit}.`,
  waitingHeading: (n) => `Waiting for collection (${n})`,
  noneWaiting: 'No parcels waiting.',
  filterUnit: 'Find a unit',
  age: (d, h, m) => (d >= 1 ? (d === 1 ? '1 day' : `${d} days`) : h >= 1 ? `${h} h` : `${m} min`),
  receivedAt: (t) => `Received ${t}`,
  parcels: (n) => (n === 1 ? '1 parcel' : `${n} parcels`),
  fromKiosk: 'logged at the kiosk',
  notifiedHub: 'Unit notified by the hub',
  notifyByPhone: 'Phoned the unit',
  notifiedPhone: (t) => `Unit phoned at ${t}`,
  collect: 'Collect',
  collectHeading: (unit) => `Collection for ${unit}`,
  collectorName: 'Collected by (name)',
  onBehalfOf: 'On behalf of (unit or resident)',
  signatureLabel: 'Signature of the person collecting',
  signatureHint: 'Sign in the box with a finger or the mouse.',
  clearSignature: 'Clear signature',
  confirmCollection: 'Confirm collection',
  cancel: 'Cancel',
  collectedHeading: 'Collected today',
  collectedLine: (who, behalf, t) => (behalf ? `${who} for ${behalf}, ${t}` : `${who}, ${t}`),
  signatureAlt: (who) => `Signature of ${who}`,
  showMore: (n) => `Show ${n} more`,
  foodHeading: (n) => `Food riders in the lobby (${n})`,
  foodHandedOver: 'Handed over',
  foodLeft: 'Rider left',
  errRequired: 'Please fill this in.',
  errTooLong: (max) => `Please keep it to ${max} characters.`,
  errCount: (max) => `Please enter a number from 1 to ${max}.`,
  errSignature: 'The signature box is empty: please ask the person collecting to sign.',
  errAlreadyCollected: (who, t) => `Already collected by ${who} at ${t}.`,
  errFailed: 'This could not be saved. Please try again.',
};

export const parcelsZhHant: ParcelMessages = {
  heading: '包裹及外賣',
  receiveHeading: '登記送遞',
  entryKind: '送遞類別',
  kindParcel: '包裹',
  kindFood: '外賣',
  carrier: '速遞公司',
  foodCompany: '外賣平臺或店舖',
  unit: '收件單位',
  count: '包裹數目',
  labelPhoto: '拍下標籤相片',
  labelPhotoTaken: '已拍攝標籤',
  labelPhotoHint: '只拍攝標籤。',
  labelPhotoCamera: '相機畫面',
  labelPhotoCapture: '拍照',
  labelPhotoRemove: '移除相片',
  labelPhotoAlt: (unit) => `${unit} 包裹的標籤相片`,
  errLabelPhotoTooBig: '相片太大，請靠近標籤再拍一次。',
  errCamera: '無法開啟相機。',
  logParcel: '登記包裹',
  logFood: '登記外賣',
  logged: (unit) => `已為 ${unit} 登記。`,
  waitingHeading: (n) => `等候領取（${n}）`,
  noneWaiting: '沒有等候領取的包裹。',
  filterUnit: '搜尋單位',
  age: (d, h, m) => (d >= 1 ? `${d} 天` : h >= 1 ? `${h} 小時` : `${m} 分鐘`),
  receivedAt: (t) => `收件時間 ${t}`,
  parcels: (n) => `${n} 件包裹`,
  fromKiosk: '於自助機登記',
  notifiedHub: '系統已通知單位',
  notifyByPhone: '已致電單位',
  notifiedPhone: (t) => `已於 ${t} 致電單位`,
  collect: '領取',
  collectHeading: (unit) => `${unit} 的包裹領取`,
  collectorName: '領取人姓名',
  onBehalfOf: '代領（單位或住戶）',
  signatureLabel: '領取人簽名',
  signatureHint: '請用手指或滑鼠在框內簽名。',
  clearSignature: '清除簽名',
  confirmCollection: '確認領取',
  cancel: '取消',
  collectedHeading: '今日已領取',
  collectedLine: (who, behalf, t) => (behalf ? `${who} 代 ${behalf} 領取，${t}` : `${who}，${t}`),
  signatureAlt: (who) => `${who} 的簽名`,
  showMore: (n) => `再顯示 ${n} 項`,
  foodHeading: (n) => `大堂等候的外賣（${n}）`,
  foodHandedOver: '已交收',
  foodLeft: '送遞員已離開',
  errRequired: '請填寫此欄。',
  errTooLong: (max) => `請不要超過 ${max} 個字。`,
  errCount: (max) => `請輸入 1 至 ${max} 的數字。`,
  errSignature: '簽名框是空白的：請領取人簽名。',
  errAlreadyCollected: (who, t) => `此包裹已由 ${who} 於 ${t} 領取。`,
  errFailed: '未能儲存，請再試。',
};

export const parcelsZhHans: ParcelMessages = {
  heading: '快递和外卖',
  receiveHeading: '登记送件',
  entryKind: '送件类别',
  kindParcel: '快递',
  kindFood: '外卖',
  carrier: '快递公司',
  foodCompany: '外卖平台或商家',
  unit: '收件房号',
  count: '快递件数',
  labelPhoto: '拍摄面单照片',
  labelPhotoTaken: '已拍摄面单',
  labelPhotoHint: '只拍摄面单。',
  labelPhotoCamera: '相机画面',
  labelPhotoCapture: '拍照',
  labelPhotoRemove: '移除照片',
  labelPhotoAlt: (unit) => `${unit} 包裹的面单照片`,
  errLabelPhotoTooBig: '照片太大，请靠近面单再拍一次。',
  errCamera: '无法打开相机。',
  logParcel: '登记快递',
  logFood: '登记外卖',
  logged: (unit) => `已为 ${unit} 登记。`,
  waitingHeading: (n) => `待领取（${n}）`,
  noneWaiting: '没有待领取的快递。',
  filterUnit: '查找房号',
  age: (d, h, m) => (d >= 1 ? `${d} 天` : h >= 1 ? `${h} 小时` : `${m} 分钟`),
  receivedAt: (t) => `签收时间 ${t}`,
  parcels: (n) => `${n} 件快递`,
  fromKiosk: '在自助机登记',
  notifiedHub: '系统已通知住户',
  notifyByPhone: '已电话通知',
  notifiedPhone: (t) => `已于 ${t} 电话通知`,
  collect: '领取',
  collectHeading: (unit) => `${unit} 的快递领取`,
  collectorName: '领取人姓名',
  onBehalfOf: '代领（房号或住户）',
  signatureLabel: '领取人签字',
  signatureHint: '请用手指或鼠标在框内签字。',
  clearSignature: '清除签字',
  confirmCollection: '确认领取',
  cancel: '取消',
  collectedHeading: '今日已领取',
  collectedLine: (who, behalf, t) => (behalf ? `${who} 代 ${behalf} 领取，${t}` : `${who}，${t}`),
  signatureAlt: (who) => `${who} 的签字`,
  showMore: (n) => `再显示 ${n} 项`,
  foodHeading: (n) => `大堂等候的外卖（${n}）`,
  foodHandedOver: '已交接',
  foodLeft: '骑手已离开',
  errRequired: '请填写此项。',
  errTooLong: (max) => `请不要超过 ${max} 个字。`,
  errCount: (max) => `请输入 1 到 ${max} 的数字。`,
  errSignature: '签字框是空的：请领取人签字。',
  errAlreadyCollected: (who, t) => `此快递已由 ${who} 于 ${t} 领取。`,
  errFailed: '未能保存，请重试。',
};

export const PARCEL_CATALOGUES: Record<LocaleTag, ParcelMessages> = { en: parcelsEn, 'zh-Hant': parcelsZhHant, 'zh-Hans': parcelsZhHans };

export const parcelMessagesFor = (locale: LocaleTag): ParcelMessages => PARCEL_CATALOGUES[locale];
