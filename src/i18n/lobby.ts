/**
 * The kiosk's courier and food-delivery lane (kiosk/delivery/, src/domain/lobby): its own small catalogue, so
 * the main kiosk catalogues change by nothing. Plain words a rider in a hurry reads at a glance; the welcome
 * screen's entry also carries a drawn parcel, for a rider who does not read the screen's language.
 */
import type { LocaleTag } from './index.js';

export interface LaneMessages {
  /** The welcome screen's button. */
  delivery: string;
  heading: string;
  intro: string;
  courier: string;
  food: string;
  courierCompany: string;
  foodCompany: string;
  unit: string;
  unitHint: string;
  count: string;
  fewer: string;
  more: string;
  submit: string;
  back: string;
  outcomeCourierHub: string;
  outcomeCourierPhone: string;
  outcomeFoodHub: string;
  outcomeFoodPhone: string;
  done: string;
  errRequired: string;
  errTooLong: (max: number) => string;
  errCount: (max: number) => string;
  errSaved: string;
}

const en: LaneMessages = {
  delivery: 'Delivery',
  heading: 'Delivery',
  intro: 'Couriers and food riders: no registration needed.',
  courier: 'Courier',
  food: 'Food delivery',
  courierCompany: 'Courier company',
  foodCompany: 'Food platform or shop',
  unit: 'Recipient unit',
  unitHint: 'For example 12B',
  count: 'Number of parcels',
  fewer: 'One fewer',
  more: 'One more',
  submit: 'Submit',
  back: 'Back',
  outcomeCourierHub: 'Thank you. Please leave the parcels at the counter. The unit has been told.',
  outcomeCourierPhone: 'Thank you. Please leave the parcels at the counter. Staff will tell the unit.',
  outcomeFoodHub: 'Thank you. Please wait in the lobby: the resident has been told and will come down.',
  outcomeFoodPhone: 'Thank you. Please wait in the lobby: staff will call the resident.',
  done: 'Done',
  errRequired: 'Please fill this in.',
  errTooLong: (max) => `Please keep it to ${max} characters.`,
  errCount: (max) => `Please enter a number from 1 to ${max}.`,
  errSaved: 'Sorry, this could not be saved. Please see the counter.',
};

const zhHant: LaneMessages = {
  delivery: '速遞／外賣',
  heading: '速遞／外賣',
  intro: '速遞員及外賣送遞員：無須登記個人資料。',
  courier: '速遞',
  food: '外賣',
  courierCompany: '速遞公司',
  foodCompany: '外賣平臺或店舖',
  unit: '收件單位',
  unitHint: '例如 12B',
  count: '包裹數目',
  fewer: '減一',
  more: '加一',
  submit: '確認',
  back: '返回',
  outcomeCourierHub: '多謝。請把包裹交到櫃檯，系統已通知收件單位。',
  outcomeCourierPhone: '多謝。請把包裹交到櫃檯，職員會通知收件單位。',
  outcomeFoodHub: '多謝。請在大堂等候，系統已通知住戶下樓領取。',
  outcomeFoodPhone: '多謝。請在大堂等候，職員會致電住戶。',
  done: '完成',
  errRequired: '請填寫此欄。',
  errTooLong: (max) => `請不要超過 ${max} 個字。`,
  errCount: (max) => `請輸入 1 至 ${max} 的數字。`,
  errSaved: '抱歉，未能儲存，請到櫃檯。',
};

const zhHans: LaneMessages = {
  delivery: '快递/外卖',
  heading: '快递/外卖',
  intro: '快递员和外卖骑手：无需登记个人信息。',
  courier: '快递',
  food: '外卖',
  courierCompany: '快递公司',
  foodCompany: '外卖平台或商家',
  unit: '收件房号',
  unitHint: '例如 12B',
  count: '快递件数',
  fewer: '减一',
  more: '加一',
  submit: '确认',
  back: '返回',
  outcomeCourierHub: '谢谢。请把快递放到前台，系统已通知收件人。',
  outcomeCourierPhone: '谢谢。请把快递放到前台，工作人员会通知收件人。',
  outcomeFoodHub: '谢谢。请在大堂等候，系统已通知住户下楼取餐。',
  outcomeFoodPhone: '谢谢。请在大堂等候，工作人员会给住户打电话。',
  done: '完成',
  errRequired: '请填写此项。',
  errTooLong: (max) => `请不要超过 ${max} 个字。`,
  errCount: (max) => `请输入 1 到 ${max} 的数字。`,
  errSaved: '抱歉，未能保存，请到前台。',
};

export const LANE_CATALOGUES: Record<LocaleTag, LaneMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
