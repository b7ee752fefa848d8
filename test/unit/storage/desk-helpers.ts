/** Set-up for the desk storage tests: another tab with a DeskStore, and builders for desk records. */
import { hashPin } from '../../../desk/auth.js';
import type { StaffMember, StaffRole } from '../../../src/domain/desk.js';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import type { RaiseAlertInput } from '../../../src/storage/index.js';
import type { DeskTabReply, DeskTabRequest } from './desk-second-tab.worker.js';

/** 14:00 in Hong Kong on Monday 23 November 2026. */
export const T0 = new Date('2026-11-23T06:00:00Z');
/** `ms` milliseconds after `T0`. */
export const at = (ms: number): Date => new Date(T0.getTime() + ms);
export const MINUTE = 60_000;

/** A visit id as the kiosk makes them. */
export const visitId = (when: Date = T0): string => uuidv7(when.getTime(), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));

/** A class C alert for a visit, escalating after two minutes. */
export function classC(overrides: Partial<RaiseAlertInput> = {}): RaiseAlertInput {
  return { siteId: 'demo', kind: 'incident', incidentClass: 'C', visitId: visitId(), notify: ['pr', 'site-manager'], escalateAt: at(2 * MINUTE), ...overrides };
}

/** A staff member with a real PBKDF2 hash of `pin`. */
export async function makeStaff(id: string, pin: string, role: StaffRole = 'receptionist', siteId = 'demo'): Promise<StaffMember> {
  return { id, siteId, name: `Staff ${id}`, role, ...(await hashPin(pin)), failedAttempts: 0 };
}

/** Another desk in another tab: a module worker with its own connection (see `desk-second-tab.worker.ts`). */
export class DeskTab {
  readonly #worker = new Worker(new URL('./desk-second-tab.worker.ts', import.meta.url), { type: 'module' });
  #queue: Promise<unknown> = Promise.resolve();

  /** Sends one request; requests are answered one at a time, in order. */
  ask(request: DeskTabRequest): Promise<DeskTabReply> {
    const reply = this.#queue.then(
      () =>
        new Promise<DeskTabReply>((resolve, reject) => {
          const onMessage = (event: MessageEvent<DeskTabReply>): void => {
            this.#worker.removeEventListener('message', onMessage);
            resolve(event.data);
          };
          this.#worker.addEventListener('message', onMessage);
          this.#worker.addEventListener('error', (event) => reject(new Error(`desk tab failed: ${event.message}`)), { once: true });
          this.#worker.postMessage(request);
        }),
    );
    this.#queue = reply.catch(() => undefined);
    return reply;
  }

  /** The reply's value; throws if the worker reported a failure. */
  async value(request: DeskTabRequest): Promise<unknown> {
    const reply = await this.ask(request);
    if (!reply.ok) throw new Error(`desk tab: ${reply.name} ${reply.code ?? ''}`);
    return reply.value;
  }

  /** Closes the worker's connection to `dbName` and ends the worker. */
  async close(dbName: string): Promise<void> {
    await this.ask({ op: 'close', dbName });
    this.#worker.terminate();
  }
}
