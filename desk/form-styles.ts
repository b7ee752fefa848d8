import { css } from 'lit';

/**
 * The desk's form fields, shared by its panels (planning, invitations): labels, 48 px fields in the desk's
 * tokens, a count field, a field in error, and button groups in a fieldset whose pressed button is the choice.
 * Put after `tokens` and before a panel's own rules, which may refine these.
 */
export const deskFormStyles = css`
  label,
  legend {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 48px;
    max-width: 100%;
    padding: 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_fg);
  }
  textarea {
    padding: 0.5em;
    min-width: min(16em, 100%);
  }
  input.count {
    width: 6em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  legend {
    width: 100%;
  }
  fieldset button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
`;

/**
 * What the newer panels (guard, parcels, reports) share around their forms: a block host in the desk's type size,
 * their headings, and bordered rows in an unmarked list. Put after `deskFormStyles`; a panel's own rules refine it.
 */
export const deskPanelStyles = css`
  :host {
    display: block;
    font-size: var(--vk-desk-font-size, 16px);
  }
  h2 {
    font-size: 1.2em;
    margin: 1.25em 0 0.5em;
  }
  h3 {
    font-size: 1.05em;
    margin: 0.75em 0 0.5em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.row {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-bottom: var(--_space);
    overflow-wrap: anywhere;
  }
`;
