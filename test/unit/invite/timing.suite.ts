import { expect } from '@open-wc/testing';
import { MemoryUseRecorder, signPass, verifyToken } from '../../../src/invite/index.js';
import { contractorPassInput, getKeys, options } from './fixtures.js';

/** Verifications timed; the median is reported (benchmark aim: ≤ 2 ms). */
const SAMPLES = 1000;
/** Failure threshold: generous for a shared two-core box, far below anything a visitor would notice. */
const MEDIAN_LIMIT_MS = 10;

describe('invite: verification time', () => {
  it(`median of ${SAMPLES} verifications of a pass`, async function () {
    this.timeout(60_000);
    const { current } = await getKeys();
    const token = await signPass(contractorPassInput, current);
    const opts = await options({ uses: new MemoryUseRecorder() });
    for (let i = 0; i < 50; i += 1) await verifyToken(token, opts); // warm-up: JIT and key import
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const result = await verifyToken(token, opts);
      times.push(performance.now() - t0);
      if (!result.ok) throw new Error(result.code);
    }
    const mean = (performance.now() - started) / SAMPLES;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(SAMPLES / 2)]!;
    const p95 = times[Math.floor(SAMPLES * 0.95)]!;
    // performance.now() is coarsened to 0.1 ms on a page without cross-origin isolation: the mean of the
    // whole run is the finer figure.
    console.log(`invite verify: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, mean ${mean.toFixed(3)} ms over ${SAMPLES} (token ${token.length} characters)`);
    expect(median).to.be.below(MEDIAN_LIMIT_MS);
  });
});
