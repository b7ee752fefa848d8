/**
 * The hub's typed errors: an HTTP status and a stable code (the body is `apiErrorSchema`). Browsers map the
 * code to a localised message; tests assert codes, never message text. Messages are English, for people
 * reading logs and curl output, and never hold personal data.
 */
import type { HubErrorCode } from '../src/schemas/sync.js';

export class HubError extends Error {
  override readonly name = 'HubError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 503,
    readonly code: HubErrorCode,
    message: string,
    readonly path?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
