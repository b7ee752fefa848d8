/**
 * Bench-only page entry (built by desk.mjs with Vite's JS API, never shipped). Two jobs for the desk's
 * benchmarks (issue 4):
 * - times the desk's classifier (`classifyArrival`, `triageArrival` from src/domain/rules) over every visitor
 *   type × purpose × appointment claim × invitation × host confirmation, against an empty loop over the same
 *   inputs, in the browser the desk runs in;
 * - builds a day of visits for the 2 000-visit figure with the app's own id, day-key and schema code, every
 *   row checked with `visitSchema` before it leaves the page (desk.mjs writes them into the desk's origin).
 */
import { PURPOSES, VISITOR_TYPES, type Locale, type Purpose, type VisitorType } from '../../src/domain/codes.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import { classifyArrival, defaultRulesFor, triageArrival, type ArrivalInput } from '../../src/domain/rules/index.js';
import { localDayKey, localTime } from '../../src/domain/time.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../src/domain/uuid.js';
import type { StatusChange, Visit, VisitStatus } from '../../src/domain/visit.js';
import { visitSchema } from '../../src/schemas/visit.js';

/** Shortest timed stretch of one variant: long enough that the page's 0.1 ms timer is negligible. */
const MIN_STRETCH_MS = 300;

/** Every combination the classifier distinguishes (13 × 15 × 2 × 2 × 2 = 1 560 inputs). */
function allInputs(): ArrivalInput[] {
  const inputs: ArrivalInput[] = [];
  for (const visitorType of VISITOR_TYPES)
    for (const purpose of PURPOSES)
      for (const hasAppointment of [false, true])
        for (const invitation of [false, true])
          for (const hostConfirmed of [false, true]) inputs.push({ visitorType, purpose, hasAppointment, invitation, hostConfirmed, partySize: 1 + (inputs.length % 7) });
  return inputs;
}

/** Decisions per second of each variant, one sample per round. */
export interface ClassifierResult {
  inputs: number;
  empty: number[];
  classify: number[];
  triage: number[];
  /** How many of the inputs raise class C (a sanity check: the loop does real work). */
  classC: number;
}

/** Visits of today for the 2 000-visit figure, every one parsed with the app's visit schema. */
export interface DayResult {
  dayKey: string;
  rows: Visit[];
  onSite: number;
  flaggedC: number;
}

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const iso = (ms: number): string => new Date(ms).toISOString();

const NAMES = ['Chan Tai Man', '陳大文', 'Wong Ka Yan', '李小明', 'Lee Siu Ming', 'Maria Santos', 'Cheung Wing Yee', '張偉', 'Ho Chi Keung', 'Lau Mei Ling'];
const ORGS = ['', '', '', 'ABC Plumbing Ltd', '順豐速運', 'Foodpanda', 'Harbour Realty', ''];
const LOCALES: Locale[] = ['en', 'zh-Hant', 'zh-Hans'];
/**
 * A busy residential lobby's mix (types with a purpose each); a Media crew and an owner's complaint are rare
 * on purpose, so the day is realistic: a handful of class C alerts and A prompts, not hundreds.
 */
const MIX: readonly [VisitorType, Purpose][] = [
  ['visiting-resident', 'other'],
  ['courier', 'delivery'],
  ['food-delivery', 'delivery'],
  ['visiting-resident', 'other'],
  ['contractor', 'repair'],
  ['domestic-helper', 'other'],
  ['business', 'meeting'],
  ['courier', 'delivery'],
  ['resident', 'collect-parcel'],
  ['estate-agent', 'other'],
];
/** One in this many is a Media crew (class C) or an owner's complaint (a Raise Class A prompt). */
const RARE_EVERY = 400;

