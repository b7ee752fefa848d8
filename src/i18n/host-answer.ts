/**
 * The host's answer (issue 6): the e-mail carrying the one-time link, the answer page (answer.html), and the
 * kiosk's words once the host answered — in three locales. The mail says who is waiting only by visitor
 * type, party size and time (a mail is copied and kept; the name shows on the page, once, behind the link).
 * "Not expected" is never said to the visitor: the kiosk asks them calmly to see reception.
 */
import type { LocaleTag } from './index.js';

export type HostAnswerCode = 'coming-down' | 'let-up' | 'not-expected';

export interface HostAnswerMessages {
  mail: {
    subject: (site: string, unit: string | undefined) => string;
    /** First line: a visitor registered at the kiosk, at this time, for this unit (or for you). */
    arrived: (site: string, time: string, unit: string | undefined) => string;
    /** Visitor type and party size. */
    visitor: (type: string, party: number) => string;
    action: string;
    /** The link works once, until then. */
    once: (until: string) => string;
    footer: string;
  };
  page: {
    title: string;
    /** Someone registered at the site at this time, for this unit (or for you). */
    intro: (site: string, time: string, unit: string | undefined) => string;
    name: string;
    type: string;
    party: string;
    question: string;
    answers: Record<HostAnswerCode, string>;
    /** After the tap. */
    thanks: (answer: string) => string;
    /** The link was answered before (by this host or another tap). */
    already: (answer: string, time: string) => string;
    expired: string;
    invalid: string;
    failed: string;
    retry: string;
    loading: string;
    validUntil: (time: string) => string;
  };
  kiosk: {
    /** The host was asked; the answer will show on this screen. */
    waiting: string;
    answers: Record<HostAnswerCode, string>;
  };
}

const en: HostAnswerMessages = {
  mail: {
    subject: (site, unit) => (unit ? `[${site}] A visitor for ${unit} is at reception` : `[${site}] A visitor for you is at reception`),
    arrived: (site, time, unit) => `A visitor registered at the kiosk of ${site} at ${time}${unit ? ` to visit ${unit}` : ' to see you'}.`,
    visitor: (type, party) => `${type}${party > 1 ? `, a party of ${party}` : ''}`,
    action: 'Please tell reception what to do — Coming down, Let them up, or Not expected:',
    once: (until) => `The link works once, until ${until}.`,
    footer: 'The visitor system of the front desk. The visitor’s name is shown on the page, not in this mail.',
  },
  page: {
    title: 'Your visitor',
    intro: (site, time, unit) => `A visitor registered at ${site} at ${time}${unit ? ` to visit ${unit}` : ' to see you'}.`,
    name: 'Name',
    type: 'Visitor type',
    party: 'Number of people',
    question: 'What should reception tell them?',
    answers: { 'coming-down': 'Coming down', 'let-up': 'Let them up', 'not-expected': 'Not expected' },
    thanks: (answer) => `Thank you. Reception has your answer: ${answer}.`,
    already: (answer, time) => `This link was already answered at ${time}: ${answer}.`,
    expired: 'This link has expired. If the visitor is still waiting, please call reception.',
    invalid: 'This link is not valid — it may be incomplete. Please call reception.',
    failed: 'The visitor system could not be reached. Please try again.',
    retry: 'Try again',
    loading: 'Loading…',
    validUntil: (time) => `This link works once, until ${time}.`,
  },
  kiosk: {
    waiting: 'We have let your host know you are here. Please take a seat — their answer will show on this screen.',
    answers: {
      'coming-down': 'Your host is coming down. Please take a seat.',
      'let-up': 'Your host is expecting you. Please go up.',
      'not-expected': 'Please see reception — they will help you.',
    },
  },
};

