/**
 * Which visits already had a host-message task that is now done. `DeskStore` lists open tasks only, and the
 * `tasks` store has no index by visit; without this, a message whose task was marked **Done** would come
 * back as a new task on the next refresh (the visit stays `host-absent`). A read-only stopgap until the
 * store offers `tasksForVisit` (or a check-and-add `ensureTask`): rows are parsed with the store's own schema
 * and bad ones skipped, exactly as `DeskStore` lists do.
 */
import { deskTaskSchema } from '../../src/schemas/desk.js';
import { openKioskDb } from '../../src/storage/index.js';

/** Visit ids with a `host-message` task in status `done`. */
export async function doneHostMessageVisits(dbName: string): Promise<Set<string>> {
  const db = await openKioskDb(dbName);
  const rows: unknown[] = await db.getAllFromIndex('tasks', 'by-status', 'done');
  const ids = new Set<string>();
  for (const raw of rows) {
    const parsed = deskTaskSchema.safeParse(raw);
    if (parsed.success && parsed.data.kind === 'host-message' && parsed.data.visitId !== undefined) ids.add(parsed.data.visitId);
  }
  return ids;
}
