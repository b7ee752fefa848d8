import { expect } from '@open-wc/testing';
import { EventStreamClient, EventStreamParser, type StreamEvent } from '../../../src/sync/index.js';

describe('EventStreamParser', () => {
  it('parses events split anywhere, with CR, LF and CRLF line ends, comments, ids and multi-line data', () => {
    const text = ': ping\r\n\r\nid: 1\nevent: visit\ndata: {"a":1}\n\nid: 2\r\nevent: alert\r\ndata: line one\r\ndata:line two\r\n\r\n: ping\rid: 3\rdata: x\r\r';
    for (const size of [1, 2, 3, 7, text.length]) {
      const parser = new EventStreamParser();
      const events: StreamEvent[] = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events, `chunks of ${size}`).to.deep.equal([
        { type: 'visit', data: '{"a":1}', id: '1' },
        { type: 'alert', data: 'line one\nline two', id: '2' },
        { type: 'message', data: 'x', id: '3' },
      ]);
      expect(parser.lastEventId).to.equal('3');
    }
  });

  it('keeps an unfinished event until its blank line, and takes retry:', () => {
    const parser = new EventStreamParser();
    expect(parser.push('retry: 2500\nid: 9\ndata: half')).to.deep.equal([]);
    expect(parser.retryMs).to.equal(2500);
    expect(parser.push('\n\n')).to.deep.equal([{ type: 'message', data: 'half', id: '9' }]);
  });
});

/** A hub stand-in behind the client's `fetch` parameter: real Response objects with real streams. */
function streamingFetch(plan: ((headers: Record<string, string>) => Response)[]) {
  const seen: Record<string, string>[] = [];
  const fetchImpl = (_url: string, init: RequestInit): Promise<Response> => {
    const headers = init.headers as Record<string, string>;
    seen.push(headers);
    const next = plan.shift();
    if (!next) return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return Promise.resolve(next(headers));
  };
  return { fetchImpl, seen };
}

const sse = (body: string, close = true): Response => {
  const bytes = new TextEncoder().encode(body);
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes);
      } else if (close) controller.close();
      else controller.error(new TypeError('network error'));
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } });
};

describe('EventStreamClient', () => {
  it('sends the token in a header, resumes with Last-Event-ID after the last HANDLED event, and reconnects with backoff', async () => {
    const { fetchImpl, seen } = streamingFetch([
      () => sse('id: 5\nevent: visit\ndata: {}\n\nid: 6\nevent: alert\ndata: {}\n\nid: 7\ndata: half', false),
      () => new Response('busy', { status: 503 }),
      () => sse('id: 7\nevent: visit\ndata: {}\n\n'),
    ]);
    const got: string[] = [];
    const errors: string[] = [];
    const client = new EventStreamClient({
      origin: 'http://hub.test',
      path: '/events',
      token: () => 'vks_secret',
      lastEventId: '4',
      fetch: fetchImpl,
      backoff: { baseMs: 1, capMs: 5 },
      onEvent: (e) => {
        got.push(`${e.id}:${e.type}`);
      },
      onError: (e) => errors.push(e.kind),
    });
    client.start();
    const end = Date.now() + 3000;
    while (got.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    await client.stop();
    expect(got).to.deep.equal(['5:visit', '6:alert', '7:visit']);
    expect(seen[0]).to.deep.include({ Authorization: 'Bearer vks_secret', 'Last-Event-ID': '4', Accept: 'text/event-stream' });
    // Half an event (id 7 without its blank line) is not handled: the resumption asks after 6.
    expect(seen[1]?.['Last-Event-ID']).to.equal('6');
    expect(seen[2]?.['Last-Event-ID']).to.equal('6');
    expect(errors.slice(0, 2)).to.deep.equal(['network', 'server']);
  });

  it('stops on 401 and says so', async () => {
    const { fetchImpl } = streamingFetch([() => new Response('', { status: 401 })]);
    let ended = false;
    const client = new EventStreamClient({ origin: 'http://hub.test', path: '/events', token: () => 'vks_x', fetch: fetchImpl, onEvent: () => undefined, onUnauthorised: () => (ended = true) });
    client.start();
    const end = Date.now() + 2000;
    while (!ended && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    expect(ended).to.equal(true);
    await client.stop();
  });
});
