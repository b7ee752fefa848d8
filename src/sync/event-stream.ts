/**
 * Server-sent events read with `fetch` and a ReadableStream: `EventSource` cannot send an `Authorization`
 * header, and a token in the URL would end up in logs. The parser follows the HTML standard's event-stream
 * rules (fields `event`, `data`, `id`, `retry`; comments; CR, LF or CRLF line ends; a blank line dispatches);
 * the client reconnects with `Last-Event-ID` and backoff, so a desk that loses the hub for a while gets every
 * event it missed when the hub still has them (or starts over from the state when it does not).
 */
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { SyncError, kindOfStatus } from './errors.js';
import { apiUrl, type FetchLike } from './http.js';

/** One dispatched event. */
export interface StreamEvent {
  /** `event:` (default `message`). */
  type: string;
  data: string;
  /** The last `id:` seen so far (the standard's "last event ID"), '' when none. */
  id: string;
}

/**
 * An incremental event-stream parser: feed it decoded text as it arrives, get back the events completed by
 * it. Keeps the unfinished line and event between calls.
 */
export class EventStreamParser {
  #buffer = '';
  #type = '';
  #data: string[] = [];
  #lastId = '';
  #afterCr = false;
  /** The reconnection time the server asked for with `retry:`, if any. */
  retryMs: number | undefined;

  /** The last event id seen (to send as `Last-Event-ID` when reconnecting). */
  get lastEventId(): string {
    return this.#lastId;
  }

  /** Sets the last event id (the state a desk starts from, before any event). */
  set lastEventId(id: string) {
    this.#lastId = id;
  }

  push(chunk: string): StreamEvent[] {
    // A CR that ended the previous chunk was taken as a line end; an LF right after it is its other half.
    if (this.#afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.#afterCr = false;
    this.#buffer += chunk;
    const events: StreamEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      if (!match) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      if (match[0] === '\r' && this.#buffer === '') this.#afterCr = true;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    return events;
  }

  #line(line: string): StreamEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) {
        this.#type = '';
        return undefined;
      }
      const event = { type: this.#type || 'message', data: this.#data.join('\n'), id: this.#lastId };
      this.#type = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) return undefined; // a comment: the hub's `: ping` heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
    }
    return undefined;
  }
}

/**
 * How long the stream may stay silent before it is taken for dead and reopened: the hub sends `: ping`
 * every 15 s, so two missed pings and some slack. A desk must not sit on a half-open connection (a sleeping
 * laptop, a NAT that forgot it) believing no alert came.
 */
export const STREAM_SILENCE_MS = 45_000;

export interface EventStreamOptions {
  origin: string;
  /** Path below /api/v1, e.g. `/events`. */
  path: string;
  token: () => string | undefined;
  /** The id to resume after (`Last-Event-ID` on the first request). */
  lastEventId?: string;
  fetch?: FetchLike;
  backoff?: BackoffOptions;
  silenceMs?: number;
  onEvent: (event: StreamEvent) => void | Promise<void>;
  /** The stream is open (after each successful (re)connection). */
  onOpen?: () => void;
  /** The stream broke; it reconnects in `retryInMs` (not called for `unauthorised`, which stops it). */
  onError?: (error: SyncError, retryInMs: number) => void;
  /** 401: the session ended; the stream stops. */
  onUnauthorised?: () => void;
}

/** A reconnecting SSE client over fetch. */
export class EventStreamClient {
  readonly #o: EventStreamOptions;
  /** A fresh parser per connection: half an event from a broken stream must not join the next one. */
  #parser = new EventStreamParser();
  /** The id of the last event HANDLED (not merely received): a reconnection resumes after it. */
  #resumeId: string;
  #controller: AbortController | undefined;
  #running = false;
  #attempt = 0;
  #wakeUp: (() => void) | undefined;
  #loop: Promise<void> | undefined;

  constructor(options: EventStreamOptions) {
    this.#o = options;
    this.#resumeId = options.lastEventId ?? '';
  }

  /** The id of the last event handled. */
  get lastEventId(): string {
    return this.#resumeId;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#controller?.abort();
    this.#wakeUp?.();
    await this.#loop;
  }

  /** Reconnects at once if the stream is waiting to (the network came back). */
  wake(): void {
    this.#wakeUp?.();
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        await this.#once();
        // The hub closed the stream cleanly (a restart, a deploy): reconnect soon, not at once.
        this.#attempt = 1;
        throw new SyncError('network', { hubCode: 'stream-ended' });
      } catch (error) {
        if (!this.#running) return;
        const failure = error instanceof SyncError ? error : new SyncError('network', {}, { cause: error });
        if (failure.kind === 'unauthorised') {
          this.#running = false;
          this.#o.onUnauthorised?.();
          return;
        }
        this.#attempt++;
        const wait = Math.max(this.#parser.retryMs ?? 0, backoffDelay(this.#attempt, this.#o.backoff));
        this.#o.onError?.(failure, wait);
        await this.#sleep(wait);
      }
    }
  }

  async #once(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    const retryMs = this.#parser.retryMs;
    this.#parser = new EventStreamParser();
    this.#parser.lastEventId = this.#resumeId;
    if (retryMs !== undefined) this.#parser.retryMs = retryMs;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    const token = this.#o.token();
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (this.#resumeId) headers['Last-Event-ID'] = this.#resumeId;
    const fetchImpl = this.#o.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    let silence: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), this.#o.silenceMs ?? STREAM_SILENCE_MS);
    };
    try {
      arm();
      let response: Response;
      try {
        response = await fetchImpl(apiUrl(this.#o.origin, this.#o.path), { method: 'GET', headers, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal: controller.signal });
      } catch (error) {
        throw new SyncError('network', {}, { cause: error });
      }
      if (!response.ok) throw new SyncError(kindOfStatus(response.status), { status: response.status });
      if (!response.body || !(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) throw new SyncError('server', { status: response.status, hubCode: 'not-an-event-stream' });
      this.#attempt = 0;
      this.#o.onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          let chunk: ReadableStreamReadResult<string>;
          try {
            chunk = await reader.read();
          } catch (error) {
            throw new SyncError('network', {}, { cause: error });
          }
          if (chunk.done) return;
          arm();
          // In order, one at a time: an alert's acknowledgement must not be stored before the alert.
          for (const event of this.#parser.push(chunk.value)) {
            await this.#o.onEvent(event);
            this.#resumeId = event.id;
          }
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
    } finally {
      clearTimeout(silence);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wakeUp = done;
    });
  }
}