const zhHant: HostAnswerMessages = {
  mail: {
    subject: (site, unit) => (unit ? `［${site}］${unit} 的訪客已到接待處` : `［${site}］您的訪客已到接待處`),
    arrived: (site, time, unit) => `一位訪客於 ${time} 在${site}的訪客機登記${unit ? `，探訪 ${unit}` : '，要見您'}。`,
    visitor: (type, party) => `${type}${party > 1 ? `，共 ${party} 人` : ''}`,
    action: '請告訴接待處如何安排：我現在下來、請讓訪客上來，或我沒有約訪客：',
    once: (until) => `此連結只可使用一次，有效至 ${until}。`,
    footer: '接待處訪客系統。訪客姓名只在連結頁面顯示，不會寫在郵件中。',
  },
  page: {
    title: '您的訪客',
    intro: (site, time, unit) => `一位訪客於 ${time} 在${site}登記${unit ? `，探訪 ${unit}` : '，要見您'}。`,
    name: '姓名',
    type: '訪客類別',
    party: '人數',
    question: '接待處應如何安排？',
    answers: { 'coming-down': '我現在下來', 'let-up': '請讓訪客上來', 'not-expected': '我沒有約訪客' },
    thanks: (answer) => `謝謝。接待處已收到您的回覆：${answer}。`,
    already: (answer, time) => `此連結已於 ${time} 回覆：${answer}。`,
    expired: '此連結已過期。如訪客仍在等候，請致電接待處。',
    invalid: '此連結無效，可能並不完整。請致電接待處。',
    failed: '暫時未能連接訪客系統，請再試一次。',
    retry: '再試一次',
    loading: '載入中…',
    validUntil: (time) => `此連結只可使用一次，有效至 ${time}。`,
  },
  kiosk: {
    waiting: '我們已通知受訪人士您已到達。請先坐下稍候，回覆會在此顯示。',
    answers: {
      'coming-down': '受訪人士正下樓接您，請先坐下稍候。',
      'let-up': '受訪人士正等候您，請直接上樓。',
      'not-expected': '請到接待處，職員會協助您。',
    },
  },
};

const zhHans: HostAnswerMessages = {
  mail: {
    subject: (site, unit) => (unit ? `［${site}］${unit} 的访客已到前台` : `［${site}］您的访客已到前台`),
    arrived: (site, time, unit) => `一位访客于 ${time} 在${site}的访客机登记${unit ? `，拜访 ${unit}` : '，要见您'}。`,
    visitor: (type, party) => `${type}${party > 1 ? `，共 ${party} 人` : ''}`,
    action: '请告诉前台如何安排：我马上下来、请让访客上来，或我没有约访客：',
    once: (until) => `此链接只能使用一次，有效期至 ${until}。`,
    footer: '前台访客系统。访客姓名只在链接页面显示，不会写在邮件中。',
  },
  page: {
    title: '您的访客',
    intro: (site, time, unit) => `一位访客于 ${time} 在${site}登记${unit ? `，拜访 ${unit}` : '，要见您'}。`,
    name: '姓名',
    type: '访客类别',
    party: '人数',
    question: '前台应如何安排？',
    answers: { 'coming-down': '我马上下来', 'let-up': '请让访客上来', 'not-expected': '我没有约访客' },
    thanks: (answer) => `谢谢。前台已收到您的回复：${answer}。`,
    already: (answer, time) => `此链接已于 ${time} 回复：${answer}。`,
    expired: '此链接已过期。如访客仍在等候，请致电前台。',
    invalid: '此链接无效，可能不完整。请致电前台。',
    failed: '暂时无法连接访客系统，请再试一次。',
    retry: '再试一次',
    loading: '加载中…',
    validUntil: (time) => `此链接只能使用一次，有效期至 ${time}。`,
  },
  kiosk: {
    waiting: '我们已通知被访人您已到达。请先坐下稍候，回复会在此显示。',
    answers: {
      'coming-down': '被访人正下楼接您，请先坐下稍候。',
      'let-up': '被访人正在等您，请直接上楼。',
      'not-expected': '请到前台，工作人员会协助您。',
    },
  },
};

export const HOST_ANSWER_CATALOGUES: Record<LocaleTag, HostAnswerMessages> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
