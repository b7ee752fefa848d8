// Builders and helpers for the hub's node tests (test/node/hub-*.node-test.ts): real servers on ephemeral
// loopback ports, real databases, fetch — nothing mocked.
import { randomUUID } from 'node:crypto';
import { UUIDV7_RANDOM_BYTES, uuidv7 } from '../../../src/domain/uuid.js';
import type { Visit } from '../../../src/domain/visit.js';
import { generateSigningKey } from '../../../src/invite/index.js';
import { hubEventSchema, type HubEvent } from '../../../src/schemas/sync.js';

let clockMs = Date.parse('2026-11-23T02:00:00.000Z');
/** A UUIDv7 that sorts after the previous one. */
export const visitId = (): string => uuidv7((clockMs += 1), crypto.getRandomValues(new Uint8Array(UUIDV7_RANDOM_BYTES)));
export const deviceId = (): string => randomUUID();

/** A walk-in registration at the demo site, as a kiosk stores it; `overrides` replace fields. */
export function makeVisit(device: string, seq: number, overrides: Partial<Visit> = {}): Visit {
  const at = new Date().toISOString();
  return {
    id: visitId(),
    siteId: 'demo',
    deviceId: device,
    seq,
    dayKey: at.slice(0, 10),
    createdAt: at,
    updatedAt: at,
    status: 'registered',
    history: [{ status: 'registered', at }],
    source: 'kiosk-walk-in',
    lang: 'en',
    visitor: { fullName: 'Chan Tai Man', phone: '+85291234567', organisation: '', partySize: 1 },
    visitorType: 'visiting-resident',
    purpose: 'meeting',
    host: { kind: 'free-text', label: '12B' },
    hasAppointment: false,
    identity: { method: 'sighted' },
    consent: { noticeVersion: '2026-11-01', kind: 'read', at },
    ...overrides,
  };
}

/** The visit moved on to `status` at `at` (history appended), as the life-cycle does. */
export function advance(visit: Visit, status: Visit['status'], at = new Date(Date.parse(visit.updatedAt) + 1000).toISOString()): Visit {
  return { ...visit, status, updatedAt: at, history: [...visit.history, { status, at }] };
}

export async function badgeKey(): Promise<{ kid: string; publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string } }> {
  const key = await generateSigningKey();
  return { kid: key.kid, publicJwk: key.publicJwk };
}

export interface Reply {
  status: number;
  body: unknown;
  text: string;
}

/** A JSON request to the hub; `raw` sends the body as given (malformed JSON tests). */
export async function api(base: string, method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw !== undefined || options.body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = options.raw ?? JSON.stringify(options.body);
  }
  const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

/** Reads a desk's event stream with fetch (as the desk does: a header, never a token in the URL). */
export class SseReader {
  readonly events: { id: number; event: HubEvent }[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];
  readonly opened: Promise<void>;

  constructor(base: string, token: string, lastEventId?: string) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    this.opened = (async () => {
      const response = await fetch(`${base}/api/v1/events`, { headers, signal: this.controller.signal });
      if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`events: ${response.status}`);
      void this.read(response.body!.getReader());
    })();
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) {
            this.events.push({ id: Number(id), event: hubEventSchema.parse(JSON.parse(data)) });
            for (const w of this.waiters.splice(0)) w();
          }
        }
      }
    } catch {
      // aborted
    }
  }

  /** Resolves with the first event (already received or to come) that `match` accepts, or rejects after `ms`. */
  async waitFor(match: (e: HubEvent) => boolean, ms = 5000): Promise<HubEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.find((e) => match(e.event));
      if (found) return found.event;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no matching event in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }
}
