/**
 * One pusher at a time per database: the kiosk and a second tab (or a reloaded page whose old push is still
 * in flight) must not read and send the same outbox entries at once. The Web Locks API holds the lock across
 * tabs and workers of the origin and releases it when a page goes away; where it is missing, a lock inside
 * the page at least keeps this page's own pushes apart. Replays would be harmless anyway (the hub
 * acknowledges a seq it holds without applying it again) — the lock saves the traffic and keeps the
 * pending count honest.
 */

/** Runs `task` while holding the lock; resolves with its result. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The lock named `name`: Web Locks when the browser has them, else a queue in this page. */
export function namedLock(name: string): Lock {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks) return (task) => locks.request(name, task);
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
