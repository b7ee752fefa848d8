/**
 * Queries of the host's answer links (migration 0008-host-answers), reached as `repo.hostAnswers` inside a
 * `HubStore` transaction: a link is recorded in the push that first sees its visit, together with the
 * notifications that carry it, and an answer is recorded with a compare-and-set (`answer IS NULL`), so two
 * taps on two phones — or two hub processes — record exactly one answer. Ids and codes only: no names.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Visit ids per DELETE: well under SQLite's and PostgreSQL's bound-parameter limits. */
const DELETE_CHUNK = 500;

export type HostAnswerCode = 'coming-down' | 'let-up' | 'not-expected';

export interface HostAnswerRow {
  id: string;
  siteId: string;
  visitId: string;
  hostKind: 'unit' | 'person';
  hostId: string;
  locale: string;
  createdAt: string;
  expiresAt: string;
  answer?: HostAnswerCode;
  answeredAt?: string;
}

type Row = Database['host_answers'] extends infer T ? { [K in keyof T]: T[K] } : never;

const toRow = (r: Row): HostAnswerRow => ({
  id: r.id,
  siteId: r.site_id,
  visitId: r.visit_id,
  hostKind: r.host_kind,
  hostId: r.host_id,
  locale: r.locale,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  ...(r.answer !== null ? { answer: r.answer } : {}),
  ...(r.answered_at !== null ? { answeredAt: r.answered_at } : {}),
});

export class HostAnswerRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The site's link secret, or undefined when none was made yet. */
  async secret(siteId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('host_link_keys').select('secret').where('site_id', '=', siteId).executeTakeFirst();
    return row?.secret;
  }

  /** Stores a site's first secret; false when another transaction stored one first (then read that one). */
  async insertSecret(siteId: string, secret: string, at: string): Promise<boolean> {
    const result = await this.db.insertInto('host_link_keys').values({ site_id: siteId, secret, created_at: at }).onConflict((oc) => oc.column('site_id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Records a link; false when the visit has one already (a visit is asked about once). */
  async insert(row: Omit<HostAnswerRow, 'answer' | 'answeredAt'>): Promise<boolean> {
    const result = await this.db
      .insertInto('host_answers')
      .values({ id: row.id, site_id: row.siteId, visit_id: row.visitId, host_kind: row.hostKind, host_id: row.hostId, locale: row.locale, created_at: row.createdAt, expires_at: row.expiresAt, answer: null, answered_at: null })
      .onConflict((oc) => oc.column('visit_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async byId(id: string): Promise<HostAnswerRow | undefined> {
    const row = await this.db.selectFrom('host_answers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRow(row);
  }

  async byVisit(siteId: string, visitId: string): Promise<HostAnswerRow | undefined> {
    const row = await this.db.selectFrom('host_answers').selectAll().where('site_id', '=', siteId).where('visit_id', '=', visitId).executeTakeFirst();
    return row && toRow(row);
  }

  /** Records the answer if none was recorded yet (first answer wins); true when this call recorded it. */
  async answer(id: string, answer: HostAnswerCode, at: string): Promise<boolean> {
    const result = await this.db.updateTable('host_answers').set({ answer, answered_at: at }).where('id', '=', id).where('answer', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A site's answered links since `since` (the desk's state at sign-in), oldest first. */
  async answeredSince(siteId: string, since: string): Promise<HostAnswerRow[]> {
    const rows = await this.db.selectFrom('host_answers').selectAll().where('site_id', '=', siteId).where('answered_at', 'is not', null).where('answered_at', '>=', since).orderBy('answered_at').execute();
    return rows.map(toRow);
  }

  /**
   * Deletes the links of these visits: an answer record follows its visit's retention (hub/retention.ts) and
   * erasure (hub/privacy.ts) — it says who the visit was for and what they answered, so it must not outlive it.
   */
  async deleteForVisits(siteId: string, visitIds: readonly string[]): Promise<void> {
    for (let i = 0; i < visitIds.length; i += DELETE_CHUNK) {
      await this.db.deleteFrom('host_answers').where('site_id', '=', siteId).where('visit_id', 'in', visitIds.slice(i, i + DELETE_CHUNK)).execute();
    }
  }
}
