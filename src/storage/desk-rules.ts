/**
 * The last good rules file of each site, kept on the device (`desk-meta`, key `rules:<siteId>`): when the
 * next file does not parse or cannot be fetched, the desk keeps these in force (issue 4). A module of its
 * own, apart from `DeskStore`, because parsing rules brings the rules schemas (and their calendar checks)
 * with it, and the kiosk's help call loads `DeskStore` — the kiosk never carries the desk's rules.
 */
import type { LastGoodRules, RulesConfig } from '../domain/rules/config.js';
import { lastGoodRulesSchema } from '../schemas/rules.js';
import { DB_NAME, kioskTransaction, withKioskDb } from './db.js';
import { STRICT, checkedRow, commit } from './tx.js';

const keyFor = (siteId: string) => `rules:${siteId}` as const;

/** Keeps `rules` as the site's last good rules (they came from `source`). A later call replaces them. */
export async function saveLastRules(siteId: string, rules: RulesConfig, source: string, at: Date, dbName: string = DB_NAME): Promise<LastGoodRules> {
  const key = keyFor(siteId);
  const row = checkedRow(lastGoodRulesSchema, { siteId, source, savedAt: at.toISOString(), rules } satisfies LastGoodRules, 'desk-meta', key);
  const tx = await kioskTransaction(dbName, ['desk-meta'], 'readwrite', STRICT);
  await commit(tx, () => tx.objectStore('desk-meta').put(row, key));
  return row;
}

/**
 * The site's last good rules, or `undefined` if none were kept. A kept row that no longer parses (an older
 * build's, or a damaged one) counts as none — the desk then stays on its presets, as it would anyway.
 */
export async function lastRules(siteId: string, dbName: string = DB_NAME): Promise<LastGoodRules | undefined> {
  const raw: unknown = await withKioskDb(dbName, (db) => db.get('desk-meta', keyFor(siteId)));
  if (raw === undefined) return undefined;
  const parsed = lastGoodRulesSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
