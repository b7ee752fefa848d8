// The front-desk ledger's API (issue 8), run inside the shared hub API suite (api-suite.ts) on SQLite and
// PostgreSQL: entries opened and moved through their life by the domain's rules, optimistic concurrency (the
// later of two desks gets 409 and the entry as it is), redaction of a protected complainant by role, an audit
// line for every read of a complaint, and no way to delete one.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { hashPin } from '../../../src/auth/pin.js';
import { auditPageSchema } from '../../../src/schemas/audit.js';
import { ledgerConflictReplySchema, ledgerListReplySchema, ledgerRecordSchema, type LedgerRecord } from '../../../src/schemas/ledger.js';
import { apiErrorSchema, signInReplySchema } from '../../../src/schemas/sync.js';
import type { AdjustableClock } from '../../../hub/clock.js';
import type { HubStore } from '../../../hub/db/index.js';
import type { Visit } from '../../../src/domain/visit.js';
import { api, makeVisit, SseReader } from './fixtures.js';

// Distinct from every other PIN of the shared suite (a PIN signs in whoever holds it).
const CS_PIN = '5791';
const HOUR = 3_600_000;

export interface LedgerSuiteContext {
  base: string;
  store: HubStore;
  clock: AdjustableClock;
  /** The site manager's session. */
  admin: string;
  /** A guard's session. */
  guard: string;
  /** Pushes visits as a device (a kiosk's token, or a desk's staff session with the desk's device id). */
  push: (token: string, device: string, changes: { seq: number; visit: Visit }[]) => Promise<{ status: number }>;
}

const complaint = {
  channel: 'call',
  who: { kind: 'resident', unit: '12B', name: 'Complainant Chan', phone: '+85291234567' },
  subject: 'plumbing',
  category: 'complaint',
  description: 'The engineering technician was rude and the leak is still there.',
  about: { kind: 'department', department: 'Engineering' },
} as const;

