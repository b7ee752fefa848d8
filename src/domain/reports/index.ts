/** Reports (issue 8 items 6 and 7): periods, sections and their arithmetic, safe cells, the case library. */
export * from './period.js';
export * from './report.js';
export * from './visits.js';
export * from './incidents.js';
export * from './cells.js';
export * from './tables.js';
export * from './cases.js';
export * from './ledger.js';
export * from './lobby.js';
