import type { WorkingCalendar } from './types.js';

/**
 * Mainland China: public holidays and make-up working days (调休) on a Monday-to-Friday week.
 *
 * - 2026 is the State Council General Office's arrangement, 《国务院办公厅关于2026年部分节假日安排的通知》 of
 *   4 November 2025 (published by Xinhua that day): every day off of each block, and the six Saturdays and
 *   Sundays worked in exchange (1月4日, 2月14日, 2月28日, 5月9日, 9月20日, 10月10日).
 * - 2027 is **provisional**: the arrangement for 2027 was not known when this file was written, so only the
 *   statutory days of 《全国年节及纪念日放假办法》 (as revised by State Council Decree No. 795, in force 1 January
 *   2025) are listed — 元旦 1, 春节 4 (除夕 to 初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3 — and no make-up
 *   days. The published arrangement adds days off around them and moves weekends; until it is entered, every
 *   computation that reaches 2027 says so (`calendar-data-provisional`). Lunar dates are reckoned in Beijing time
 *   as GB/T 33661-2017 prescribes: 除夕 5 February, 春节 6 February (the new moon, an annular eclipse, falls
 *   about four minutes before midnight Beijing time — ICU's Chinese calendar says the 7th), 端午 9 June,
 *   中秋 15 September; 清明 5 April.
 */
export const CN_CALENDAR: WorkingCalendar = {
  id: 'CN',
  weekend: [0, 6],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
  provisionalTo: '2027-12-31',
  holidays: [
    // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。
    { date: '2026-01-01', name: "New Year's Day 元旦" },
    { date: '2026-01-02', name: "New Year's Day holiday 元旦假期" },
    { date: '2026-01-03', name: "New Year's Day holiday 元旦假期" },
    // 春节：2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天。
    ...['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'].map(
      (date) => ({ date, name: 'Spring Festival holiday 春节假期' }),
    ),
    // 清明节：4月4日（周六）至6日（周一）放假，共3天。
    { date: '2026-04-04', name: 'Qingming Festival holiday 清明节假期' },
    { date: '2026-04-05', name: 'Qingming Festival 清明节' },
    { date: '2026-04-06', name: 'Qingming Festival holiday 清明节假期' },
    // 劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
    ...['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'].map((date) => ({ date, name: 'Labour Day holiday 劳动节假期' })),
    // 端午节：6月19日（周五）至21日（周日）放假，共3天。
    ...['2026-06-19', '2026-06-20', '2026-06-21'].map((date) => ({ date, name: 'Dragon Boat Festival holiday 端午节假期' })),
    // 中秋节：9月25日（周五）至27日（周日）放假，共3天。
    ...['2026-09-25', '2026-09-26', '2026-09-27'].map((date) => ({ date, name: 'Mid-Autumn Festival holiday 中秋节假期' })),
    // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
    ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({
      date,
      name: 'National Day holiday 国庆节假期',
    })),
    // 2027: statutory days only (see above).
    { date: '2027-01-01', name: "New Year's Day 元旦", provisional: true },
    { date: '2027-02-05', name: "Spring Festival: New Year's Eve 春节（除夕）", provisional: true },
    { date: '2027-02-06', name: 'Spring Festival 春节（正月初一）', provisional: true },
    { date: '2027-02-07', name: 'Spring Festival 春节（正月初二）', provisional: true },
    { date: '2027-02-08', name: 'Spring Festival 春节（正月初三）', provisional: true },
    { date: '2027-04-05', name: 'Qingming Festival 清明节', provisional: true },
    { date: '2027-05-01', name: 'Labour Day 劳动节', provisional: true },
    { date: '2027-05-02', name: 'Labour Day 劳动节', provisional: true },
    { date: '2027-06-09', name: 'Dragon Boat Festival 端午节', provisional: true },
    { date: '2027-09-15', name: 'Mid-Autumn Festival 中秋节', provisional: true },
    { date: '2027-10-01', name: 'National Day 国庆节', provisional: true },
    { date: '2027-10-02', name: 'National Day 国庆节', provisional: true },
    { date: '2027-10-03', name: 'National Day 国庆节', provisional: true },
  ],
  workingDays: [
    { date: '2026-01-04', name: "Make-up working day (Sunday) for New Year's Day 元旦调休上班" },
    { date: '2026-02-14', name: 'Make-up working day (Saturday) for the Spring Festival 春节调休上班' },
    { date: '2026-02-28', name: 'Make-up working day (Saturday) for the Spring Festival 春节调休上班' },
    { date: '2026-05-09', name: 'Make-up working day (Saturday) for Labour Day 劳动节调休上班' },
    { date: '2026-09-20', name: 'Make-up working day (Sunday) for National Day 国庆节调休上班' },
    { date: '2026-10-10', name: 'Make-up working day (Saturday) for National Day 国庆节调休上班' },
  ],
  sources: [
    {
      covers: '2026',
      status: 'official',
      reference:
        '《国务院办公厅关于2026年部分节假日安排的通知》, 4 November 2025, Xinhua; e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm',
    },
    {
      covers: '2027',
      status: 'derived',
      reference:
        '《全国年节及纪念日放假办法》 art. 2 as revised by State Council Decree No. 795 (2024-11-10): statutory days only; the 2027 arrangement (days off and make-up days) to be entered when published',
    },
  ],
};
