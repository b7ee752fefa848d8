/** The front-desk ledger (issue 8): entries, their clocks, repair orders, follow-ups, form numbers, redaction. */
export * from './codes.js';
export * from './errors.js';
export * from './clocks.js';
export * from './entry.js';
export * from './number.js';
export * from './subjects.js';
export * from './view.js';
