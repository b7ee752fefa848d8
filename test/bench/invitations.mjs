// Tokens for the issue 3 figures, made the way a person makes them: `scripts/invite.ts` (`npm run invite`)
// run through tsx with a temporary DATA_DIR, so it makes a fresh development key there, signs with it and
// prints `token:`, `qr-version:` and `keyset:` lines. The kiosk is then served the site configuration
// `npm start` serves — the demo site (printed by demo-site.ts) plus that key set — so it trusts the tokens.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import QRCode from 'qrcode';
import { freshProfile, removeDir } from './lib.mjs';

const run = promisify(execFile);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The typical invitation and pass of the benchmark (the pass: a helper's, six days a week, with a permit). */
export const INVITATION_ARGS = ['--host', '12B'];
export const PASS_ARGS = ['--host', '12B', '--pass', '--weekdays', '1,2,3,4,5,6', '--between', '08:00-18:00', '--uses', '60', '--permit', 'WP-2026-0114'];

/** Runs a TypeScript file of the project through tsx; resolves with its stdout. */
async function tsx(args, env) {
  const { stdout } = await run('npx', ['--no-install', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 20 });
  return stdout;
}

/** The value of the `name: …` line of invite.ts's output. */
function line(stdout, name) {
  const found = stdout.split('\n').find((l) => l.startsWith(`${name}: `));
  if (found === undefined) throw new Error(`invite.ts printed no "${name}:" line`);
  return found.slice(name.length + 2).trim();
}

/** One `npm run invite` in `dataDir`: the token, its QR version at level M and the key set. */
async function invite(args, dataDir, out) {
  const stdout = await tsx(['scripts/invite.ts', ...args, '--out', join(dataDir, out)], { DATA_DIR: dataDir });
  return { token: line(stdout, 'token'), qrVersion: Number(line(stdout, 'qr-version')), keySet: JSON.parse(line(stdout, 'keyset')) };
}

/**
 * Signs the typical invitation and pass with a fresh development key, and builds the site configuration
 * that trusts it. The key's directory is removed before this returns: nothing else needs it.
 * @returns {Promise<{ invitation: { token: string, qrVersion: number }, pass: { token: string, qrVersion: number }, site: any, siteJson: string }>}
 */
export async function mintTokens() {
  const dataDir = await freshProfile('invite-data');
  try {
    // The first run makes the key; the others reuse it, so they may run side by side.
    const invitation = await invite(INVITATION_ARGS, dataDir, 'invite.png');
    const [pass, demo] = await Promise.all([invite(PASS_ARGS, dataDir, 'pass.png'), tsx(['test/bench/demo-site.ts'], {})]);
    if (JSON.stringify(pass.keySet) !== JSON.stringify(invitation.keySet)) throw new Error('invite.ts signed the pass with another key');
    const site = { ...JSON.parse(demo), keySet: invitation.keySet };
    return {
      invitation: { token: invitation.token, qrVersion: invitation.qrVersion },
      pass: { token: pass.token, qrVersion: pass.qrVersion },
      site,
      siteJson: JSON.stringify(site),
    };
  } finally {
    await removeDir(dataDir);
  }
}

/** QR version at error-correction level M of `text`, as invite.ts computes it (`qrcode`'s own choice). */
export const qrVersionOf = (text) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version;

/**
 * The QR version of a token next to its floor: the same token's 64-byte signature alone (86 base64url
 * characters), which every ES256 code carries whatever its claims.
 */
export function qrFigures(token, version) {
  const signature = token.split('.')[2] ?? '';
  return { version, chars: token.length, floor: qrVersionOf(signature), floorChars: signature.length };
}
