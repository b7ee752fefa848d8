import { css } from 'lit';

/** Form layout for a 10-inch tablet in portrait or landscape, and large enough for elderly visitors. */
export const formStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.6em;
    margin: 0 0 var(--_space);
  }
  h2 {
    font-size: 1.2em;
    margin: 0 0 0.5em;
  }
  .privacy {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .privacy p {
    margin: 0 0 var(--_space);
  }
  .grid {
    display: grid;
    gap: 0 calc(var(--_space) * 1.5);
    grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
  }
  .field {
    margin-bottom: var(--_space);
    border: none;
    padding: 0;
    min-width: 0;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .req {
    color: var(--_danger);
  }
  .hint.after {
    margin: 0.25em 0 0;
  }
  .hint,
  .note,
  .intro {
    color: var(--_muted);
    margin: 0 0 0.25em;
    font-size: 0.9em;
  }
  input[type='text'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: max(48px, var(--_target));
    padding: 0 0.75em;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    color: var(--_fg);
  }
  textarea {
    padding: 0.5em 0.75em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    color: var(--_danger);
    margin: 0.25em 0 0;
    font-weight: 600;
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .radios legend {
    width: 100%;
  }
  .radios .error {
    width: 100%;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: max(48px, var(--_target));
    padding: 0 var(--_space) 0 0.5em;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    font-weight: 400;
    margin-bottom: 0.5em;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 32px;
    height: 32px;
    margin: 8px;
    flex: none;
    accent-color: var(--_accent);
  }
  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .check label {
    flex: 1 1 12em;
    margin: 0;
    min-height: 48px;
    display: flex;
    align-items: center;
  }
  .check .error {
    width: 100%;
  }
  .host {
    position: relative;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }
  [role='option'] {
    min-height: max(48px, var(--_target));
    display: flex;
    align-items: center;
    padding: 0 0.75em;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'],
  [role='option']:hover {
    background: var(--_surface);
    outline: 2px solid var(--_accent);
  }
  .detail {
    color: var(--_muted);
    margin-left: 0.5em;
  }
  .absent {
    border-left: 6px solid var(--_accent);
    padding-left: var(--_space);
    margin-bottom: var(--_space);
  }
  .summary {
    color: var(--_danger);
    font-weight: 600;
    min-height: 1.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
  }
  .actions .primary {
    min-width: 10em;
  }
  dialog {
    border: none;
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    max-width: min(44em, 92vw);
    font: inherit;
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 0.5em var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  dt {
    font-weight: 600;
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [role='alert'] {
    color: var(--_danger);
    font-weight: 600;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
`;
