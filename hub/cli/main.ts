/**
 * `npm run hub -- <command>`: administration from a shell, with or without the hub running. It opens the same
 * database (SQLite's WAL lets a second process read and write while the hub runs; PostgreSQL anyway) and
 * writes in ordinary transactions. What it changes reaches desks and kiosks through the events table: the
 * running hub reads rows it did not write every second (hub/events/fanout.ts), and kiosks' pulls read
 * revocations from it.
 *
 *   pair-kiosk [--site ID]                         a one-time pairing link (and its QR) for a kiosk
 *   add-staff --name NAME --pin DIGITS [--role receptionist|guard|site-manager|company|customer-service] [--site ID] [--sites ID,ID]
 *   invite --host TEXT [--visitor-type TYPE] [--from ISO] [--hours N] [--site ID] [--party N] [--uses N]
 *          [--pass [--weekdays 1,2,3,4,5] [--between 08:00-18:00] [--permit REF]] [--out FILE.png|.svg]
 *   revoke-invite --jti ID [--site ID]            kiosks refuse it from their next pull
 *   revoke-device --id DEVICE-ID [--site ID]       the kiosk's token stops working at once
 *   export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--site ID]   CSV on standard output
 *   export --what visits|incidents|ledger --format csv|xlsx [--from …] [--to …] [--out FILE]   (hub/cli/reports.ts)
 *   report --period 2026-11|2026-W48|2026-H2|2026 [--format json|csv|xlsx] [--out FILE]   a site's report
 *   purge [--site ID]                              delete personal data past retention, keep anonymised counts
 *   access --name NAME | --phone E164 [--site ID]  a data access request: the person's visits as JSON
 *   erase --name NAME | --phone E164 [--site ID]   erase the person's visits (held while an alert is open)
 *   backup FILE                                    SQLite's online backup, safe while the hub runs
 *   restore FILE [--force]                         a checked backup into DATA_DIR (the hub stopped)
 *   add-webhook --url URL [--events alert,…]      a signed webhook for the site; prints its secret once
 *   rotate-webhook-secret --id ID                  a new secret; the old one signs too for a day
 *   list-webhooks                                  the site's webhooks (never their secrets)
 *   watchlist list | add --kind K --value V --reason R --approved-by NAME [--days N] | remove --id ID   audited
 *   config get | set --file SITE.json              the site's configuration; a change is audited and pulled by kiosks
 *   add-email-recipient --role ROLE --address EMAIL [--locale …]   e-mailed when ROLE is notified
 *   embed-origins [--add ORIGIN,…] [--remove ORIGIN,…]   the host portals that may frame /embed/* (prints the list)
 *
 * On an empty database any command first creates the demo site, as `npm start` does, and prints its PIN.
 */
import { CLI_ACTOR } from '../../src/schemas/audit.js';
import { recordAudit } from '../audit.js';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { hashPin, verifyPin } from '../../src/auth/pin.js';
import { purge } from '../retention.js';
import { accessRequest, eraseRequest } from '../privacy.js';
import { personQuerySchema } from '../../src/schemas/sync.js';
import { VISITOR_TYPES, type VisitorType } from '../../src/domain/codes.js';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/desk.js';
import { qrVersion } from '../../src/invite/qr.js';
import { issueInvitationRequestSchema, type IssueInvitationRequest } from '../../src/schemas/sync.js';
import { configFromEnv, publicOrigin } from '../config.js';
import { openStore, type HubStore } from '../db/index.js';
import { deviceStatus } from '../devices.js';
import { loadDevKey } from '../dev-key.js';
import { HubError } from '../errors.js';
import { exportCsv } from '../export.js';
import { exportCommand, reportCommand, ReportUsageError } from './reports.js';
import { addEmailRecipient, addWebhook, listWebhooks, rotateWebhookSecret } from '../notify/webhooks.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../src/schemas/webhook.js';
import { issueInvitation, revokeInvitation } from '../invitations.js';
import { BackupError, backupSqlite, restoreSqlite } from '../db/backup.js';
import { bootstrapIfEmpty, createPairCode } from '../sites.js';
import { SITE_ADMIN_COMMANDS, SITE_ADMIN_OPTIONS, SITE_ADMIN_USAGE, SiteAdminUsage, siteAdminCommand } from './site-admin.js';
import { changeEmbeddingOrigins, embeddingOrigins } from '../embedding.js';

