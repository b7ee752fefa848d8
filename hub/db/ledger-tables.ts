/** (0012) The ledger's tables (hub/db/ledger-store.ts), listed in `Database` (schema.ts). */

/**
 * One ledger entry: the whole `LedgerEntry` as JSON in `data`, with the columns lists and reports filter on
 * copied beside it. `version` counts changes (optimistic concurrency: an update names the version it read).
 * Rows are never deleted by staff: there is no delete path; retention alone may remove them.
 */
export interface LedgerEntriesTable {
  id: string;
  site_id: string;
  number: string;
  category: string;
  channel: string;
  status: string;
  received_at: string;
  due_at: string | null;
  stopped_at: string | null;
  updated_at: string;
  version: number;
  data: string;
}

/** The last form number given per site and site-local year (one row each, incremented in the entry's transaction). */
export interface LedgerCountersTable {
  site_id: string;
  year: number;
  last: number;
}
