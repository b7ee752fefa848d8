// Vite's `?url` import: the build copies zxing-wasm's reader `.wasm` into dist/assets/ under a hashed name
// (where the service worker's `*.wasm` precache pattern picks it up) and gives its URL. Kept in a module of
// its own because only Vite (and the test runner's small `?url` plugin) understands the suffix.
import wasmPath from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * The decoder's `.wasm`, on our own origin — resolved against this module so an embedded kiosk (whose page
 * lives on another origin) still fetches it from where the kiosk's scripts come from.
 */
export const ZXING_WASM_URL: string = new URL(wasmPath, import.meta.url).href;
