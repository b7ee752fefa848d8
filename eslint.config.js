// ESLint flat config. Besides the usual TypeScript rules it enforces the import zones of
// ARCHITECTURE.md: each layer may import only what the table there allows, so a stray
// `idb` import in a component or a DOM call in the domain fails `npm test`, not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A `no-restricted-imports` rule forbidding the given module patterns, with a reason. */
const zone = (patterns, message, { database = false } = {}) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }, ...(database ? [] : [DB_ZONE])] }],
});

const UI = ['lit', 'lit/*', '@lit/*'];
const IO = ['idb', 'workbox-window', 'zod', 'zod/*'];
/** The hub's query builder and database drivers: hub/db alone uses them. */
const DB = ['kysely', 'kysely/*', 'better-sqlite3', 'pg', 'pg/*'];
const DB_ZONE = { group: DB, message: 'kysely, better-sqlite3 and pg only in hub/db (one adapter per outside thing).' };
const LAYERS = {
  components: ['**/components/**'],
  kiosk: ['**/kiosk/**'],
  storage: ['**/storage/**'],
  sync: ['**/sync/**'],
  schemas: ['**/schemas/**'],
  i18n: ['**/i18n/**'],
  hub: ['**/hub/**'],
  test: ['**/test/**'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'packages/*/dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'data/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render with Lit templates.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the app runs under a strict CSP.' },
      ],
    },
  },
  {
    files: ['src/**', 'components/**', 'kiosk/**'],
    ignores: ['src/storage/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['idb', ...LAYERS.test, ...LAYERS.hub], message: 'idb only in src/storage; nothing imports test/ or hub/.' }, DB_ZONE] }] },
  },
  {
    files: ['src/domain/**'],
    rules: zone(
      [...UI, ...IO, ...Object.values(LAYERS).flat()],
      'src/domain is pure: it may import only itself and pure libraries (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['src/schemas/**'],
    rules: zone(
      [...UI, 'idb', 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, ...LAYERS.storage, ...LAYERS.sync, ...LAYERS.i18n, ...LAYERS.hub, ...LAYERS.test],
      'src/schemas may import only src/domain and zod.',
    ),
  },
  {
    files: ['src/i18n/**'],
    rules: zone([...UI, ...IO, '**/domain/**', ...Object.values(LAYERS).flat()], 'src/i18n imports nothing.'),
  },
  {
    files: ['src/storage/**'],
    rules: zone(
      [...UI, 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, ...LAYERS.sync, ...LAYERS.i18n, ...LAYERS.hub, ...LAYERS.test],
      'src/storage is the only user of idb and imports only domain and schemas.',
    ),
  },
  {
    files: ['src/sync/**'],
    rules: zone(
      [...UI, 'idb', 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, '**/desk/**', ...LAYERS.i18n, ...LAYERS.hub, ...LAYERS.test],
      'src/sync talks to the hub behind its transport and to the device through src/storage: no UI, no idb of its own.',
    ),
  },
  {
    files: ['src/invite/**', 'src/scan/**'],
    rules: zone([...UI, 'idb', 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, ...LAYERS.storage, ...LAYERS.sync, ...LAYERS.hub, ...LAYERS.test], 'src/invite and src/scan are isomorphic: domain and schemas only.'),
  },
  {
    files: ['components/**'],
    rules: zone(
      ['idb', 'workbox-window', ...LAYERS.storage, ...LAYERS.sync, ...LAYERS.kiosk, ...LAYERS.hub, ...LAYERS.test],
      'components are thin: no storage, sync or workbox (ARCHITECTURE.md). Put wiring in kiosk/.',
    ),
  },
  {
    files: ['hub/**'],
    rules: zone(
      [...UI, 'idb', 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, '**/desk/**', '**/src/storage/**', '**/src/sync/**', ...LAYERS.test],
      'hub/ may import src/domain, src/schemas, src/invite and src/i18n; only hub/db uses the database drivers (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['hub/db/**'],
    rules: zone(
      [...UI, 'idb', 'workbox-window', ...LAYERS.components, ...LAYERS.kiosk, '**/desk/**', '**/src/storage/**', '**/src/sync/**', ...LAYERS.test],
      'hub/db is the only user of kysely, better-sqlite3 and pg; it imports src/domain and src/schemas, never the browser layers.',
      { database: true },
    ),
  },
  {
    files: ['desk/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DB_ZONE] }] },
  },
  {
    files: ['kiosk/**'],
    ignores: ['kiosk/sw-bridge.ts'],
    rules: zone(['idb', 'workbox-window', ...LAYERS.hub, ...LAYERS.test], 'kiosk/sw-bridge.ts is the only user of workbox-window; idb lives in src/storage.'),
  },
);
