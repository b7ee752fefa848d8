import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The themes of the two root elements (`<visitor-kiosk theme="…">`, `<visitor-desk theme="…">`;
 * docs/theming.md). A theme only sets `--vk-*` tokens on the root's `:host`, so a token the host page sets on
 * the element still wins (the page's rules beat a shadow root's `:host` rules), and every leaf reads the same
 * tokens it reads under the light defaults of styles/shared.ts.
 *
 * - `light` (or no attribute): the defaults.
 * - `dark`: for dim lobbies and night shifts; contrast ≥ 4.5:1 for text, ≥ 3:1 for borders.
 * - `high-contrast`: white on black, yellow actions, a thick cyan focus ring (≥ 7:1 for text).
 * - `auto`: dark when the device prefers it.
 * Whatever the attribute, Windows' forced colours (High Contrast mode) map the tokens to system colours.
 */
type Palette = Readonly<Record<string, string>>;

const DARK: Palette = {
  '--vk-color-background': '#121417',
  '--vk-color-text': '#eef1f4',
  '--vk-color-muted': '#b8c0c8',
  '--vk-color-accent': '#8cc4ff',
  '--vk-color-on-accent': '#08131f',
  '--vk-color-danger': '#ff8a80',
  '--vk-color-danger-surface': '#3a1d1f',
  '--vk-color-warning': '#ffc078',
  '--vk-color-surface': '#1e2328',
  '--vk-color-border': '#9aa4ad',
  '--vk-focus-ring': '3px solid #ffbf47',
};

const HIGH_CONTRAST: Palette = {
  '--vk-color-background': '#000000',
  '--vk-color-text': '#ffffff',
  '--vk-color-muted': '#ffffff',
  '--vk-color-accent': '#ffff00',
  '--vk-color-on-accent': '#000000',
  '--vk-color-danger': '#ff9e9e',
  '--vk-color-danger-surface': '#000000',
  '--vk-color-warning': '#ffff00',
  '--vk-color-surface': '#000000',
  '--vk-color-border': '#ffffff',
  '--vk-focus-ring': '4px solid #00ffff',
};

/** Windows High Contrast and other forced-colour modes: system colours, which the user chose. */
const FORCED: Palette = {
  '--vk-color-background': 'Canvas',
  '--vk-color-text': 'CanvasText',
  '--vk-color-muted': 'CanvasText',
  '--vk-color-accent': 'ButtonText',
  '--vk-color-on-accent': 'ButtonFace',
  '--vk-color-danger': 'CanvasText',
  '--vk-color-danger-surface': 'Canvas',
  '--vk-color-warning': 'CanvasText',
  '--vk-color-surface': 'Canvas',
  '--vk-color-border': 'ButtonText',
  '--vk-focus-ring': '3px solid Highlight',
};

/** Declarations of a palette (constants of this file only: nothing from outside reaches `unsafeCSS`). */
const declarations = (palette: Palette): CSSResult => unsafeCSS(Object.entries(palette).map(([name, value]) => `${name}: ${value};`).join('\n'));

export const themes = css`
  :host([theme='dark']) {
    ${declarations(DARK)}
    color-scheme: dark;
  }
  :host([theme='high-contrast']) {
    ${declarations(HIGH_CONTRAST)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${declarations(DARK)}
      color-scheme: dark;
    }
  }
  @media (forced-colors: active) {
    /* As specific as the theme rules above and after them: the user's forced colours beat any theme. */
    :host,
    :host([theme]) {
      ${declarations(FORCED)}
    }
  }
`;

/**
 * Keeps a host page's global CSS out (issue 9: `* { color: red !important; font-size: 40px !important }`
 * must not change the kiosk). A document's `*` reaches the root element itself, and inherited properties
 * would flow from it into every screen; `!important` in a shadow root's `:host` beats the page's `!important`
 * (the cascade reverses the order of contexts for important declarations). Only the font family is left to
 * inherit on purpose: the host's font stack is respected unless `--vk-font-family` says otherwise.
 */
export const isolation = css`
  :host {
    color: var(--vk-color-text, #1a1a1a) !important;
    font-size: var(--vk-font-size, 20px) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    font-variant: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    direction: ltr !important;
    writing-mode: horizontal-tb !important;
    -webkit-text-fill-color: currentcolor !important;
    -webkit-text-stroke-width: 0 !important;
  }
`;
