/**
 * A second IndexedDB connection for the storage tests: a module worker has a database connection of its
 * own, exactly as another tab would, so races between it and the page are real races between connections.
 * It answers `{ op, dbName, ... }` messages with `{ ok, value }` or `{ ok: false, code, name }`.
 */
import type { KioskError } from '../../../src/domain/errors.js';
import type { VisitDraft } from '../../../src/domain/visit.js';
import { closeKioskDb, deviceBadgeKey, VisitStore, type AdmitToken } from '../../../src/storage/index.js';

export type SecondTabRequest =
  | { op: 'admit'; dbName: string; draft: VisitDraft; siteId: string; timeZone: string; now: string; token: AdmitToken }
  | { op: 'badge-key'; dbName: string }
  | { op: 'close'; dbName: string };

export type SecondTabReply = { ok: true; value: unknown } | { ok: false; code?: string; name: string };

async function run(request: SecondTabRequest): Promise<unknown> {
  switch (request.op) {
    case 'admit': {
      const visit = await new VisitStore(request.dbName).admitWithToken(request.draft, { siteId: request.siteId, timeZone: request.timeZone, now: new Date(request.now), token: request.token });
      return visit.id;
    }
    case 'badge-key': {
      const key = await deviceBadgeKey(request.dbName);
      return { kid: key.kid, publicJwk: key.publicJwk };
    }
    case 'close':
      await closeKioskDb(request.dbName);
      return null;
  }
}

self.addEventListener('message', (event: MessageEvent<SecondTabRequest>) => {
  run(event.data).then(
    (value) => self.postMessage({ ok: true, value } satisfies SecondTabReply),
    (error: unknown) => self.postMessage({ ok: false, code: (error as Partial<KioskError>).code, name: (error as Error).name } satisfies SecondTabReply),
  );
});
