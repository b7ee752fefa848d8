/**
 * The desk's signed-in panels, as ONE lazy chunk: `<visitor-desk>` imports this module with dynamic `import()`
 * once someone starts signing in (desk/visitor-desk.ts `loadSignedInPanels`), never before — none of it is
 * needed for the sign-in screen. A new panel: one `import './<panel>/define.js';` line here (never a static
 * import in visitor-desk.ts, which would put it back on the sign-in screen's download).
 *
 * One chunk rather than one per panel (measured on the package build, 5 fresh pages each, focus on the PIN field
 * → every panel defined): 2 scripts and 70 KB gzip instead of 13 scripts and 79 KB (one file compresses
 * better), 44 ms instead of 148 ms on loopback, 339 ms instead of 378 ms at 100 ms RTT / 10 Mbit/s, 1.67 s
 * instead of 1.76 s at 300 ms RTT / 1.6 Mbit/s. Every panel is on screen at once after sign-in, so splitting
 * them buys nothing.
 */
import './hub-devices.js';
import './incidents/define.js';
import './planning/define.js';
import './invitations/define.js';
import './reports/define.js';
import './parcels/define.js';
import './ledger/define.js';
import './guard/define.js';
