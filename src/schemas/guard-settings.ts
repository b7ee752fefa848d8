/**
 * The site's `guard` settings (src/domain/guard.ts `GuardSettings`): apart from the records' schemas
 * (./guard.ts) because the site schema — and so the kiosk's first screen — needs only this.
 */
import * as z from 'zod/mini';
import type { GuardSettings } from '../domain/guard.js';
import { localisedTextSchema } from './locale.js';

/** Most rooms a site names for its register: a building's handful of sensitive rooms. */
const MAX_RESTRICTED_ROOMS = 20;

/** A room id: letters, digits, `-` and `_`, like the site's other ids. */
export const roomIdSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'not an id (letters, digits, - and _)'), z.maxLength(64));

export const guardSettingsSchema = z.strictObject({
  carriedItems: z.optional(z.boolean()),
  restrictedRooms: z.optional(
    z
      .array(z.strictObject({ id: roomIdSchema, name: z.optional(localisedTextSchema) }))
      .check(
        z.minLength(1),
        z.maxLength(MAX_RESTRICTED_ROOMS),
        z.refine((rooms) => new Set(rooms.map((r) => r.id)).size === rooms.length, 'a room is listed twice'),
      ),
  ),
});

type Assignable<From extends To, To> = [From, To];
export type GuardSettingsMatchDomain = [Assignable<z.infer<typeof guardSettingsSchema>, GuardSettings>, Assignable<GuardSettings, z.infer<typeof guardSettingsSchema>>];