const bench = {
  /** Runs the classifier over every input for `rounds` interleaved rounds; decisions per second. */
  classifier(rounds: number): ClassifierResult {
    const inputs = allInputs();
    const rules = defaultRulesFor(DEMO_SITE.kind);
    // Office hours matter to routing: a weekday morning in Hong Kong.
    const now = new Date('2026-11-23T02:00:00Z');
    let sink = 0;
    const stretch = (body: (input: ArrivalInput) => number): number => {
      let n = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < MIN_STRETCH_MS) {
        for (const input of inputs) sink += body(input);
        n += inputs.length;
        t = performance.now();
      }
      return (n / (t - t0)) * 1000;
    };
    const out: ClassifierResult = { inputs: inputs.length, empty: [], classify: [], triage: [], classC: 0 };
    // One unmeasured stretch of each first (JIT).
    const variants = {
      empty: (i: ArrivalInput) => i.partySize,
      classify: (i: ArrivalInput) => classifyArrival(i, rules, now).reasons.length,
      triage: (i: ArrivalInput) => (triageArrival(i, DEMO_SITE, rules, now).alert ? 1 : 0),
    } as const;
    for (const fn of Object.values(variants)) stretch(fn);
    // Interleaved, so a slow moment of the shared machine hits the three alike.
    for (let r = 0; r < rounds; r++) {
      out.empty.push(stretch(variants.empty));
      out.classify.push(stretch(variants.classify));
      out.triage.push(stretch(variants.triage));
    }
    out.classC = inputs.filter((i) => classifyArrival(i, rules, now).incident === 'C').length;
    // Keeps the loops' results alive, so no engine can drop them as dead code.
    if (sink === -1) console.log(sink);
    return out;
  },

  /**
   * `total` visits registered today at the demo site between local midnight and now, at every stage of the
   * day (waiting, awaiting the host, on site, left). Each row is checked with the app's `visitSchema`.
   */
  today(total: number): DayResult {
    const now = Date.now();
    const midnight = now - localTime(new Date(now), DEMO_SITE.timeZone).minutes * 60_000 - (now % 60_000);
    const span = Math.max(60_000, now - midnight - 60_000);
    const deviceId = uuidv7(now, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
    const dayKey = localDayKey(new Date(now), DEMO_SITE.timeZone);
    const rows: Visit[] = [];
    let onSite = 0;
    let flaggedC = 0;
    for (let i = 0; i < total; i++) {
      const created = midnight + Math.floor((i * span) / total);
      const rare = i % RARE_EVERY;
      const [visitorType, purpose]: [VisitorType, Purpose] = rare === 7 ? ['media', 'media-interview'] : rare === 13 ? ['resident', 'complaint'] : pick(MIX, i);
      const path: VisitStatus[] = pick<VisitStatus[]>(
        [['registered'], ['registered', 'awaiting-host'], ['registered', 'checked-in'], ['registered', 'checked-in', 'checked-out'], ['registered', 'checked-in', 'checked-out']],
        i,
      );
      const history: StatusChange[] = path.map((status, k) => ({ status, at: iso(Math.min(now, created + k * 60_000)) }));
      const last = history[history.length - 1] as StatusChange;
      if (last.status === 'checked-in') onSite++;
      if (visitorType === 'media' && last.status !== 'checked-out') flaggedC++;
      const unit = pick(DEMO_SITE.directory.units, i);
      const visit: Visit = {
        id: uuidv7(created, crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES))),
        siteId: DEMO_SITE.id,
        deviceId,
        seq: i + 1,
        dayKey: localDayKey(new Date(created), DEMO_SITE.timeZone),
        createdAt: iso(created),
        updatedAt: last.at,
        status: last.status,
        history,
        source: 'kiosk-walk-in',
        lang: pick(LOCALES, i),
        visitor: {
          fullName: `${pick(NAMES, i * 7)} ${i}`,
          phone: i % 5 === 0 ? '' : `+8529${String(1_000_000 + ((i * 7919) % 8_999_999)).padStart(7, '0')}`,
          organisation: pick(ORGS, i * 3),
          partySize: i % 9 === 0 ? 3 : 1,
        },
        visitorType,
        purpose,
        host: i % 3 === 0 ? { kind: 'free-text', label: `${1 + (i % 30)}${'ABCDEFGH'[i % 8] ?? 'A'}` } : { kind: 'unit', id: unit.id, label: unit.label },
        hasAppointment: i % 4 === 0,
        identity: i % 6 === 0 ? { method: 'host-confirmation' } : { method: 'sighted' },
        consent: { noticeVersion: DEMO_SITE.privacy.noticeVersion, kind: 'read', at: iso(created - 30_000) },
      };
      const parsed = visitSchema.safeParse(visit);
      if (!parsed.success) throw new Error(`generated visit ${i} fails the visit schema: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      if (visit.dayKey !== dayKey) throw new Error(`generated visit ${i} falls on ${visit.dayKey}, not today (${dayKey})`);
      rows.push(visit);
    }
    return { dayKey, rows, onSite, flaggedC };
  },

  /** Parses `rows` with the visit schema `times` times (structured clones, as IndexedDB returns them); ms each. */
  parse(rows: readonly Visit[], times: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < times; i++) out.push(parseDay(structuredClone(rows)));
    return out;
  },
};

/** Milliseconds to parse `rows` with the app's visit schema, as the day cache does for every row it reads. */
function parseDay(rows: readonly unknown[]): number {
  const t0 = performance.now();
  let ok = 0;
  for (const row of rows) if (visitSchema.safeParse(row).success) ok++;
  const took = performance.now() - t0;
  if (ok !== rows.length) throw new Error(`${rows.length - ok} rows failed the visit schema`);
  return took;
}

declare global {
  interface Window {
    vkDeskBench: typeof bench;
  }
}

window.vkDeskBench = bench;
