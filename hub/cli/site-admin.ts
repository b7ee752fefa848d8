/**
 * `npm run hub -- watchlist add|remove|list` and `config get|set --file FILE` (issue 6 item 4): the same
 * operations as the API (hub/site-admin.ts), audited with the CLI's actor (`cli`) in the same transaction.
 * Only `watchlist list` prints entries' values (the operator asked for them); the audit keeps ids only.
 */
import { readFile } from 'node:fs/promises';
import { CLI_ACTOR } from '../../src/schemas/audit.js';
import { addWatchEntryRequestSchema } from '../../src/schemas/site-admin.js';
import type { HubStore } from '../db/index.js';
import { addWatchEntry, removeWatchEntry, setSiteConfig, siteConfigOf, watchList } from '../site-admin.js';

/** Commands with a sub-command as their first positional argument. */
export const SITE_ADMIN_COMMANDS = ['watchlist', 'config'] as const;

export const SITE_ADMIN_OPTIONS: Record<(typeof SITE_ADMIN_COMMANDS)[number], readonly string[]> = {
  watchlist: ['site', 'kind', 'value', 'reason', 'days', 'approved-by', 'id'],
  config: ['site', 'file'],
};

export const SITE_ADMIN_USAGE = `  watchlist list [--site ID]
  watchlist add --kind name|phone|id-hash --value TEXT --reason TEXT --approved-by NAME [--days N] [--site ID]
  watchlist remove --id ENTRY-ID [--site ID]
  config get [--site ID]
  config set --file SITE.json [--site ID]`;

type Values = Record<string, string | boolean | undefined>;

/** A refused command line (the caller turns it into its UsageError). */
export class SiteAdminUsage extends Error {
  override readonly name = 'SiteAdminUsage';
}

const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

export async function siteAdminCommand(store: HubStore, command: string, positionals: readonly string[], values: Values, siteId: string, now: Date, print: (line: string) => void): Promise<void> {
  const [action, ...extra] = positionals;
  if (extra.length > 0) throw new SiteAdminUsage(`${command} takes one action`);
  const wrongFlags = (flags: readonly string[]) => {
    for (const key of Object.keys(values)) if (key !== 'site' && !flags.includes(key)) throw new SiteAdminUsage(`--${key} does not apply to ${command} ${action ?? ''}`.trim());
  };
  if (command === 'watchlist') {
    switch (action) {
      case 'list': {
        wrongFlags([]);
        for (const e of await watchList(store, siteId)) print(`${e.id} ${e.kind} ${JSON.stringify(e.value)} expires=${e.expiresAt} approved-by=${JSON.stringify(e.approvedBy)} reason=${JSON.stringify(e.reason)}`);
        return;
      }
      case 'add': {
        wrongFlags(['kind', 'value', 'reason', 'days', 'approved-by']);
        const approvedBy = str(values, 'approved-by');
        // The CLI has no signed-in person: who approved the entry must be named.
        if (approvedBy === undefined) throw new SiteAdminUsage('--approved-by is required: who approved this entry');
        const days = str(values, 'days');
        if (days !== undefined && !/^\d{1,5}$/.test(days)) throw new SiteAdminUsage('--days is a whole number of days');
        const request = addWatchEntryRequestSchema.safeParse({ kind: str(values, 'kind'), value: str(values, 'value'), reason: str(values, 'reason'), approvedBy, ...(days !== undefined ? { days: Number(days) } : {}) });
        if (!request.success) throw new SiteAdminUsage(`--${String(request.error.issues[0]?.path[0] ?? 'kind')}: ${request.error.issues[0]?.message ?? 'invalid'}`);
        const entry = await addWatchEntry(store, siteId, request.data, { actor: CLI_ACTOR, approver: approvedBy }, now);
        print(`watch-list entry: ${entry.id} (${entry.kind}, expires ${entry.expiresAt})`);
        return;
      }
      case 'remove': {
        wrongFlags(['id']);
        const id = str(values, 'id');
        if (!id) throw new SiteAdminUsage('--id is required');
        if (!(await removeWatchEntry(store, siteId, id, CLI_ACTOR, now))) throw new SiteAdminUsage(`no watch-list entry ${id} at site ${siteId}`);
        print(`removed: ${id}`);
        return;
      }
      default:
        throw new SiteAdminUsage('watchlist takes list, add or remove');
    }
  }
  switch (action) {
    case 'get': {
      wrongFlags([]);
      print(JSON.stringify(await siteConfigOf(store, siteId), null, 2));
      return;
    }
    case 'set': {
      wrongFlags(['file']);
      const file = str(values, 'file');
      if (!file) throw new SiteAdminUsage('--file is required: the site configuration as JSON (see `config get`)');
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new SiteAdminUsage(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON'}`);
      }
      const { changed } = await setSiteConfig(store, siteId, json, CLI_ACTOR, now);
      print(changed.length > 0 ? `changed: ${changed.join(', ')} (kiosks receive it with their next pull)` : 'unchanged');
      return;
    }
    default:
      throw new SiteAdminUsage('config takes get or set');
  }
}
