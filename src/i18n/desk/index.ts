import type { LocaleTag } from '../index.js';
import { deskEn } from './en.js';
import type { DeskMessages } from './messages.js';
import { deskZhHans } from './zh-Hans.js';
import { deskZhHant } from './zh-Hant.js';

export type { DeskMessages, RoleCode } from './messages.js';

export const DESK_CATALOGUES: Record<LocaleTag, DeskMessages> = { en: deskEn, 'zh-Hant': deskZhHant, 'zh-Hans': deskZhHans };

export const deskMessagesFor = (locale: LocaleTag): DeskMessages => DESK_CATALOGUES[locale];
