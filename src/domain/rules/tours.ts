import { localDayKey } from '../time.js';
import { addDays, startOfLocalDay } from './calendar.js';
import type { TourKind } from './codes.js';
import type { RulesConfig } from './config.js';

/**
 * Tour lead times (002 篇4, 002:199–207): group and VIP tours are notified three days ahead, ordinary ones a
 * day ahead, ad-hoc ones an hour ahead by phone; an urgent group or VIP tour may be phoned first with the
 * notice following. Unapproved visitors are refused (002:207).
 *
 * Days are calendar days in the site's zone, as a 客服主管 reads "参观前三日": a tour on Friday may be
 * requested until the end of Tuesday, whatever the hour. Ad-hoc and urgent leads are minutes.
 */

export interface TourRequest {
  kind: TourKind;
  /** How many departments the tour touches (002:203, 205). */
  departments: number;
  startsAt: Date;
  /** A group or VIP tour phoned in urgently, the notice to follow (002:201). Ignored for other kinds. */
  urgent?: boolean;
}

export type TourCheck =
  | {
      ok: true;
      /** The kind the rules apply: an ordinary tour of two or more departments is a group tour (002:203). */
      kind: TourKind;
      /** Approved by phone under the urgent exception; the written notice is due by `paperworkDue`. */
      phoneFirst?: true;
      paperworkDue?: Date;
      /** An ad-hoc tour of two or more departments: the management department coordinates (002:205). */
      coordination?: 'management-department';
    }
  | {
      ok: false;
      code: 'tour-too-late';
      kind: TourKind;
      /** The earliest start a request made now could have (for the desk to offer). */
      earliest: Date;
    };

/** The kind the lead-time rules apply to a request (002:203: two or more departments make a group tour). */
export function effectiveTourKind(request: Pick<TourRequest, 'kind' | 'departments'>, rules: RulesConfig): TourKind {
  return request.kind === 'ordinary' && request.departments >= rules.tours.groupFromDepartments ? 'group' : request.kind;
}

const minutesAfter = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/**
 * Checks a tour request made at `now` against the lead times, in the site's `timeZone`. A late group or VIP
 * request marked urgent passes if it still leaves `urgent.minLeadMinutes`, with `paperworkDue` set.
 */
export function checkTourRequest(request: TourRequest, now: Date, rules: RulesConfig, timeZone: string): TourCheck {
  const t = rules.tours;
  const kind = effectiveTourKind(request, rules);
  const earliest =
    kind === 'ad-hoc' ? minutesAfter(now, t.adHocLeadMinutes) : startOfLocalDay(addDays(localDayKey(now, timeZone), t.leadDays[kind]), timeZone);
  if (request.startsAt.getTime() >= earliest.getTime()) {
    return kind === 'ad-hoc' && request.departments >= t.groupFromDepartments
      ? { ok: true, kind, coordination: 'management-department' }
      : { ok: true, kind };
  }
  if (request.urgent === true && (kind === 'group' || kind === 'vip')) {
    const urgentEarliest = minutesAfter(now, t.urgent.minLeadMinutes);
    if (request.startsAt.getTime() >= urgentEarliest.getTime()) {
      return { ok: true, kind, phoneFirst: true, paperworkDue: minutesAfter(now, t.urgent.paperworkDueHours * 60) };
    }
    return { ok: false, code: 'tour-too-late', kind, earliest: urgentEarliest };
  }
  return { ok: false, code: 'tour-too-late', kind, earliest };
}