/** Pixels per QR module in the PNG: large enough to scan from a phone screen held to a tablet's camera. */
const PNG_SCALE = 8;

/** A command that was understood but refused (a damaged backup, a running hub): its message, exit status 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What `backup` says on PostgreSQL: the database server has its own tools (hub/README.md "Backups"). */
export const PG_BACKUP_GUIDANCE = `the hub's backup command copies its embedded SQLite database; on PostgreSQL (DATABASE_URL) use the server's tools:
  pg_dump --format=custom --file=hub.dump "$DATABASE_URL"          (consistent while the hub runs)
  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" hub.dump   (the hubs stopped)
see hub/README.md "Backups"`;

/** A mistake in the command line: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage: npm run hub -- <command> [options]
  pair-kiosk [--site ID]
  add-staff --name NAME --pin DIGITS [--role receptionist|guard|site-manager|company|customer-service] [--site ID] [--sites ID,ID]
  invite --host TEXT [--visitor-type TYPE] [--from ISO] [--hours N] [--site ID] [--party N] [--uses N]
         [--pass [--weekdays 1,2,3,4,5] [--between 08:00-18:00] [--permit REF]] [--out FILE.png|FILE.svg]
  revoke-invite --jti ID [--site ID]
  revoke-device --id DEVICE-ID [--site ID]
  export [--what visits|incidents|ledger] [--format csv|xlsx] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE] [--site ID]
  report --period 2026-11|2026-W48|2026-H2|2026 [--format json|csv|xlsx] [--out FILE] [--site ID]
  purge [--site ID]
  access --name NAME | --phone +852… [--site ID]
  erase --name NAME | --phone +852… [--site ID]
  backup FILE
  restore FILE [--force]
  add-webhook --url URL [--events alert,escalation,acknowledgement,help] [--site ID]
  rotate-webhook-secret --id WEBHOOK-ID [--site ID]
  list-webhooks [--site ID]
${SITE_ADMIN_USAGE}
  add-email-recipient --role ROLE --address EMAIL [--locale en|zh-Hant|zh-Hans] [--site ID]
  embed-origins [--add https://portal.example.com,…] [--remove ORIGIN,…] [--site ID]`;

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  now?: Date;
  /** Where output lines go (default: console.log). */
  out?: (line: string) => void;
}

type Values = Record<string, string | boolean | undefined>;

const OPTIONS = {
  site: { type: 'string' },
  name: { type: 'string' },
  pin: { type: 'string' },
  role: { type: 'string' },
  host: { type: 'string' },
  'visitor-type': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  hours: { type: 'string' },
  party: { type: 'string' },
  uses: { type: 'string' },
  pass: { type: 'boolean' },
  weekdays: { type: 'string' },
  between: { type: 'string' },
  permit: { type: 'string' },
  out: { type: 'string' },
  jti: { type: 'string' },
  id: { type: 'string' },
  force: { type: 'boolean' },
  url: { type: 'string' },
  events: { type: 'string' },
  address: { type: 'string' },
  locale: { type: 'string' },
  sites: { type: 'string' },
  phone: { type: 'string' },
  kind: { type: 'string' },
  value: { type: 'string' },
  reason: { type: 'string' },
  days: { type: 'string' },
  'approved-by': { type: 'string' },
  file: { type: 'string' },
  add: { type: 'string' },
  remove: { type: 'string' },
  what: { type: 'string' },
  format: { type: 'string' },
  period: { type: 'string' },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
  'pair-kiosk': ['site'],
  'add-staff': ['site', 'name', 'pin', 'role', 'sites'],
  purge: ['site'],
  access: ['site', 'name', 'phone'],
  erase: ['site', 'name', 'phone'],
  invite: ['site', 'host', 'visitor-type', 'from', 'hours', 'party', 'uses', 'pass', 'weekdays', 'between', 'permit', 'out'],
  'revoke-invite': ['site', 'jti'],
  'revoke-device': ['site', 'id'],
  export: ['site', 'from', 'to', 'what', 'format', 'out'],
  report: ['site', 'period', 'format', 'out'],
  backup: [],
  restore: ['force'],
  'add-webhook': ['site', 'url', 'events'],
  'rotate-webhook-secret': ['site', 'id'],
  'list-webhooks': ['site'],
  ...SITE_ADMIN_OPTIONS,
  'add-email-recipient': ['site', 'role', 'address', 'locale'],
  'embed-origins': ['site', 'add', 'remove'],
};

