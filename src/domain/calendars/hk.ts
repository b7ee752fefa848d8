import type { WorkingCalendar } from './types.js';

/**
 * Hong Kong general holidays (公眾假期, General Holidays Ordinance, Cap. 149) on a Monday-to-Friday week.
 *
 * - 2026 is the list the Government gazetted on 16 May 2025 (press release "General holidays for 2026",
 *   https://www.info.gov.hk/gia/general/202505/16/P2025051300354.htm): 17 days. Ching Ming (5 April) fell on a
 *   Sunday, so the day following was a substitute; that day was also Easter Monday, so the next day that was
 *   not a general holiday (7 April) was added. The Buddha's Birthday and Chung Yeung fell on Sundays too.
 * - 2027 is **derived**, not copied: the Schedule of Cap. 149 with its Sunday substitutions, applied to
 *   the lunar dates (reckoned in UTC+8, as the Hong Kong Observatory's tables are) and to Easter (28 March).
 *   Lunar New Year's Day is 6 February 2027: the new moon (the annular eclipse of 6 February) falls at about
 *   23:56 Beijing time, which is why some software (ICU's Chinese calendar among them) puts it on the 7th.
 *   Check these entries against the Gazette notice for 2027 and, when they agree, move `coverage.to` to
 *   2027-12-31 and drop the `provisional` marks.
 *
 * Saturdays are not working days here (offices and management offices count a 5-day week for their records),
 * so general holidays on a Saturday are listed for completeness only. A site that works Saturdays sets its
 * own `weekend`.
 */
export const HK_CALENDAR: WorkingCalendar = {
  id: 'HK',
  weekend: [0, 6],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
  provisionalTo: '2027-12-31',
  holidays: [
    // 2026, gazetted
    { date: '2026-01-01', name: 'The first day of January 一月一日' },
    { date: '2026-02-17', name: "Lunar New Year's Day 農曆年初一" },
    { date: '2026-02-18', name: 'The second day of Lunar New Year 農曆年初二' },
    { date: '2026-02-19', name: 'The third day of Lunar New Year 農曆年初三' },
    { date: '2026-04-03', name: 'Good Friday 耶穌受難節' },
    { date: '2026-04-04', name: 'The day following Good Friday 耶穌受難節翌日' },
    { date: '2026-04-06', name: 'The day following Ching Ming Festival 清明節翌日' },
    { date: '2026-04-07', name: 'The day following Easter Monday 復活節星期一翌日' },
    { date: '2026-05-01', name: 'Labour Day 勞動節' },
    { date: '2026-05-25', name: "The day following the Birthday of the Buddha 佛誕翌日" },
    { date: '2026-06-19', name: 'Tuen Ng Festival 端午節' },
    { date: '2026-07-01', name: 'Hong Kong Special Administrative Region Establishment Day 香港特別行政區成立紀念日' },
    { date: '2026-09-26', name: 'The day following the Chinese Mid-Autumn Festival 中秋節翌日' },
    { date: '2026-10-01', name: 'National Day 國慶日' },
    { date: '2026-10-19', name: 'The day following Chung Yeung Festival 重陽節翌日' },
    { date: '2026-12-25', name: 'Christmas Day 聖誕節' },
    { date: '2026-12-26', name: 'The first weekday after Christmas Day 聖誕節後第一個周日' },
    // 2027, derived from Cap. 149 (see above)
    { date: '2027-01-01', name: 'The first day of January 一月一日', provisional: true },
    { date: '2027-02-06', name: "Lunar New Year's Day 農曆年初一", provisional: true },
    // The second day (7 February) is a Sunday: the fourth day is the substitute.
    { date: '2027-02-08', name: 'The third day of Lunar New Year 農曆年初三', provisional: true },
    { date: '2027-02-09', name: 'The fourth day of Lunar New Year 農曆年初四', provisional: true },
    { date: '2027-03-26', name: 'Good Friday 耶穌受難節', provisional: true },
    { date: '2027-03-27', name: 'The day following Good Friday 耶穌受難節翌日', provisional: true },
    { date: '2027-03-29', name: 'Easter Monday 復活節星期一', provisional: true },
    { date: '2027-04-05', name: 'Ching Ming Festival 清明節', provisional: true },
    { date: '2027-05-01', name: 'Labour Day 勞動節', provisional: true },
    { date: '2027-05-13', name: 'The Birthday of the Buddha 佛誕', provisional: true },
    { date: '2027-06-09', name: 'Tuen Ng Festival 端午節', provisional: true },
    { date: '2027-07-01', name: 'Hong Kong Special Administrative Region Establishment Day 香港特別行政區成立紀念日', provisional: true },
    { date: '2027-09-16', name: 'The day following the Chinese Mid-Autumn Festival 中秋節翌日', provisional: true },
    { date: '2027-10-01', name: 'National Day 國慶日', provisional: true },
    { date: '2027-10-08', name: 'Chung Yeung Festival 重陽節', provisional: true },
    { date: '2027-12-25', name: 'Christmas Day 聖誕節', provisional: true },
    // 26 December 2027 is a Sunday.
    { date: '2027-12-27', name: 'The first weekday after Christmas Day 聖誕節後第一個周日', provisional: true },
  ],
  workingDays: [],
  sources: [
    {
      covers: '2026',
      status: 'official',
      reference: 'HKSAR Government, "General holidays for 2026", gazetted 16 May 2025, https://www.info.gov.hk/gia/general/202505/16/P2025051300354.htm',
    },
    {
      covers: '2027',
      status: 'derived',
      reference:
        'General Holidays Ordinance (Cap. 149) and its Schedule, applied to Hong Kong Observatory lunar dates and Easter 2027 (28 March); to be checked against the Gazette notice for 2027',
    },
  ],
};
