import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the browser library alone (packages/visitor-kiosk-web/dist): the two elements as ES modules with
 * their lazy chunks, and nothing of the hub. Everything they import (Lit, zod/mini, idb, zxing-wasm, …) is
 * bundled, so the package has no runtime dependencies: it installs offline, from a tarball, and any entry is
 * one URL a page without a bundler can load. `base: './'` makes every chunk, the decode worker and the
 * decoder's `.wasm` resolve against the module that asks for them (`import.meta.url`), wherever a host
 * serves the files.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: repo,
  base: './',
  publicDir: false, // the PWA's icons, manifest and page.css belong to the app, not to the library
  logLevel: 'warn',
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the package: they would carry every bundled library's sources (megabytes a host never needs).
    sourcemap: false,
    assetsInlineLimit: 0, // no data: URLs (a host's CSP may forbid them for scripts and wasm)
    modulePreload: { polyfill: false },
    copyPublicDir: false,
    rollupOptions: {
      input: {
        // `.`: both elements and the event classes.
        index: here('./src/index.ts'),
        'visitor-kiosk': `${repo}kiosk/define.ts`,
        'visitor-desk': `${repo}desk/define.ts`,
        // The event classes alone, without registering anything (side-effect free).
        events: here('./src/events.ts'),
      },
      // Keep the entries' exports (an app build may drop them): hosts import the classes and events.
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
