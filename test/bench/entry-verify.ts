/**
 * Bench-only page entry (built by verify.mjs with Vite's JS API, never shipped): times the app's own
 * `verifyToken` (src/invite) against the floor WebCrypto gives — one raw `crypto.subtle.verify` of the same
 * signature over the same bytes with a key imported once — in the browser the kiosk runs in.
 */
import { MemoryUseRecorder, verifyToken, type KeySet, type TokenKind, type VerifyOptions } from '../../src/invite/index.js';
import { IdbUseRecorder } from '../../src/storage/index.js';

/** The kinds the kiosk's Scan invitation screen accepts (kiosk/token-bridge.ts `verifyArrival`). */
const ARRIVAL_KINDS: readonly TokenKind[] = ['invitation', 'pass'];
/** The database the IndexedDB-backed use record lives in: the app's schema under a name of the bench's own. */
const BENCH_DB = 'vk-bench-verify';

export interface VerifyBenchInput {
  token: string;
  keySet: KeySet;
  siteId: string;
  timeZone: string;
  /** ISO time to verify at: inside the pass's days and hours, so every call takes the accepting path. */
  at: string;
  /** Measured calls per variant. */
  calls: number;
  /** Unmeasured calls per variant first (JIT, key import, the database's first open). */
  warmUp: number;
}

/** Per-call milliseconds of each variant, and each variant's whole loop (finer than one call's timer tick). */
export interface VerifyBenchResult {
  memory: number[];
  idb: number[];
  raw: number[];
  loops: { memory: number; idb: number; raw: number };
}

/** base64url → bytes with the platform's decoder, so the floor borrows nothing from the code it is compared with. */
function bytesOf(segment: string): Uint8Array<ArrayBuffer> {
  const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const bench = {
  async run(input: VerifyBenchInput): Promise<VerifyBenchResult> {
    const at = new Date(input.at);
    // The same raw key set object on every call, as the kiosk passes its site's: imported once, then cached.
    const options = { keySet: input.keySet, siteId: input.siteId, timeZone: input.timeZone, now: at, kinds: ARRIVAL_KINDS };
    const memory: VerifyOptions = { ...options, uses: new MemoryUseRecorder() };
    const idb: VerifyOptions = { ...options, uses: new IdbUseRecorder(BENCH_DB) };

    const [h = '', p = '', s = ''] = input.token.split('.');
    const jwk = input.keySet.keys[0]?.jwk;
    if (!jwk) throw new Error('the key set has no key');
    const key = await crypto.subtle.importKey('jwk', { ...jwk, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const data = new TextEncoder().encode(`${h}.${p}`);
    const signature = bytesOf(s);
    const algorithm = { name: 'ECDSA', hash: 'SHA-256' };

    const ours = async (o: VerifyOptions): Promise<void> => {
      const r = await verifyToken(input.token, o);
      if (!r.ok) throw new Error(`verifyToken refused the token: ${r.code}`);
    };
    const raw = async (): Promise<void> => {
      if (!(await crypto.subtle.verify(algorithm, key, signature, data))) throw new Error('raw verify failed');
    };

    for (let i = 0; i < input.warmUp; i++) {
      await ours(memory);
      await ours(idb);
      await raw();
    }
    const out: VerifyBenchResult = { memory: [], idb: [], raw: [], loops: { memory: 0, idb: 0, raw: 0 } };
    const time = async (fn: () => Promise<void>, into: number[]): Promise<number> => {
      const t0 = performance.now();
      await fn();
      const t = performance.now() - t0;
      into.push(t);
      return t;
    };
    // Interleaved, one of each per round, so a slow moment of the shared machine hits all three alike.
    for (let i = 0; i < input.calls; i++) {
      out.loops.memory += await time(() => ours(memory), out.memory);
      out.loops.raw += await time(raw, out.raw);
      out.loops.idb += await time(() => ours(idb), out.idb);
    }
    return out;
  },
};

declare global {
  interface Window {
    vkVerifyBench: typeof bench;
  }
}

window.vkVerifyBench = bench;
