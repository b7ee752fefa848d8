/**
 * Reading a request body at the trust boundary: JSON only (415 otherwise — which also means a cross-site
 * form cannot post here without a CORS preflight), at most MAX_BODY_BYTES (413, counted while reading, so a
 * lying or absent Content-Length changes nothing), parsed (400 `bad-json`) and validated by the protocol's
 * schema (400 `bad-request` with the path of the first problem; for an unknown field, the field itself).
 */
import type { z } from 'zod/mini';
import { MAX_BODY_BYTES } from '../../src/schemas/sync.js';
import { HubError } from '../errors.js';

/** The dotted path of a zod issue, with an unknown key named (so `changes.0.visit.colour`, not `changes.0.visit`). */
export function issuePath(issue: { code: string; path: readonly PropertyKey[]; keys?: readonly string[] }): string {
  const path = issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  return path.map(String).join('.');
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new HubError(413, 'payload-too-large', `a request body is at most ${limit} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HubError(413, 'payload-too-large', `a request body is at most ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function readJson<T>(request: Request, schema: z.ZodMiniType<T>): Promise<T> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HubError(415, 'unsupported-media-type', 'send JSON with Content-Type: application/json');
  const bytes = await readLimited(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HubError(400, 'bad-json', 'the body is not valid JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new HubError(400, 'bad-request', issue?.message ?? 'invalid body', issue ? issuePath(issue as Parameters<typeof issuePath>[0]) : '');
  }
  return result.data;
}
