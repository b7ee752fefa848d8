/**
 * `tsx scripts/invite.ts --host TEXT [options]`: signs an invitation or a standing pass with the LOCAL DEVELOPMENT
 * KEY and writes its QR code, without a database. `npm run invite` is now the hub's `invite` command
 * (hub/cli/main.ts), which signs with the site's key from the hub's database and records the token so the hub
 * can count its uses and revoke it; the demo site's key IS the development key, so both are trusted. The key lives in
 * `${DATA_DIR:-./data}/dev-keys.json` (git-ignored), made on first use; the public key set is printed so a
 * kiosk's configuration can carry it. Never use the development key on a real site.
 *
 *   --host TEXT            a directory id or unit label (never a resident's name)       (required)
 *   --visitor-type TYPE    a visitor type code (default visiting-resident; domestic-helper with --pass)
 *   --from ISO             valid from (default now)
 *   --hours N              hours of validity (default 24; 720 with --pass)
 *   --site ID              site id (default the demo site)
 *   --party N              party size (invitations)
 *   --pass                 a standing pass instead of a single-use invitation, with:
 *     --weekdays 1,2,3,4,5   allowed weekdays, 0 = Sunday … 6 = Saturday
 *     --between 08:00-18:00  allowed hours in the site's local time
 *     --uses N               uses per device (default unlimited within the window)
 *     --permit REF           work permit reference
 *   --out FILE.png|FILE.svg  where to write the QR (default ${DATA_DIR:-./data}/invite.png or pass.png)
 *
 * Prints, each on a line of its own: `token: …`, `kind: …`, `qr-version: …`, `keyset: {…}`, `qr: FILE`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { VISITOR_TYPES, type VisitorType } from '../src/domain/codes.js';
import { DEMO_SITE } from '../src/domain/demo-site.js';
import { KioskError } from '../src/domain/errors.js';
import { DEV_KEYS_FILE, DevKeyError, loadDevKey as loadHubDevKey } from '../hub/dev-key.js';
import { publicKeySet, signInvitation, signPass, type GeneratedKey, type KeySet } from '../src/invite/index.js';
import { qrVersion } from '../src/invite/qr.js';

/** Issuer id of tokens signed with the development key, so a hub can tell them apart later. */
const DEV_ISSUER = 'dev';
export { DEV_KEYS_FILE };
/** Default validity of an invitation: the rest of today and tomorrow morning, whenever it is made. */
const DEFAULT_INVITATION_HOURS = 24;
/** Default validity of a pass: a month, the usual renewal of a helper's or a renovation crew's pass. */
const DEFAULT_PASS_HOURS = 30 * 24;
/** Pixels per QR module in the PNG: large enough to scan from a phone screen held to a tablet's camera. */
const PNG_SCALE = 8;

/** A mistake in the command line: printed with the usage line, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface InviteOptions {
  /** Data directory (default `$DATA_DIR` or `./data`), where the development key is kept. */
  dataDir?: string;
  /** The time taken as "now" when `--from` is absent. */
  now?: Date;
}

export interface InviteOutput {
  kind: 'invitation' | 'pass';
  token: string;
  qrVersion: number;
  keySet: KeySet;
  /** Absolute path of the QR image written. */
  qrFile: string;
  /** The lines printed by the command. */
  lines: string[];
}

/** Reads the development key, or makes and saves one (hub/dev-key.ts; the hub's demo site signs with it too). */
export async function loadDevKey(dataDir: string): Promise<GeneratedKey> {
  try {
    return await loadHubDevKey(dataDir);
  } catch (error) {
    if (error instanceof DevKeyError) throw new UsageError(error.message);
    throw error;
  }
}

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`--${flag} must be a positive ${integer ? 'whole ' : ''}number`);
  return n;
}

function weekdaysOf(value: string): number[] {
  const days = value.split(',').map((d) => d.trim());
  if (!days.every((d) => /^[0-6]$/.test(d))) throw new UsageError('--weekdays takes digits 0 (Sunday) to 6 (Saturday), e.g. 1,2,3,4,5');
  return days.map(Number);
}

function hoursOf(value: string): [string, string] {
  const match = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(value);
  if (!match?.[1] || !match[2]) throw new UsageError('--between takes local hours HH:MM-HH:MM, e.g. 08:00-18:00');
  return [match[1], match[2]];
}