/** Commands that take one file name and work on the database file itself, not through the store. */
const FILE_COMMANDS = ['backup', 'restore'];

const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

function positive(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`--${flag} must be a positive ${integer ? 'whole ' : ''}number`);
  return n;
}

async function siteOf(store: HubStore, values: Values): Promise<string> {
  const ids = await store.read((repo) => repo.siteIds());
  const wanted = str(values, 'site');
  if (wanted !== undefined) {
    if (!ids.includes(wanted)) throw new UsageError(`no site "${wanted}" (sites: ${ids.join(', ')})`);
    return wanted;
  }
  const first = ids[0];
  if (first === undefined) throw new UsageError('no site yet');
  return first;
}

/** The invite command's options as the protocol's request (validated by the same schema as the API's). */
function invitationRequest(values: Values): IssueInvitationRequest {
  const isPass = values['pass'] === true;
  if (!isPass) for (const flag of ['weekdays', 'between', 'permit']) if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to a pass: add --pass`);
  const visitorType = str(values, 'visitor-type');
  if (visitorType !== undefined && !(VISITOR_TYPES as readonly string[]).includes(visitorType)) throw new UsageError(`--visitor-type must be one of: ${VISITOR_TYPES.join(', ')}`);
  const fromText = str(values, 'from');
  const from = fromText !== undefined ? new Date(fromText) : undefined;
  if (from && Number.isNaN(from.getTime())) throw new UsageError('--from must be an ISO 8601 date-time, e.g. 2026-11-23T09:00+08:00');
  const weekdays = str(values, 'weekdays');
  if (weekdays !== undefined && !weekdays.split(',').every((d) => /^[0-6]$/.test(d.trim()))) throw new UsageError('--weekdays takes digits 0 (Sunday) to 6 (Saturday), e.g. 1,2,3,4,5');
  const between = str(values, 'between');
  const hours = between !== undefined ? /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(between) : undefined;
  if (between !== undefined && !hours) throw new UsageError('--between takes local hours HH:MM-HH:MM, e.g. 08:00-18:00');
  const request = {
    ...(isPass ? { kind: 'pass' as const } : {}),
    host: str(values, 'host') ?? '',
    ...(visitorType !== undefined ? { visitorType: visitorType as VisitorType } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(values['hours'] !== undefined ? { hours: positive('hours', str(values, 'hours'), false) } : {}),
    ...(values['party'] !== undefined ? { partySize: positive('party', str(values, 'party'), true) } : {}),
    ...(values['uses'] !== undefined ? { uses: positive('uses', str(values, 'uses'), true) } : {}),
    ...(weekdays !== undefined ? { weekdays: weekdays.split(',').map((d) => Number(d.trim())) } : {}),
    ...(hours?.[1] && hours[2] ? { between: [hours[1], hours[2]] } : {}),
    ...(str(values, 'permit') !== undefined ? { permit: str(values, 'permit') } : {}),
  };
  if (!request.host) throw new UsageError('--host is required (a directory id or unit label, e.g. 12B)');
  const parsed = issueInvitationRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`invalid ${issue?.path.join('.') || 'option'}: ${issue?.message ?? ''}`);
  }
  // Host labels become part of a QR code at the door: a URL or a script is never a unit.
  if (/[:/<>]/.test(parsed.data.host)) throw new UsageError('--host is a directory id or a unit label, e.g. 12B');
  return parsed.data;
}

/** Runs one command; returns the lines it printed (also sent to `out`). */
export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<string[]> {
  const [command, ...rest] = argv;
  if (!command || !(command in ALLOWED)) throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
  let values: Values;
  let positionals: string[];
  const takesFile = FILE_COMMANDS.includes(command);
  const takesAction = (SITE_ADMIN_COMMANDS as readonly string[]).includes(command);
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: takesFile || takesAction }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const allowed = ALLOWED[command] ?? [];
  for (const key of Object.keys(values)) if (!allowed.includes(key)) throw new UsageError(`--${key} does not apply to ${command}`);
  if (takesFile) return fileCommand(command, positionals, values, options);
  const invite = command === 'invite' ? invitationRequest(values) : undefined;

  const env = options.env ?? process.env;
  const config = configFromEnv(env);
  const now = options.now ?? new Date();
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    (options.out ?? console.log)(line);
  };
  const origin = publicOrigin(config, config.port);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const fresh = await bootstrapIfEmpty(store, { adminPin: config.adminPin, signingKey: await loadDevKey(resolve(config.dataDir)), now });
    // To standard error: `export > visits.csv` must hold CSV only.
    if (fresh) (options.out ?? console.error)(`Created the demo site. PIN: ${fresh.pin}`);
    const siteId = await siteOf(store, values);
    if (takesAction) await siteAdminCommand(store, command, positionals, values, siteId, now, print);
    switch (command) {
      case 'pair-kiosk': {
        const code = await store.write((repo) => createPairCode(repo, siteId, now));
        const link = `${origin}/?pair=${code}`;
        print(`Pair this kiosk: ${link}`);
        print(await QRCode.toString(link, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 }));
        print('The link works once and expires in 7 days. Open it on the tablet, or scan the code with it.');
        break;
      }
      case 'add-staff': {
        const name = str(values, 'name')?.trim();
        const pin = str(values, 'pin') ?? '';
        const role = (str(values, 'role') ?? 'receptionist') as StaffRole;
        if (!name || name.length > 200) throw new UsageError('--name is required (up to 200 characters)');
        if (!/^\d{4,8}$/.test(pin)) throw new UsageError('--pin must be 4 to 8 digits');
        if (!(STAFF_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
        const staff = await store.read((repo) => repo.staff(siteId));
        // The desk's sign-in asks for a PIN only: two members with one PIN would both sign in as the first.
        if ((await Promise.all(staff.map((s) => verifyPin(pin, s)))).includes(true)) throw new UsageError('that PIN is taken at this site; choose another');
        // The company role reads reports of further sites (`--sites`); a site's staff work at their one site.
        const more = (str(values, 'sites') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (more.length > 0 && role !== 'company') throw new UsageError('--sites is for the company role');
        const known = new Set(await store.read((repo) => repo.siteIds()));
        const unknown = more.find((s) => !known.has(s));
        if (unknown) throw new UsageError(`no site ${unknown}`);
        const id = `s-${randomBytes(6).toString('hex')}`;
        const hash = await hashPin(pin);
        await store.write(async (repo) => {
          await repo.insertStaff({ id, siteId, name, role, ...hash }, now.toISOString());
          await repo.addStaffSites(id, more);
          await recordAudit(repo, { siteId, actor: CLI_ACTOR, action: 'staff-add', target: id, at: now });
        });
        print(`staff: ${id} (${role}) at ${[siteId, ...more.filter((s) => s !== siteId)].join(', ')}`);
        break;
      }
      case 'invite': {
        if (!invite) throw new UsageError('--host is required');
        const issued = await issueInvitation(store, siteId, invite, now, origin);
        const keySet = await store.read((repo) => repo.keySet(siteId));
        const out = resolve(str(values, 'out') ?? join(config.dataDir, issued.kind === 'pass' ? 'pass.png' : 'invite.png'));
        await mkdir(dirname(out), { recursive: true });
        if (out.toLowerCase().endsWith('.svg')) await writeFile(out, issued.qrSvg);
        else if (out.toLowerCase().endsWith('.png')) await QRCode.toFile(out, issued.token, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: PNG_SCALE });
        else throw new UsageError('--out must end in .png or .svg');
        print(`token: ${issued.token}`);
        print(`kind: ${issued.kind}`);
        print(`jti: ${issued.jti}`);
        print(`expires: ${issued.expiresAt}`);
        print(`qr-version: ${qrVersion(issued.token)}`);
        print(`keyset: ${JSON.stringify(keySet)}`);
        print(`link: ${issued.link}`);
        print(`qr: ${out}`);
        break;
      }
      case 'revoke-invite': {
        const jti = str(values, 'jti');
        if (!jti) throw new UsageError('--jti is required');
        if (!(await revokeInvitation(store, siteId, jti, now))) throw new UsageError(`no invitation ${jti} at ${siteId}, or revoked already`);
        print(`revoked: ${jti}`);
        break;
      }
      case 'revoke-device': {
        const id = str(values, 'id');
        if (!id) throw new UsageError('--id is required');
        const done = await store.write(async (repo) => {
          if (!(await repo.revokeDevice(siteId, id, now.toISOString()))) return false;
          await recordAudit(repo, { siteId, actor: CLI_ACTOR, action: 'device-revoke', target: id, at: now });
          const device = await repo.device(id);
          if (device) await repo.emit(siteId, 'device', { type: 'device', device: deviceStatus(device) }, now.toISOString());
          return true;
        });
        if (!done) throw new UsageError(`no device ${id} at ${siteId}, or revoked already`);
        print(`revoked: ${id}`);
        break;
      }
      case 'purge': {
        // Every site unless --site names one; the hub does the same once a day (hub/retention.ts).
        const started = performance.now();
        const results = await purge(store, now, str(values, 'site'));
        const ms = Math.round(performance.now() - started);
        for (const r of results) print(`purged: ${r.purged} visits of ${r.siteId} registered before ${r.keptFrom}; held (open alerts): ${r.held}; closed ledger entries past retention: ${r.records}`);
        print(`purge done in ${ms} ms`);
        break;
      }
      case 'access':
      case 'erase': {
        const query = personQuerySchema.safeParse({ ...(str(values, 'name') ? { name: str(values, 'name') } : {}), ...(str(values, 'phone') ? { phone: str(values, 'phone') } : {}) });
        if (!query.success) throw new UsageError('give --name NAME and/or --phone in E.164 (e.g. +85291234567)');
        if (command === 'access') {
          const found = await accessRequest(store, siteId, query.data);
          print(JSON.stringify(found, null, 2));
        } else {
          const done = await eraseRequest(store, siteId, query.data, now);
          print(`erased: ${done.erased.length} visits of ${siteId}; held (an open alert refers to them): ${done.held.length}`);
          for (const h of done.held) print(`held: ${h.visitId} (${h.reason})`);
        }
        break;
      }
      case 'report':
      case 'export': {
        // The kinds and formats of issue 8 (hub/cli/reports.ts); plain `export` stays the visits CSV below.
        if (command === 'report' || values['what'] !== undefined || values['format'] !== undefined || values['out'] !== undefined) {
          const flags = { what: str(values, 'what'), format: str(values, 'format'), from: str(values, 'from'), to: str(values, 'to'), period: str(values, 'period'), out: str(values, 'out') };
          const sink = (bytes: Uint8Array) => (options.out ? options.out(new TextDecoder().decode(bytes)) : process.stdout.write(bytes));
          try {
            const line = await (command === 'report' ? reportCommand : exportCommand)(store, siteId, flags, now, sink);
            if (line !== undefined) print(line);
          } catch (error) {
            throw error instanceof ReportUsageError ? new UsageError(error.message) : error;
          }
          break;
        }
        const from = str(values, 'from');
        const to = str(values, 'to');
        for (const [flag, value] of [['from', from], ['to', to]] as const) {
          if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--${flag} is a date YYYY-MM-DD`);
        }
        const csv = await exportCsv(store, siteId, from, to, { actor: CLI_ACTOR, at: now });
        lines.push(csv);
        if (options.out) options.out(csv);
        else process.stdout.write(csv);
        break;
      }
      case 'add-webhook': {
        const url = str(values, 'url');
        if (!url) throw new UsageError('--url is required (the receiver, https://…)');
        const events = str(values, 'events')?.split(',').map((e) => e.trim());
        if (events && !events.every((e) => (WEBHOOK_EVENTS as readonly string[]).includes(e))) throw new UsageError(`--events takes a comma-separated list of: ${WEBHOOK_EVENTS.join(', ')}`);
        const { webhook, secret } = await addWebhook(store, siteId, { url, ...(events ? { events: events as WebhookEvent[] } : {}) }, now, CLI_ACTOR);
        print(`webhook: ${webhook.id}`);
        print(`url: ${webhook.url}`);
        print(`events: ${webhook.events === 'all' ? 'all' : webhook.events.join(',')}`);
        print(`secret: ${secret}`);
        print('The secret is shown once: store it with the receiver now (docs/webhooks.md).');
        break;
      }
      case 'rotate-webhook-secret': {
        const id = str(values, 'id');
        if (!id) throw new UsageError('--id is required (see list-webhooks)');
        const rotated = await rotateWebhookSecret(store, siteId, id, now, CLI_ACTOR);
        print(`secret: ${rotated.secret}`);
        print(`previous secret signs too until: ${rotated.previousUntil}`);
        break;
      }
      case 'list-webhooks': {
        for (const w of await listWebhooks(store, siteId)) print(`${w.id} ${w.url} events=${w.events === 'all' ? 'all' : w.events.join(',')}${w.disabledAt ? ' disabled' : ''}`);
        break;
      }
      case 'add-email-recipient': {
        const role = str(values, 'role');
        const address = str(values, 'address');
        if (!role || !address) throw new UsageError('--role and --address are required');
        const id = await addEmailRecipient(store, siteId, { role, address, locale: str(values, 'locale') ?? 'en' }, now, CLI_ACTOR);
        print(`recipient: ${id} (${role})`);
        break;
      }
      case 'embed-origins': {
        const list = (flag: string) => (str(values, flag) ?? '').split(',').map((o) => o.trim()).filter((o) => o.length > 0);
        const change = { add: list('add'), remove: list('remove') };
        const origins =
          change.add.length + change.remove.length > 0
            ? await changeEmbeddingOrigins(store, siteId, change, now, CLI_ACTOR)
            : await store.read((repo) => embeddingOrigins(repo, siteId));
        print(`embedding origins: ${origins.length > 0 ? origins.join(' ') : '(none: only the hub itself frames /embed/*)'}`);
        break;
      }
    }
  } catch (error) {
    if (error instanceof HubError || error instanceof SiteAdminUsage) throw new UsageError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  return lines;
}

