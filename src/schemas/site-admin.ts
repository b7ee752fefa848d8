/**
 * The site manager's (and the guard's, for the watch list) changes at the hub (issue 6 item 4): a site's
 * configuration (GET/PUT /api/v1/site/config, validated by `parseSiteConfig`) and its watch list
 * (GET/POST /api/v1/watchlist, DELETE /api/v1/watchlist/:id). Every change is audited by the hub with ids only.
 * zod/mini, as the other wire schemas, so a desk can use them.
 */
import { z } from 'zod/mini';
import { WATCH_ENTRY_KINDS } from '../domain/desk.js';
import { watchEntrySchema } from './desk.js';
import { MAX_STORED_MESSAGE, MAX_STORED_TEXT } from './visit.js';

/** How long a new watch-list entry lasts when the request names no expiry: 90 days, then someone reviews it. */
export const DEFAULT_WATCH_DAYS = 90;
/** The longest a watch-list entry may last: five years (a court order's usual reach), never for ever. */
export const MAX_WATCH_DAYS = 5 * 366;

/** POST /api/v1/watchlist — one entry; `approvedBy` defaults to the signed-in staff member's name. */
export const addWatchEntryRequestSchema = z
  .strictObject({
    kind: z.enum(WATCH_ENTRY_KINDS),
    /** A name (matched across scripts, case and spacing), an E.164 phone, or a keyed identity hash. */
    value: z.string().check(z.minLength(1), z.maxLength(MAX_STORED_TEXT)),
    reason: z.string().check(z.minLength(1), z.maxLength(MAX_STORED_MESSAGE)),
    approvedBy: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_STORED_TEXT))),
    /** How many days from now it lasts (default DEFAULT_WATCH_DAYS)… */
    days: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_WATCH_DAYS))),
    /** …or until when (the desk's form picks a date); in the future and within MAX_WATCH_DAYS (checked by the hub). */
    expiresAt: z.optional(z.iso.datetime()),
  })
  .check(
    z.refine((r) => r.kind !== 'phone' || z.e164().safeParse(r.value).success, { message: 'a phone entry needs an E.164 number', path: ['value'] }),
    z.refine((r) => r.days === undefined || r.expiresAt === undefined, { message: 'days or expiresAt, not both', path: ['expiresAt'] }),
  );
export type AddWatchEntryRequest = z.infer<typeof addWatchEntryRequestSchema>;

/** GET /api/v1/watchlist — the site's entries, soonest expiry first (expired ones included until removed). */
export const watchListReplySchema = z.strictObject({ entries: z.array(watchEntrySchema) });
export type WatchListReply = z.infer<typeof watchListReplySchema>;

/** POST /api/v1/watchlist — the entry as stored. */
export const watchEntryReplySchema = z.strictObject({ entry: watchEntrySchema });
