/** The pure domain: rules with no DOM, no storage and no network (ARCHITECTURE.md). */
export * from './codes.js';
export * from './errors.js';
export * from './site.js';
export * from './visit.js';
export * from './text.js';
export * from './phone.js';
export * from './identity.js';
export * from './time.js';
export * from './uuid.js';
export * from './demo-site.js';
export * from './walk-in.js';
