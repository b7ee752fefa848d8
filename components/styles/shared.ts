import { css } from 'lit';

/**
 * Design tokens and the base styles every kiosk screen shares. Hosts restyle through the `--vk-*` custom
 * properties (they inherit through shadow roots); nothing else leaks in or out.
 */
export const tokens = css`
  :host {
    --_bg: var(--vk-color-background, #ffffff);
    --_fg: var(--vk-color-text, #1a1a1a);
    --_muted: var(--vk-color-muted, #4a4a4a);
    --_accent: var(--vk-color-accent, #0b5cad);
    --_accent-fg: var(--vk-color-on-accent, #ffffff);
    --_danger: var(--vk-color-danger, #b00020);
    --_surface: var(--vk-color-surface, #f3f5f8);
    --_border: var(--vk-color-border, #767676);
    --_radius: var(--vk-radius, 12px);
    --_space: var(--vk-space, var(--_auto-space, 16px));
    --_target: var(--vk-touch-target, var(--_auto-target, 56px));
    --_focus: var(--vk-focus-ring, 3px solid #ffbf47);
    /* No fallback on purpose: without --vk-font-family the font is inherited, so the host's stack is respected
       (the standalone pages set theirs in page.css). */
    --_font: var(--vk-font-family);
    font-family: var(--_font);
    color: var(--_fg);
    font-size: var(--vk-font-size, var(--_auto-font, 20px));
    line-height: 1.5;
    box-sizing: border-box;
  }
  /* Sizes by the space the root element is given (it is the size container), not by the device: a phone for
     the guard's desk, a 10-inch tablet (the defaults above), a 27-inch lobby screen. */
  @container (max-width: 480px) {
    :host {
      --_auto-font: 17px;
      --_auto-target: 48px;
      --_auto-space: 12px;
    }
  }
  @container (min-width: 1600px) {
    :host {
      --_auto-font: 28px;
      --_auto-target: 72px;
      --_auto-space: 24px;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** What every kiosk screen shares: a block host, the screen's level-one heading, a row of actions. */
export const screen = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.6em;
    margin: 0 0 var(--_space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;

/** Buttons sized for fingers (WCAG 2.5.5 asks 44 px; we keep at least 48 px, default 56 px). */
export const buttons = css`
  button {
    font: inherit;
    min-height: max(48px, var(--_target));
    min-width: max(48px, var(--_target));
    padding: 0 calc(var(--_space) * 1.25);
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
    touch-action: manipulation;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [role='option']:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
