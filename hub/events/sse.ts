/**
 * GET /api/v1/events as a server-sent event stream read with `fetch` (an `Authorization` header; never a
 * token in the URL, which is why desks cannot use `EventSource`). Each event: `id:` (the events table's id,
 * increasing), `event:` (its type), `data:` (hubEventSchema JSON). `Last-Event-ID` resumes after that id.
 * A `: ping` comment every 15 s keeps proxies from closing an idle stream and lets the hub notice a
 * signed-out session, whose stream it then ends.
 */
import type { DeliveredEvent, EventFanout } from './fanout.js';

/** Heartbeat interval: below the 30–60 s idle timeouts of common proxies and load balancers. */
export const PING_MS = 15_000;

const encoder = new TextEncoder();

export const formatEvent = ({ id, event }: DeliveredEvent): string => `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

export interface StreamOptions {
  fanout: EventFanout;
  siteId: string;
  lastEventId: number | undefined;
  /** Checked at every ping: false ends the stream (signed out, session expired). */
  stillAuthorised: () => Promise<boolean>;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  pingMs?: number;
}

export function eventStream(options: StreamOptions): Response {
  let unsubscribe: (() => void) | undefined;
  let ping: NodeJS.Timeout | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const finish = () => {
        if (closed) return;
        closed = true;
        if (ping) clearInterval(ping);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      options.signal.addEventListener('abort', finish, { once: true });
      // Tells the reader the stream is open (and, with `retry:`, how soon to reconnect) before any event.
      write('retry: 2000\n: connected\n\n');
      ping = setInterval(() => {
        void options.stillAuthorised().then(
          (ok) => (ok ? write(': ping\n\n') : finish()),
          () => write(': ping\n\n'),
        );
      }, options.pingMs ?? PING_MS);
      try {
        unsubscribe = await options.fanout.subscribe(options.siteId, options.lastEventId, (e) => write(formatEvent(e)), finish);
        if (closed) unsubscribe();
      } catch {
        finish();
      }
    },
    cancel: () => {
      closed = true;
      if (ping) clearInterval(ping);
      unsubscribe?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Tells nginx-style proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    },
  });
}
