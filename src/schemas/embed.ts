/**
 * The frame mode's messages (issue 9 item 1): what a host portal may post to `/embed/kiosk` or `/embed/desk`,
 * and what the frame posts back. The frame accepts a message only from a configured embedding origin AND only
 * when it parses here — a strict object, short strings, no unknown keys — so a page that merely shares the
 * window (an ad frame, an extension) cannot steer the kiosk, and nothing it sends is ever rendered as markup.
 */
import * as z from 'zod/mini';
import { localeSchema } from './locale.js';

/** The themes of components/styles/themes.ts (`theme` attribute on both roots). */
export const THEMES = ['light', 'dark', 'high-contrast', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** Most tokens one message sets: the documented `--vk-*` tokens number about twenty (docs/theming.md). */
const MAX_TOKENS = 40;
/** Longest token value: a colour, a length or a font stack. */
const MAX_TOKEN_VALUE = 200;

/**
 * A token's value: colours, lengths, font names. No `url(`, backslash, `;`, braces or angle brackets — a
 * value can neither load anything nor escape its declaration.
 */
const tokenValueSchema = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_TOKEN_VALUE),
  z.regex(/^[\w\s#%.,'"()+/-]*$/, 'not a plain CSS value'),
  z.refine((v) => !/url\s*\(/i.test(v), 'no url() in a token'),
);

/** Host → frame: language, theme and design tokens. Every field optional; unknown fields refuse the message. */
export const frameConfigSchema = z.strictObject({
  type: z.literal('vk-config'),
  lang: z.optional(localeSchema),
  theme: z.optional(z.enum(THEMES)),
  tokens: z.optional(
    z.record(z.string().check(z.regex(/^--vk-[a-z0-9-]{1,40}$/, 'a --vk-* token')), tokenValueSchema).check(z.refine((t) => Object.keys(t).length <= MAX_TOKENS, 'too many tokens')),
  ),
});
export type FrameConfig = z.infer<typeof frameConfigSchema>;

/** The CONTRACT.md events a frame forwards (the desk's `vk-visit-flagged` too: the desk frame is staff's). */
export const FRAME_EVENTS = ['vk-visit-registered', 'vk-visit-checked-in', 'vk-visit-checked-out', 'vk-sync-state-change', 'vk-visit-flagged'] as const;
export type FrameEventName = (typeof FRAME_EVENTS)[number];

/** Frame → host. `detail` is the event's own detail (ids, codes, times: never personal data). */
export type FrameMessage =
  | { type: 'vk-ready'; app: 'kiosk' | 'desk' }
  | { type: 'vk-event'; app: 'kiosk' | 'desk'; event: FrameEventName; detail: unknown };

/** The part of `/site.json` the frame needs: the embedding origins (the rest is the kiosk's business). */
export const embeddingOfSiteSchema = z.looseObject({
  embedding: z.optional(z.looseObject({ origins: z.array(z.string().check(z.maxLength(200))) })),
});

/** Parses a host's message; undefined when it is not a valid configuration message. */
export function parseFrameConfig(data: unknown): FrameConfig | undefined {
  const result = frameConfigSchema.safeParse(data);
  return result.success ? result.data : undefined;
}
