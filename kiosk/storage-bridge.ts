/**
 * The kiosk's door to on-device storage. It is loaded after the welcome screen is interactive (dynamic
 * import), so idb and the row schemas do not weigh on the first screen; every later call reuses one store.
 */
import type { VisitStore } from '../src/storage/index.js';

const stores = new Map<string, Promise<VisitStore>>();
let persistenceAsked = false;

/** The store for `dbName`, loading the storage module on first use. */
export function visitStore(dbName: string): Promise<VisitStore> {
  let store = stores.get(dbName);
  if (!store) {
    store = import('../src/storage/index.js').then((m) => new m.VisitStore(dbName));
    stores.set(dbName, store);
  }
  return store;
}

/**
 * Asks the browser once per page to keep our storage under pressure (`navigator.storage.persist()`) and
 * records the answer in the database, so support can tell why a tablet lost data (it should not).
 */
export async function askPersistence(dbName: string): Promise<boolean> {
  if (persistenceAsked) return false;
  persistenceAsked = true;
  const m = await import('../src/storage/index.js');
  return m.requestPersistence(dbName);
}

/** How long a help call may wait unacknowledged before the desk escalates it (the rules' default for alerts). */
const HELP_ESCALATION_MS = 2 * 60 * 1000;

/**
 * "Ask staff for help" pressed: a (non-incident) call on the desks of this device, announced at once. Nothing
 * about the visitor goes with it — the kiosk only says where help is needed.
 */
export async function callForHelp(dbName: string, siteId: string): Promise<void> {
  const { DeskStore } = await import('../src/storage/desk.js');
  const now = new Date();
  await new DeskStore(dbName).raiseAlert(
    { siteId, kind: 'help', notify: [], escalateAt: new Date(now.getTime() + HELP_ESCALATION_MS) },
    now,
  );
  const channel = new BroadcastChannel(`vk-desk:${dbName}`);
  channel.postMessage({ type: 'changed' });
  channel.close();
}
