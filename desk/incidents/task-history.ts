/**
 * Which visits already had a host-message task that is now done. `DeskStore.openTasks` lists open tasks
 * only; without this, a message whose task was marked **Done** would come back as a new task on the next
 * refresh (the visit stays `host-absent`). One read for all the candidates (`DeskStore.tasksForVisits`).
 */
import type { DeskStore } from '../../src/storage/desk.js';

/** Of `visitIds`, those with a `host-message` task in status `done`. */
export async function doneHostMessageVisits(desk: DeskStore, visitIds: Iterable<string>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const task of (await desk.tasksForVisits(visitIds)).rows) {
    if (task.kind === 'host-message' && task.status === 'done' && task.visitId !== undefined) ids.add(task.visitId);
  }
  return ids;
}
