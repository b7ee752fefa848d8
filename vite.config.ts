import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Builds the kiosk PWA into dist/: the app shell, its lazy chunks, and a Workbox service worker that
 * precaches all of it so a kiosk that has loaded once starts and registers visitors with no network.
 * The worker waits for the kiosk to be idle before an update takes over (kiosk/sw-bridge.ts).
 */
export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0, // no data: URLs for scripts or styles: the CSP allows 'self' only
    // Every browser we target preloads modules natively; the polyfill would only add a script to the first screen.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The desk has two pages: desk.html (standalone, this device's records) and desk-hub.html (signed in at
      // the hub that serves it — the hub serves it at /desk).
      // demo.html is the host-portal demo (/demo); embed/*.html the frame mode's pages (/embed/kiosk, /embed/desk).
      // Two entries: the PWA page, and `/visitor-kiosk.js`, the one module a host page loads to embed the
      // element (a stable name; its chunks are hashed and live under assets/).
      input: { index: 'index.html', desk: 'desk.html', 'desk-hub': 'desk-hub.html', invitation: 'invitation.html', answer: 'answer.html', demo: 'demo.html', 'embed-kiosk': 'embed/kiosk.html', 'embed-desk': 'embed/desk.html', 'visitor-kiosk': 'kiosk/define.ts', 'visitor-desk': 'desk/define.ts' },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'visitor-kiosk' || chunk.name === 'visitor-desk' ? `${chunk.name}.js` : 'assets/[name]-[hash].js',
      },
    },
  },
  plugins: [
    VitePWA({
      injectRegister: false, // kiosk/sw-bridge.ts registers it, through workbox-window
      registerType: 'prompt',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/icon.svg', 'page.css'],
      manifest: {
        id: '/',
        name: 'Visitor Kiosk',
        short_name: 'Visitors',
        description: 'Visitor registration for the lobby: 繁體中文, 简体中文 and English.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}'],
        // The reports' spreadsheet writer (≈ 930 KB) and charts (≈ 200 KB) are for a manager on a hub-linked desk,
        // which is online to read a report at all: a lobby tablet must not download them to its precache.
        globIgnores: ['**/exceljs.min-*.js', '**/chart-*.js'],
        navigateFallback: '/index.html',
        // The desk is its own page (/desk → desk.html through the precache's clean URLs), not the kiosk's.
        // The demo and the frame pages are not the kiosk either: never answered with index.html.
        navigateFallbackDenylist: [/^\/api\//, /^\/desk/, /^\/invitation/, /^\/answer/, /^\/demo/, /^\/embed\//],
        // `/demo?embed=frame` is demo.html from the precache like `/demo` (the mode is read by the page's script).
        ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^embed$/],
        cleanupOutdatedCaches: true,
        // An update waits: the kiosk tells the new worker to take over only while nobody is using it.
        skipWaiting: false,
        clientsClaim: false,
        sourcemap: false,
      },
    }),
  ],
});
