/** zod schemas for the trust boundaries; types come from src/domain and are checked against the schemas. */
export * from './locale.js';
export * from './site.js';
export * from './visit.js';
