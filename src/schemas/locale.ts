import * as z from 'zod/mini';
import { LOCALES } from '../domain/codes.js';

/** One of the kiosk's three languages (`en`, `zh-Hant`, `zh-Hans`). */
export const localeSchema = z.enum(LOCALES);

/** Text in every language the kiosk speaks: all three are required, so no screen falls back silently. */
export const localisedTextSchema = z.strictObject({
  en: z.string(),
  'zh-Hant': z.string(),
  'zh-Hans': z.string(),
});