export function ledgerTests(ctx: () => LedgerSuiteContext): void {
  describe('ledger', () => {
    let cs = '';
    const post = async (token: string, body: unknown, expect = 201): Promise<LedgerRecord> => {
      const reply = await api(ctx().base, 'POST', '/api/v1/ledger', { token, body });
      assert.equal(reply.status, expect, reply.text);
      return ledgerRecordSchema.parse(reply.body);
    };
    const act = (token: string, id: string, version: number, action: unknown) => api(ctx().base, 'POST', `/api/v1/ledger/${id}/actions`, { token, body: { version, action } });
    const ok = async (token: string, id: string, version: number, action: unknown): Promise<LedgerRecord> => {
      const reply = await act(token, id, version, action);
      assert.equal(reply.status, 200, reply.text);
      return ledgerRecordSchema.parse(reply.body);
    };
    const audits = async () => auditPageSchema.parse((await api(ctx().base, 'GET', '/api/v1/audit', { token: ctx().admin })).body).entries;

    before(async () => {
      const { store, clock, base } = ctx();
      await store.write(async (repo) => repo.insertStaff({ id: 'cs-1', siteId: 'demo', name: 'Customer Service', role: 'customer-service', ...(await hashPin(CS_PIN)) }, clock.now().toISOString()));
      cs = signInReplySchema.parse((await api(base, 'POST', '/api/v1/sessions', { body: { pin: CS_PIN } })).body).token;
    });

    it('opens numbered entries with the clock of their kind, and moves one through its life', async () => {
      const { guard, admin, clock } = ctx();
      const first = await post(guard, complaint);
      const second = await post(guard, { ...complaint, category: 'consultation', about: undefined, channel: 'letter' });
      const year = clock.now().toISOString().slice(0, 4);
      assert.match(first.entry.number, new RegExp(`^${year}-\\d{4}$`));
      assert.equal(Number(second.entry.number.slice(5)), Number(first.entry.number.slice(5)) + 1, 'numbers follow each other');
      assert.equal(first.version, 1);
      assert.equal(first.entry.dueKind, 'complaint-24h');
      assert.equal(Date.parse(first.entry.dueAt ?? '') - Date.parse(first.entry.receivedAt), 24 * HOUR);
      assert.equal(second.entry.dueKind, 'letter-3-working-days');
      assert.equal(first.entry.firstContactBy, 'guard-1');

      let r = await ok(guard, first.entry.id, 1, { type: 'assign', department: 'Engineering', note: 'leak' });
      assert.deepEqual([r.entry.status, r.version], ['in-progress', 2]);
      r = await ok(guard, first.entry.id, r.version, { type: 'reply', text: 'A plumber comes at 3 pm.' });
      r = await ok(guard, first.entry.id, r.version, { type: 'resolve', text: 'Pipe replaced.' });
      assert.equal(r.entry.followUps.length, 1);
      r = await ok(cs, first.entry.id, r.version, { type: 'follow-up', satisfaction: 'dissatisfied', reason: 'Stain remains.' });
      assert.equal(r.entry.status, 'reopened');
      // Only the site manager decides; a guard may not escalate.
      assert.equal((await act(guard, first.entry.id, r.version, { type: 'decide', text: 'Repaint at our cost.' })).status, 403);
      assert.equal((await act(guard, first.entry.id, r.version, { type: 'escalate' })).status, 403);
      r = await ok(admin, first.entry.id, r.version, { type: 'decide', text: 'Repaint at our cost.' });
      assert.deepEqual([r.entry.decision?.by, r.entry.decision?.text], ['admin', 'Repaint at our cost.']);
      r = await ok(cs, first.entry.id, r.version, { type: 'escalate', note: 'major' });
      assert.equal(r.entry.escalation?.by, 'cs-1');
      assert.deepEqual(
        r.entry.history.map((h) => h.action),
        ['create', 'assign', 'reply', 'resolve', 'follow-up', 'decide', 'escalate'],
      );
    });

    it('announces every opened or changed entry on the event stream, by id and number only', async () => {
      const { guard, admin, base } = ctx();
      const reader = new SseReader(base, admin);
      try {
        await reader.opened;
        const e = await post(guard, complaint);
        await reader.waitFor((ev) => ev.type === 'ledger' && ev.id === e.entry.id && ev.number === e.entry.number && ev.version === 1);
        await ok(guard, e.entry.id, 1, { type: 'assign', department: 'Engineering' });
        await reader.waitFor((ev) => ev.type === 'ledger' && ev.id === e.entry.id && ev.version === 2);
        assert.ok(!JSON.stringify(reader.events).includes('Complainant Chan'), 'no personal data on the stream');
      } finally {
        reader.close();
      }
    });

    it('refuses what the domain refuses, with its codes', async () => {
      const { guard } = ctx();
      const e = await post(guard, complaint);
      const early = await act(guard, e.entry.id, 1, { type: 'follow-up', satisfaction: 'satisfied' });
      assert.equal(early.status, 409);
      assert.equal(apiErrorSchema.parse(early.body).error.code, 'ledger-transition-invalid');
      const long = await api(ctx().base, 'POST', '/api/v1/ledger', { token: guard, body: { ...complaint, description: 'x'.repeat(4001) } });
      assert.equal(long.status, 400);
      assert.deepEqual([apiErrorSchema.parse(long.body).error.code, apiErrorSchema.parse(long.body).error.path], ['ledger-too-long', 'description']);
      const future = await api(ctx().base, 'POST', '/api/v1/ledger', { token: guard, body: { ...complaint, receivedAt: new Date(ctx().clock.now().getTime() + HOUR).toISOString() } });
      assert.equal(apiErrorSchema.parse(future.body).error.code, 'ledger-before-entry');
      assert.equal((await api(ctx().base, 'POST', '/api/v1/ledger', { token: guard, body: { ...complaint, colour: 'red' } })).status, 400);
    });

    it('tells the later of two desks editing one entry at once, and writes nothing of it', async () => {
      const { guard } = ctx();
      const e = await post(guard, complaint);
      const [a, b] = await Promise.all([
        act(guard, e.entry.id, 1, { type: 'assign', department: 'Engineering' }),
        act(cs, e.entry.id, 1, { type: 'assign', department: 'Security' }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409], `${a.text} / ${b.text}`);
      const [won, lost] = a.status === 200 ? [a, b] : [b, a];
      const conflict = ledgerConflictReplySchema.parse(lost.body);
      const winner = ledgerRecordSchema.parse(won.body);
      assert.deepEqual([conflict.current.version, conflict.current.entry.department], [2, winner.entry.department]);
      const now = ledgerRecordSchema.parse((await api(ctx().base, 'GET', `/api/v1/ledger/${e.entry.id}`, { token: guard })).body);
      assert.deepEqual([now.version, now.entry.department, now.entry.history.length], [2, winner.entry.department, 2]);
    });

    it('shows a protected complainant to customer service only, and audits every read of a complaint', async () => {
      const { guard, admin, base } = ctx();
      const e = await post(guard, complaint);
      assert.deepEqual(e.entry.who, { kind: 'withheld' }, 'even the guard who logged it sees it withheld afterwards');
      const asManager = ledgerRecordSchema.parse((await api(base, 'GET', `/api/v1/ledger/${e.entry.id}`, { token: admin })).body);
      assert.deepEqual(asManager.entry.who, { kind: 'withheld' });
      const asCs = ledgerRecordSchema.parse((await api(base, 'GET', `/api/v1/ledger/${e.entry.id}`, { token: cs })).body);
      assert.deepEqual(asCs.entry.who, complaint.who);
      const listed = ledgerListReplySchema.parse((await api(base, 'GET', '/api/v1/ledger?active=1', { token: guard })).body);
      const mine = listed.entries.find((x) => x.entry.id === e.entry.id);
      assert.deepEqual(mine?.entry.who, { kind: 'withheld' });
      const protectedOnes = listed.entries.filter((x) => x.entry.category === 'complaint' && x.entry.about !== undefined);
      assert.ok(protectedOnes.length >= 3 && !JSON.stringify(protectedOnes).includes('Complainant Chan'), 'no protected complainant in the list');
      assert.ok(Math.abs(Date.parse(listed.now) - ctx().clock.now().getTime()) < 5000, 'the reply carries the hub clock');
      const reads = (await audits()).filter((x) => x.action === 'ledger-complaint-read' && x.target === e.entry.id);
      assert.deepEqual(reads.map((x) => x.actor).sort(), ['admin', 'cs-1', 'guard-1', 'guard-1'], 'create, two opens, one listing');
      assert.ok(!JSON.stringify(await audits()).includes('Complainant Chan'), 'ids only');
      // A consultation is not a complaint: no audit line.
      const query = await post(guard, { ...complaint, category: 'consultation', about: undefined });
      assert.deepEqual(query.entry.who, complaint.who);
      assert.ok(!(await audits()).some((x) => x.target === query.entry.id));
    });

    it('opens a linked entry for a visit that comes to complain or ask for a repair, once', async () => {
      const { push, admin, base } = ctx();
      // Pushed by a desk under a staff session (no pairing: the suite's kiosks use up the pairing rate limit).
      const kiosk = { id: crypto.randomUUID(), token: admin };
      const complaint = makeVisit(kiosk.id, 1, { purpose: 'complaint', visitorType: 'resident', host: { kind: 'free-text', label: '7D' } });
      const repair = makeVisit(kiosk.id, 2, { purpose: 'repair' });
      const meeting = makeVisit(kiosk.id, 3, { purpose: 'meeting' });
      // A contractor who has come to carry out a repair is not reporting one.
      const work = makeVisit(kiosk.id, 4, { purpose: 'repair', visitorType: 'contractor' });
      assert.equal((await push(kiosk.token, kiosk.id, [complaint, repair, meeting, work].map((visit, i) => ({ seq: i + 1, visit })))).status, 200);
      // The same visit again (a retry, a check-out): no second entry.
      assert.equal((await push(kiosk.token, kiosk.id, [{ seq: 5, visit: { ...complaint, status: 'checked-in', updatedAt: new Date(Date.parse(complaint.updatedAt) + 1000).toISOString(), history: [...complaint.history, { status: 'checked-in', at: new Date(Date.parse(complaint.updatedAt) + 1000).toISOString() }] } }])).status, 200);
      const listed = ledgerListReplySchema.parse((await api(base, 'GET', '/api/v1/ledger?active=1', { token: admin })).body).entries;
      const linked = listed.filter((r) => r.entry.visitId !== undefined && [complaint.id, repair.id, meeting.id, work.id].includes(r.entry.visitId));
      assert.deepEqual(linked.map((r) => [r.entry.visitId, r.entry.category, r.entry.channel, r.entry.firstContactBy]).sort(), [
        [complaint.id, 'complaint', 'visit', 'kiosk'],
        [repair.id, 'help-request', 'visit', 'kiosk'],
      ].sort());
      const c = linked.find((r) => r.entry.visitId === complaint.id);
      assert.equal(c?.entry.dueKind, 'complaint-24h');
      assert.deepEqual(c?.entry.who, { kind: 'resident', unit: '7D', name: 'Chan Tai Man', phone: '+85291234567' }, 'a complaint about nobody in particular is not withheld');
    });

    it('has no delete, is the site staff’s only, and 404s another site’s entry', async () => {
      const { guard, admin, base } = ctx();
      const e = await post(guard, complaint);
      for (const method of ['DELETE', 'PUT', 'PATCH']) assert.equal((await api(base, method, `/api/v1/ledger/${e.entry.id}`, { token: admin, body: {} })).status, 404, method);
      assert.equal((await api(base, 'GET', '/api/v1/ledger')).status, 401);
      assert.equal((await api(base, 'GET', `/api/v1/ledger/${crypto.randomUUID()}`, { token: admin })).status, 404);
      assert.equal((await api(base, 'GET', '/api/v1/ledger?from=2026-13-01', { token: admin })).status, 400);
      const stillThere = await ctx().store.read((repo) => repo.ledger.get('demo', e.entry.id));
      assert.ok(stillThere);
    });
  });
}
