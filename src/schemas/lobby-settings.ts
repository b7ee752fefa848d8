/** The site's lobby settings (`SiteConfig.lobby`, src/domain/lobby/parcel.ts `LobbySettings`). zod/mini. */
import { z } from 'zod/mini';
import { LANE_FIELDS } from '../domain/lobby/parcel.js';

const fields = z.array(z.enum(LANE_FIELDS)).check(
  z.maxLength(LANE_FIELDS.length),
  z.refine((list) => new Set(list).size === list.length, 'a field is listed twice'),
);

export const lobbySettingsSchema = z.strictObject({
  courierFields: z.optional(fields),
  foodFields: z.optional(fields),
  parcelLabelPhoto: z.optional(z.boolean()),
  kioskLane: z.optional(z.boolean()),
});
