/**
 * Another desk in another tab, for the desk storage tests: a module worker has its own IndexedDB connection,
 * so a race between it and the page is a real race between two connections (as in second-tab.worker.ts).
 * It answers `{ op, dbName, ... }` with `{ ok, value }` or `{ ok: false, code, name }`.
 */
import { signIn } from '../../../desk/auth.js';
import type { KioskError } from '../../../src/domain/errors.js';
import { DeskStore, closeKioskDb } from '../../../src/storage/index.js';

export type DeskTabRequest =
  | { op: 'get-alert'; dbName: string; alertId: string }
  | { op: 'acknowledge'; dbName: string; alertId: string; staffId: string; at: string }
  | { op: 'escalate'; dbName: string; alertId: string; at: string; next: string }
  | { op: 'sign-in'; dbName: string; pin: string; at: string; siteId: string }
  | { op: 'close'; dbName: string };

export type DeskTabReply = { ok: true; value: unknown } | { ok: false; code?: string; name: string };

async function run(request: DeskTabRequest): Promise<unknown> {
  const store = new DeskStore(request.dbName);
  switch (request.op) {
    case 'get-alert':
      return (await store.getAlert(request.alertId)) ?? null;
    case 'acknowledge':
      return store.acknowledge(request.alertId, request.staffId, new Date(request.at));
    case 'escalate':
      return store.escalate(request.alertId, new Date(request.at), new Date(request.next));
    case 'sign-in': {
      const result = await signIn(store, undefined, request.pin, new Date(request.at), request.siteId);
      return result.ok ? { ok: true, staffId: result.staff.id } : result;
    }
    case 'close':
      await closeKioskDb(request.dbName);
      return null;
  }
}

self.addEventListener('message', (event: MessageEvent<DeskTabRequest>) => {
  run(event.data).then(
    (value) => self.postMessage({ ok: true, value } satisfies DeskTabReply),
    (error: unknown) => self.postMessage({ ok: false, code: (error as Partial<KioskError>).code, name: (error as Error).name } satisfies DeskTabReply),
  );
});