/** `backup FILE` / `restore FILE [--force]`: before any store is opened (a restore must not create one). */
async function fileCommand(command: string, positionals: string[], values: Values, options: CliOptions): Promise<string[]> {
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(`${command} takes one file name`);
  const config = configFromEnv(options.env ?? process.env);
  if (config.databaseUrl) throw new CommandError('postgres', PG_BACKUP_GUIDANCE);
  const lines: string[] = [];
  const print = (line: string) => {
    lines.push(line);
    (options.out ?? console.log)(line);
  };
  const dataDir = resolve(config.dataDir);
  const started = performance.now();
  try {
    if (command === 'backup') {
      const info = await backupSqlite(dataDir, file);
      print(`backup: ${resolve(file)} (${info.bytes} bytes, ${info.sites} site(s), ${info.visits} visit(s), migrations up to ${info.migrations.at(-1) ?? '-'}) in ${Math.round(performance.now() - started)} ms`);
    } else {
      const info = await restoreSqlite(resolve(file), dataDir, { force: values['force'] === true, ...(options.now ? { now: options.now } : {}) });
      if (info.previous) print(`kept the database that was there as ${info.previous}`);
      print(`restored: ${info.sites} site(s), ${info.visits} visit(s) into ${dataDir} in ${Math.round(performance.now() - started)} ms; start the hub`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw new CommandError(error.code, error.message);
    throw error;
  }
  return lines;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    await runCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CommandError) {
      console.error(`hub: ${error.message}`);
      process.exitCode = 1;
    } else {
      if (!(error instanceof UsageError)) throw error;
      console.error(`hub: ${error.message}`);
      console.error(USAGE);
      process.exitCode = 2;
    }
  }
}
