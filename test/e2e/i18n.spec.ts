// Scripts on screen: English shows no Chinese except in the language buttons; 繁體中文 shows no simplified
// characters; 简体中文 shows no traditional ones. OpenCC decides: traditional text is unchanged by a
// simplified→traditional conversion, simplified text by a traditional→simplified one.
import { expect, test } from '@playwright/test';
import * as OpenCC from 'opencc-js';
import { collectShownText, forEachScreen, type E2eLocale } from './helpers.js';

/** Han characters plus CJK punctuation and full-width forms: none belongs on an English screen. */
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Simplified → OpenCC's standard traditional ('t', not 'hk': the HK variant rewrites 戶 as 户). */
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
/** Traditional (standard and Hong Kong variants) → simplified. */
const fromT = OpenCC.Converter({ from: 't', to: 'cn' });
const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const toSimplified = (s: string) => fromHk(fromT(s));

/** Whether a string uses only traditional characters (no simplified-only ones). */
const isTraditional = (s: string) => toTraditional(s) === s;
/** Whether a string uses only simplified characters (no traditional-only ones). */
const isSimplified = (s: string) => toSimplified(s) === s;

test('the script check tells the scripts apart (checked on known strings first)', () => {
  expect(isTraditional('受訪人士或單位（座／樓／室）')).toBe(true);
  expect(isTraditional('業主／住戶')).toBe(true);
  expect(isSimplified('被访人或房号')).toBe(true);
  expect(isSimplified('业主/住户')).toBe(true);
  // Mixed strings: one simplified character in traditional text, one traditional in simplified.
  expect(isTraditional('訪客登记')).toBe(false);
  expect(isSimplified('访客登記')).toBe(false);
  // Characters common to both scripts pass both checks.
  expect(isTraditional('姓名')).toBe(true);
  expect(isSimplified('姓名')).toBe(true);
});

const checks: Record<E2eLocale, (text: string) => boolean> = {
  en: (t) => !CJK.test(t),
  'zh-Hant': isTraditional,
  'zh-Hans': isSimplified,
};

for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const satisfies readonly E2eLocale[]) {
  test(`screens in ${locale} use only their own script`, async ({ page }) => {
    const wrong: string[] = [];
    const languageButtonTexts: string[] = [];
    let seen = 0;
    await forEachScreen(page, locale, async (screen) => {
      for (const { text, inLanguageButton } of await collectShownText(page)) {
        seen++;
        if (inLanguageButton) {
          languageButtonTexts.push(text);
          continue;
        }
        if (!checks[locale](text)) wrong.push(`${screen}: ${text}`);
      }
    });
    expect(seen).toBeGreaterThan(20);
    if (locale === 'en') {
      // The walk reaches the language buttons inside the shadow roots, and the CJK test sees their names.
      expect(languageButtonTexts.some((t) => CJK.test(t))).toBe(true);
    }
    expect(wrong).toEqual([]);
  });
}
