/**
 * The desk's report requests (issue 8, hub/api/reports.ts): a period's report (JSON, checked with the wire
 * schema) and the files the hub makes — the report as CSV/XLSX and the exports of visits, incidents and the
 * ledger for a date range. The staff session token comes from the caller (desk/hub-link.ts keeps it in memory).
 */
import { reportReplySchema, type ExportFormat, type ExportKind, type ReportReply } from '../schemas/reports.js';
import { SyncError } from './errors.js';
import { apiUrl, hubRequest, type FetchLike } from './http.js';

/** A file the hub made: its bytes and the name it suggests. */
export interface HubFile {
  blob: Blob;
  fileName: string;
}

/** What the desk's report view needs from a hub (an interface, so a component test can stand in a hub). */
export interface ReportsApi {
  summary(period: string): Promise<ReportReply>;
  reportFile(period: string, format: ExportFormat): Promise<HubFile>;
  exportFile(what: ExportKind, format: ExportFormat, from: string, to: string): Promise<HubFile>;
}

/** How long a file download may take: a year of visits as XLSX is a few megabytes. */
const FILE_TIMEOUT_MS = 120_000;

export class ReportsClient implements ReportsApi {
  readonly #origin: string;
  readonly #token: () => string | undefined;
  readonly #fetch: FetchLike;

  constructor(origin: string, token: () => string | undefined, fetchImpl?: FetchLike) {
    this.#origin = origin;
    this.#token = token;
    this.#fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  }

  summary(period: string): Promise<ReportReply> {
    const token = this.#token();
    return hubRequest(this.#fetch, this.#origin, { method: 'GET', path: `/reports/summary?period=${encodeURIComponent(period)}`, reply: reportReplySchema, ...(token ? { token } : {}) });
  }

  reportFile(period: string, format: ExportFormat): Promise<HubFile> {
    return this.#file(`/reports/summary?period=${encodeURIComponent(period)}&format=${format}`);
  }

  exportFile(what: ExportKind, format: ExportFormat, from: string, to: string): Promise<HubFile> {
    const query = new URLSearchParams({ what, format, from, to });
    return this.#file(`/exports?${query.toString()}`);
  }

  async #file(path: string): Promise<HubFile> {
    const token = this.#token();
    let response: Response;
    let blob: Blob;
    try {
      response = await this.#fetch(apiUrl(this.#origin, path), {
        method: 'GET',
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(FILE_TIMEOUT_MS),
      });
      blob = await response.blob();
    } catch (error) {
      throw new SyncError('network', {}, { cause: error });
    }
    if (!response.ok) {
      const kind = response.status === 401 ? 'unauthorised' : response.status === 403 ? 'forbidden' : response.status === 404 ? 'not-found' : response.status >= 500 ? 'server' : 'bad-request';
      throw new SyncError(kind, { status: response.status });
    }
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { blob, fileName };
  }
}
