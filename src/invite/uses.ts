/**
 * The local record of uses: how often this device has admitted each invitation or pass (by its `jti`). The
 * kiosk backs it with IndexedDB; the hub issue enforces uses across devices.
 */

/** Counts and records uses of a token id. Implementations must count every recorded use, not distinct days. */
export interface UseRecorder {
  /** How many uses of `jti` this device has recorded. */
  count(jti: string): Promise<number>;
  /** Records one use of `jti` at `at`. */
  record(jti: string, at: Date): Promise<void>;
}

/** A `UseRecorder` in memory, for tests and Node tools; forgets everything when the process ends. */
export class MemoryUseRecorder implements UseRecorder {
  readonly #uses = new Map<string, Date[]>();

  count(jti: string): Promise<number> {
    return Promise.resolve(this.#uses.get(jti)?.length ?? 0);
  }

  record(jti: string, at: Date): Promise<void> {
    const list = this.#uses.get(jti);
    if (list) list.push(at);
    else this.#uses.set(jti, [at]);
    return Promise.resolve();
  }

  /** When `jti` was used, oldest first (a copy). */
  usesOf(jti: string): Date[] {
    return [...(this.#uses.get(jti) ?? [])];
  }
}
