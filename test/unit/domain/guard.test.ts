import { expect } from '@open-wc/testing';
import {
  GuardError,
  acknowledgeHandover,
  badgeCardsToRecord,
  cardToReturn,
  checkCardIssue,
  checkCarried,
  checkHandover,
  checkPassDates,
  checkRoomEntry,
  decidePass,
  leaveRoom,
  markRaised,
  mayApprovePasses,
  outstandingCards,
  passByCode,
  passCode,
  returnCard,
  restrictedRooms,
  shiftDayKey,
  usePass,
  type CardRecord,
  type GoodsPassRecord,
  type HandoverRecord,
  type OccurrenceRecord,
  type RoomEntryRecord,
} from '../../../src/domain/guard.js';
import type { StaffRole } from '../../../src/domain/desk.js';
import { guardSections } from '../../../src/domain/guard-report.js';
import type { Visit, VisitStatus } from '../../../src/domain/visit.js';
import { guardRecordSchema, guardSettingsSchema } from '../../../src/schemas/guard.js';

const AT = new Date('2026-11-23T06:00:00Z');
const envelope = (id: string) => ({ id, siteId: 'demo', dayKey: '2026-11-23', createdAt: AT.toISOString(), updatedAt: AT.toISOString(), createdBy: 'guard-1' });
const uuid = (n: number) => `0193a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;

const card = (n: number, over: Partial<CardRecord> = {}): CardRecord => ({ ...envelope(uuid(n)), kind: 'card', cardKind: 'visitor', number: `V${n}`, holder: 'Pass 7', issuedAt: AT.toISOString(), ...over });
const pass = (over: Partial<GoodsPassRecord> = {}): GoodsPassRecord => ({
  ...envelope(uuid(50)),
  kind: 'goods-pass',
  code: 'ABC234',
  unit: '12B',
  requester: 'resident',
  items: 'Sofa',
  validFrom: '2026-11-23',
  validUntil: '2026-11-24',
  status: 'approved',
  ...over,
});

/** The code a refusal carries, or `undefined` when `fn` does not throw a GuardError. */
function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof GuardError) return error.code;
    throw error;
  }
}

describe('guard: cards', () => {
  const cards = [card(1), card(2, { returnedAt: AT.toISOString(), returnedBy: 'guard-1' }), card(3, { cardKind: 'lift', number: 'L 9' })];
  const returns: [string, string | undefined, string | undefined][] = [
    // number typed, kind, refusal (undefined: accepted)
    ['V1', undefined, undefined],
    ['v 1', 'visitor', undefined],
    ['l9', 'lift', undefined],
    ['V2', undefined, 'card-not-issued'], // already back
    ['V99', undefined, 'card-not-issued'], // never issued
    ['L9', 'visitor', 'card-not-issued'], // out, but as a lift card
  ];
  for (const [number, kind, code] of returns) {
    it(`return of ${number} (${kind ?? 'any kind'}) → ${code ?? 'accepted'}`, () => {
      expect(refusal(() => cardToReturn(cards, number, kind as 'visitor' | 'lift' | undefined))).to.equal(code);
    });
  }

  it('refuses to return a card twice and to issue a number still out', () => {
    const back = returnCard(card(1), AT, 'guard-2');
    expect(back.returnedBy).to.equal('guard-2');
    expect(refusal(() => returnCard(back, AT, 'guard-2'))).to.equal('card-not-issued');
    expect(refusal(() => checkCardIssue(cards, 'visitor', 'v1'))).to.equal('card-already-out');
    expect(refusal(() => checkCardIssue(cards, 'visitor', 'V2'))).to.equal(undefined);
    expect(refusal(() => checkCardIssue(cards, 'lift', 'V1'))).to.equal(undefined);
  });

  it('lists the cards still out, flagging those whose visitor has left', () => {
    const visits = new Map<string, { status: VisitStatus }>([
      [uuid(101), { status: 'checked-out' }],
      [uuid(102), { status: 'checked-in' }],
    ]);
    const list = outstandingCards([card(4, { visitId: uuid(101), holder: undefined }), card(5, { visitId: uuid(102) }), card(2, { returnedAt: AT.toISOString() }), card(6)], visits);
    expect(list.map((o) => [o.card.number, o.leftWithCard])).to.deep.equal([
      ['V4', true],
      ['V5', false],
      ['V6', false],
    ]);
  });

  it('takes numbered badges given at check-in as visitor cards, once per visit', () => {
    const visit = (n: number, status: VisitStatus, badgeNumber?: string) =>
      ({ id: uuid(n), status, createdAt: AT.toISOString(), history: [{ status: 'registered', at: AT.toISOString() }], ...(badgeNumber ? { badgeNumber } : {}) }) as unknown as Visit;
    const visits = [visit(201, 'checked-in', '17'), visit(202, 'checked-out', '18'), visit(203, 'registered', '19'), visit(204, 'checked-in'), visit(205, 'checked-in', '21')];
    const got = badgeCardsToRecord(visits, [card(7, { visitId: uuid(205) })]);
    expect(got.map((v) => v.badgeNumber)).to.deep.equal(['17', '18']);
  });
});

describe('guard: goods-removal passes', () => {
  const cases: [string, Partial<GoodsPassRecord>, string, string | undefined][] = [
    ['approved, first day', {}, '2026-11-23', undefined],
    ['approved, last day', {}, '2026-11-24', undefined],
    ['before its validity', {}, '2026-11-22', 'pass-outside-validity'],
    ['after its validity', {}, '2026-11-25', 'pass-outside-validity'],
    ['closed (used once already)', { status: 'closed', closedAt: AT.toISOString(), closedBy: 'g' }, '2026-11-23', 'pass-closed'],
    ['not approved yet', { status: 'requested' }, '2026-11-23', 'pass-not-approved'],
    ['rejected', { status: 'rejected' }, '2026-11-23', 'pass-not-approved'],
  ];
  for (const [name, over, today, code] of cases) {
    it(`use: ${name} → ${code ?? 'let out'}`, () => {
      expect(refusal(() => usePass(pass(over), today, 'guard-1', AT))).to.equal(code);
    });
  }

  it('is used once: the second use is refused', () => {
    const used = usePass(pass(), '2026-11-23', 'guard-1', AT);
    expect(used.status).to.equal('closed');
    expect(used.closedBy).to.equal('guard-1');
    expect(refusal(() => usePass(used, '2026-11-23', 'guard-1', AT))).to.equal('pass-closed');
  });

  const roles: [StaffRole, boolean][] = [
    ['site-manager', true],
    ['receptionist', false],
    ['guard', false],
    ['company', false],
  ];
  for (const [role, may] of roles) {
    it(`approval by a ${role} → ${may ? 'approved' : 'refused'}`, () => {
      expect(mayApprovePasses(role)).to.equal(may);
      const code = refusal(() => decidePass(pass({ status: 'requested' }), 'approved', { id: 'x', role }, AT));
      expect(code).to.equal(may ? undefined : 'not-allowed-to-approve');
    });
  }

  it('keeps the first decision and never reopens a closed pass', () => {
    const approved = decidePass(pass({ status: 'requested' }), 'approved', { id: 'mgr', role: 'site-manager' }, AT);
    expect(approved.decidedBy).to.equal('mgr');
    expect(decidePass(approved, 'rejected', { id: 'mgr2', role: 'site-manager' }, AT)).to.equal(approved);
    expect(refusal(() => decidePass(pass({ status: 'closed' }), 'approved', { id: 'mgr', role: 'site-manager' }, AT))).to.equal('pass-closed');
  });

  const dates: [string, string, string | undefined][] = [
    ['2026-11-23', '2026-11-23', undefined],
    ['2026-11-23', '2026-11-30', undefined],
    ['2026-11-24', '2026-11-23', 'pass-dates-invalid'],
    ['23/11/2026', '2026-11-23', 'pass-dates-invalid'],
    ['', '', 'pass-dates-invalid'],
  ];
  for (const [from, until, code] of dates) {
    it(`dates ${from || '(empty)'} … ${until || '(empty)'} → ${code ?? 'accepted'}`, () => {
      expect(refusal(() => checkPassDates(from, until))).to.equal(code);
    });
  }

  it('finds a pass by its door code and makes codes without look-alike characters', () => {
    expect(passByCode([pass()], ' abc 234 ').code).to.equal('ABC234');
    expect(refusal(() => passByCode([pass()], 'ZZZ999'))).to.equal('pass-not-found');
    const code = passCode(new Uint8Array([0, 1, 2, 3, 30, 255]));
    expect(code).to.match(/^[2-9A-Z]{6}$/);
    expect(code).not.to.match(/[01OIL]/);
  });
});

describe('guard: restricted rooms', () => {
  const site = { guard: undefined };
  const input = { roomId: 'monitoring-room', person: 'PC Chan', organisation: 'HK Police', reason: 'View CCTV of the car park', approvedBy: 'Mr Lee, estate manager' };
  const cases: [string, Partial<typeof input>, string | undefined][] = [
    ['approved entry', {}, undefined],
    ['no approval', { approvedBy: '' }, 'room-entry-unapproved'],
    ['approval of spaces only', { approvedBy: '   ' }, 'room-entry-unapproved'],
    ['a room the site does not name', { roomId: 'plant-room' }, 'room-unknown'],
    ['no name', { person: ' ' }, 'required'],
    ['no reason', { reason: '' }, 'required'],
  ];
  for (const [name, over, code] of cases) {
    it(`${name} → ${code ?? 'recorded'}`, () => {
      expect(refusal(() => checkRoomEntry(site, { ...input, ...over }))).to.equal(code);
    });
  }

  it('uses the site’s own rooms when it names them, and records leaving once', () => {
    const own = { guard: { restrictedRooms: [{ id: 'plant-room' }] } };
    expect(restrictedRooms(own).map((r) => r.id)).to.deep.equal(['plant-room']);
    expect(restrictedRooms({}).map((r) => r.id)).to.deep.equal(['monitoring-room', 'archive']);
    expect(refusal(() => checkRoomEntry(own, { ...input, roomId: 'plant-room' }))).to.equal(undefined);
    const entry: RoomEntryRecord = { ...envelope(uuid(60)), kind: 'room-entry', ...input, enteredAt: AT.toISOString() };
    const left = leaveRoom(entry, AT);
    expect(left.leftAt).to.equal(AT.toISOString());
    expect(refusal(() => leaveRoom(left, AT))).to.equal('room-already-left');
  });
});

describe('guard: handover, occurrences, carried items', () => {
  const handover: HandoverRecord = { ...envelope(uuid(70)), kind: 'handover', openItems: 'Lift 2 engineer due 9:00', changes: '', notices: '', equipment: 'Radio 3 charging' };
  const acks: [string, Partial<HandoverRecord>, string, string | undefined][] = [
    ['the next shift', {}, 'guard-2', undefined],
    ['the same guard', {}, 'guard-1', 'handover-same-staff'],
    ['a second time', { acknowledgedBy: 'guard-2', acknowledgedAt: AT.toISOString() }, 'guard-3', 'handover-acknowledged'],
  ];
  for (const [name, over, by, code] of acks) {
    it(`acknowledgement by ${name} → ${code ?? 'recorded'}`, () => {
      expect(refusal(() => acknowledgeHandover({ ...handover, ...over }, by, AT))).to.equal(code);
    });
  }

  it('refuses an empty handover and records who acknowledged and when', () => {
    expect(refusal(() => checkHandover({ openItems: ' ', changes: '', notices: '', equipment: '' }))).to.equal('required');
    expect(refusal(() => checkHandover({ openItems: 'x'.repeat(2001), changes: '', notices: '', equipment: '' }))).to.equal('too-long');
    const acked = acknowledgeHandover(handover, 'guard-2', AT);
    expect([acked.acknowledgedBy, acked.acknowledgedAt]).to.deep.equal(['guard-2', AT.toISOString()]);
  });

  it('raises one incident from an occurrence at most', () => {
    const occurrence: OccurrenceRecord = { ...envelope(uuid(80)), kind: 'occurrence', category: 'leak', text: 'Water on B1', at: AT.toISOString() };
    const raised = markRaised(occurrence, uuid(81), AT);
    expect(raised.alertId).to.equal(uuid(81));
    expect(refusal(() => markRaised(raised, uuid(82), AT))).to.equal('occurrence-raised');
  });

  const carried: [string, 'allowed' | 'not-allowed' | 'with-permission', string | undefined, string | undefined][] = [
    ['Toolbox', 'allowed', undefined, undefined],
    ['Gas cylinder', 'not-allowed', undefined, undefined],
    ['Drill', 'with-permission', 'Mr Lee', undefined],
    ['Drill', 'with-permission', '', 'required'],
    ['', 'allowed', undefined, 'required'],
  ];
  for (const [items, decision, by, code] of carried) {
    it(`carried "${items}" ${decision} → ${code ?? 'recorded'}`, () => {
      expect(refusal(() => checkCarried(items, decision, by))).to.equal(code);
    });
  }

  it('shifts day keys across months and years', () => {
    expect(shiftDayKey('2026-03-01', -1)).to.equal('2026-02-28');
    expect(shiftDayKey('2026-01-15', -31)).to.equal('2025-12-15');
  });
});

describe('guard: schemas', () => {
  it('accepts the records the rules make and refuses unknown keys and bad kinds', () => {
    expect(guardRecordSchema.safeParse(card(1)).success).to.equal(true);
    expect(guardRecordSchema.safeParse(pass()).success).to.equal(true);
    expect(guardRecordSchema.safeParse({ ...card(1), extra: 1 }).success).to.equal(false);
    expect(guardRecordSchema.safeParse({ ...card(1), kind: 'parcel' }).success).to.equal(false);
    expect(guardRecordSchema.safeParse({ ...pass(), code: 'TOOLONG1' }).success).to.equal(false);
  });

  it('site settings: rooms listed once, carried items a flag', () => {
    expect(guardSettingsSchema.safeParse({ carriedItems: true, restrictedRooms: [{ id: 'archive' }, { id: 'server-room', name: { en: 'Server room', 'zh-Hant': '伺服器室', 'zh-Hans': '服务器室' } }] }).success).to.equal(true);
    expect(guardSettingsSchema.safeParse({ restrictedRooms: [{ id: 'archive' }, { id: 'archive' }] }).success).to.equal(false);
    expect(guardSettingsSchema.safeParse({ restrictedRooms: [] }).success).to.equal(false);
    expect(guardSettingsSchema.safeParse({ cardsAtCheckIn: true }).success).to.equal(false);
  });
});

describe('guard: report sections', () => {
  const iso = (s: string) => new Date(s).toISOString();
  const bounds = { start: new Date('2026-11-01T00:00:00+08:00'), end: new Date('2026-12-01T00:00:00+08:00') };
  const records = [
    card(11, { issuedAt: iso('2026-11-02T10:00:00+08:00'), returnedAt: iso('2026-11-02T12:00:00+08:00') }), // issued, returned
    card(12, { issuedAt: iso('2026-11-30T20:00:00+08:00'), visitId: uuid(301) }), // issued, out, visitor left
    card(13, { issuedAt: iso('2026-10-30T20:00:00+08:00'), returnedAt: iso('2026-12-02T09:00:00+08:00') }), // out at the end
    card(14, { issuedAt: iso('2026-12-01T09:00:00+08:00') }), // next month
    pass({ id: uuid(90), createdAt: iso('2026-11-03T09:00:00+08:00'), decidedAt: iso('2026-11-03T10:00:00+08:00'), closedAt: iso('2026-11-04T10:00:00+08:00'), status: 'closed' }),
    pass({ id: uuid(91), createdAt: iso('2026-11-05T09:00:00+08:00'), decidedAt: iso('2026-11-05T10:00:00+08:00'), status: 'rejected' }),
    pass({ id: uuid(92), createdAt: iso('2026-11-29T09:00:00+08:00'), status: 'requested' }),
    { ...envelope(uuid(93)), kind: 'room-entry', roomId: 'archive', person: 'A', reason: 'r', approvedBy: 'M', enteredAt: iso('2026-11-10T09:00:00+08:00') } as RoomEntryRecord,
    { ...envelope(uuid(94)), kind: 'room-entry', roomId: 'monitoring-room', person: 'B', reason: 'r', approvedBy: 'M', enteredAt: iso('2026-11-11T09:00:00+08:00') } as RoomEntryRecord,
    { ...envelope(uuid(95)), kind: 'room-entry', roomId: 'archive', person: 'C', reason: 'r', approvedBy: 'M', enteredAt: iso('2026-11-12T09:00:00+08:00') } as RoomEntryRecord,
    { ...envelope(uuid(96)), createdAt: iso('2026-11-20T08:00:00+08:00'), kind: 'handover', openItems: 'x', changes: '', notices: '', equipment: '', acknowledgedBy: 'g2', acknowledgedAt: iso('2026-11-20T08:05:00+08:00') } as HandoverRecord,
    { ...envelope(uuid(97)), createdAt: iso('2026-11-30T23:00:00+08:00'), kind: 'handover', openItems: 'y', changes: '', notices: '', equipment: '' } as HandoverRecord,
    { ...envelope(uuid(98)), kind: 'occurrence', category: 'leak', text: 't', at: iso('2026-11-15T03:00:00+08:00') } as OccurrenceRecord,
    { ...envelope(uuid(99)), kind: 'occurrence', category: 'leak', text: 't', at: iso('2026-11-16T03:00:00+08:00') } as OccurrenceRecord,
  ];
  const sections = guardSections(records, bounds, new Map([[uuid(301), 'checked-out' as const]]));
  const counts = Object.fromEntries(sections.map((s) => [s.id, s.counts]));
  const cases: [string, Record<string, number>][] = [
    ['guard-cards', { issued: 2, returned: 1, outstanding: 2, 'left-with-card': 1 }],
    ['guard-goods-passes', { entered: 3, approved: 1, rejected: 1, used: 1, waiting: 1 }],
    ['guard-room-entries', { archive: 2, 'monitoring-room': 1 }],
    ['guard-handovers', { 'handed-over': 2, acknowledged: 1, waiting: 1 }],
    ['guard-occurrences', { leak: 2, 'lift-fault': 0, 'suspicious-person': 0, equipment: 0, other: 0 }],
  ];
  for (const [id, expected] of cases) {
    it(`${id}`, () => {
      expect(counts[id]).to.deep.equal(expected);
    });
  }
});
