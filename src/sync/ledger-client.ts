/**
 * The desk's ledger requests (issue 8, hub/api/ledger.ts): open an entry, list the ledger, act on an entry.
 * The staff session token comes from the caller (desk/hub-link.ts keeps it in memory). A 409 `ledger-conflict`
 * rejects like any refusal (`SyncError` with `hubCode`), and the desk then reloads the entry as it is now.
 */
import type { LedgerAction, NewEntryInput } from '../domain/ledger/index.js';
import { ledgerListReplySchema, ledgerRecordSchema, type LedgerListReply, type LedgerRecord } from '../schemas/ledger.js';
import { hubRequest, type FetchLike } from './http.js';

/** What the desk's ledger panel needs from a hub (an interface, so a test can stand in an in-memory ledger). */
export interface LedgerApi {
  /** GET /ledger?active=1 (and the last month): the worklist, with the hub's `now`. */
  list(): Promise<LedgerListReply>;
  get(id: string): Promise<LedgerRecord>;
  create(input: NewEntryInput): Promise<LedgerRecord>;
  /** Acts on the version the desk last read; rejects with `hubCode: 'ledger-conflict'` when another desk was first. */
  act(id: string, version: number, action: LedgerAction): Promise<LedgerRecord>;
  /** Calls `listener` with the entry's id and new version when the hub announces a change (the desk's event stream); returns the unsubscribe. */
  onChange?(listener: (id: string, version: number) => void): () => void;
}

export class LedgerClient implements LedgerApi {
  readonly #origin: string;
  readonly #token: () => string | undefined;
  readonly #fetch: FetchLike;

  constructor(origin: string, token: () => string | undefined, fetchImpl?: FetchLike) {
    this.#origin = origin;
    this.#token = token;
    this.#fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  list(): Promise<LedgerListReply> {
    return hubRequest(this.#fetch, this.#origin, { method: 'GET', path: '/ledger?active=1', reply: ledgerListReplySchema, ...this.#auth() });
  }

  get(id: string): Promise<LedgerRecord> {
    return hubRequest(this.#fetch, this.#origin, { method: 'GET', path: `/ledger/${encodeURIComponent(id)}`, reply: ledgerRecordSchema, ...this.#auth() });
  }

  create(input: NewEntryInput): Promise<LedgerRecord> {
    return hubRequest(this.#fetch, this.#origin, { method: 'POST', path: '/ledger', body: input, reply: ledgerRecordSchema, ...this.#auth() });
  }

  act(id: string, version: number, action: LedgerAction): Promise<LedgerRecord> {
    return hubRequest(this.#fetch, this.#origin, { method: 'POST', path: `/ledger/${encodeURIComponent(id)}/actions`, body: { version, action }, reply: ledgerRecordSchema, ...this.#auth() });
  }

  readonly #listeners = new Set<(id: string, version: number) => void>();

  onChange(listener: (id: string, version: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The hub announced a ledger change (desk/hub-link.ts calls this for a `ledger` event). */
  changed(id: string, version: number): void {
    for (const listener of this.#listeners) listener(id, version);
  }

  #auth(): { token?: string } {
    const token = this.#token();
    return token === undefined ? {} : { token };
  }
}
