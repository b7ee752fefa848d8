/**
 * Prints the demo site (src/domain/demo-site.ts) as JSON on stdout, for the benchmarks: they are plain Node
 * ESM and cannot import TypeScript, but they serve the kiosk the same `/site.json` `npm start` does
 * (the demo site plus the development key set). Run with `npx tsx test/bench/demo-site.ts`.
 */
import { DEMO_SITE } from '../../src/domain/demo-site.js';

process.stdout.write(`${JSON.stringify(DEMO_SITE)}\n`);