/** Runs the command with `argv` (the arguments after `--`) and returns what it printed and wrote. */
export async function runInvite(argv: readonly string[], options: InviteOptions = {}): Promise<InviteOutput> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        'visitor-type': { type: 'string' },
        from: { type: 'string' },
        hours: { type: 'string' },
        site: { type: 'string' },
        party: { type: 'string' },
        pass: { type: 'boolean' },
        weekdays: { type: 'string' },
        between: { type: 'string' },
        uses: { type: 'string' },
        permit: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const isPass = values.pass === true;
  if (!values.host) throw new UsageError('--host is required (a directory id or unit label, e.g. 12B)');
  if (!isPass) {
    for (const flag of ['weekdays', 'between', 'uses', 'permit'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to a pass: add --pass`);
    }
  }
  const visitorType = values['visitor-type'] ?? (isPass ? 'domestic-helper' : 'visiting-resident');
  if (!(VISITOR_TYPES as readonly string[]).includes(visitorType)) throw new UsageError(`--visitor-type must be one of: ${VISITOR_TYPES.join(', ')}`);
  const from = values.from !== undefined ? new Date(values.from) : (options.now ?? new Date());
  if (Number.isNaN(from.getTime())) throw new UsageError('--from must be an ISO 8601 date-time, e.g. 2026-11-23T09:00+08:00');
  const hours = positiveNumber('hours', values.hours, false) ?? (isPass ? DEFAULT_PASS_HOURS : DEFAULT_INVITATION_HOURS);
  const partySize = positiveNumber('party', values.party, true);
  const uses = positiveNumber('uses', values.uses, true);

  const dataDir = resolve(options.dataDir ?? process.env['DATA_DIR'] ?? 'data');
  const key = await loadDevKey(dataDir);
  const common = {
    issuer: DEV_ISSUER,
    site: values.site ?? DEMO_SITE.id,
    host: values.host,
    visitorType: visitorType as VisitorType,
    from,
    until: new Date(from.getTime() + hours * 3_600_000),
    ...(partySize !== undefined ? { partySize } : {}),
  };
  let token: string;
  try {
    token = isPass
      ? await signPass(
          {
            ...common,
            ...(values.weekdays !== undefined ? { weekdays: weekdaysOf(values.weekdays) } : {}),
            ...(values.between !== undefined ? { hours: hoursOf(values.between) } : {}),
            ...(uses !== undefined ? { uses } : {}),
            ...(values.permit !== undefined ? { permit: values.permit } : {}),
          },
          key,
        )
      : await signInvitation(common, key);
  } catch (error) {
    if (error instanceof KioskError) throw new UsageError(`cannot sign: ${error.code} ${JSON.stringify(error.details)}`);
    throw error;
  }

  const qrFile = resolve(values.out ?? join(dataDir, isPass ? 'pass.png' : 'invite.png'));
  await mkdir(dirname(qrFile), { recursive: true });
  if (qrFile.toLowerCase().endsWith('.svg')) {
    await writeFile(qrFile, await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
  } else if (qrFile.toLowerCase().endsWith('.png')) {
    await QRCode.toFile(qrFile, token, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: PNG_SCALE });
  } else {
    throw new UsageError('--out must end in .png or .svg');
  }

  const keySet = publicKeySet([key]);
  const version = qrVersion(token);
  const lines = [`token: ${token}`, `kind: ${isPass ? 'pass' : 'invitation'}`, `qr-version: ${version}`, `keyset: ${JSON.stringify(keySet)}`, `qr: ${qrFile}`];
  return { kind: isPass ? 'pass' : 'invitation', token, qrVersion: version, keySet, qrFile, lines };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    const { lines } = await runInvite(process.argv.slice(2));
    for (const line of lines) console.log(line);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`invite: ${error.message}`);
    console.error('usage: npm run invite -- --host TEXT [--visitor-type TYPE] [--from ISO] [--hours N] [--site ID] [--party N]');
    console.error('         [--pass [--weekdays 1,2,3,4,5] [--between 08:00-18:00] [--uses N] [--permit REF]] [--out FILE.png|FILE.svg]');
    process.exitCode = 2;
  }
}
