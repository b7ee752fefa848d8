/**
 * The public events of CONTRACT.md as typed Event subclasses. Only the root elements dispatch them, with
 * `composed: true` so they cross the host page's shadow roots. Details carry ids, codes and times — never
 * names, phone or ID numbers: every script on a host page can read a composed event.
 */

export interface VisitEventDetail {
  /** The record's UUID. */
  readonly visitId: string;
  /** ISO-8601 UTC. */
  readonly at: string;
}

/** `vk-visit-registered`'s detail: the kiosk sends `{ visitId, at }`; the desk adds `visitorType`. */
export interface VisitRegisteredDetail extends VisitEventDetail {
  /**
   * The stable code of the visitor type (e.g. `media`) — **desk only**: the kiosk never sends it, because a
   * type can give a classification away to whatever page hosts the kiosk (CONTRACT.md).
   */
  readonly visitorType?: string;
}

export interface SyncStateDetail {
  /** Records stored on this device that the hub has not acknowledged yet. */
  readonly pending: number;
  readonly online: boolean;
  /** ISO-8601 UTC of the last successful sync, or null when there has been none (no hub configured). */
  readonly lastSyncAt: string | null;
}

const init = { bubbles: true, composed: true } as const;

/** A visit record is durably stored on the device. */
export class VisitRegisteredEvent extends Event {
  static readonly eventName = 'vk-visit-registered';
  constructor(readonly detail: VisitRegisteredDetail) {
    super(VisitRegisteredEvent.eventName, init);
  }
}

/** A valid invitation or a receptionist confirmed the visit. */
export class VisitCheckedInEvent extends Event {
  static readonly eventName = 'vk-visit-checked-in';
  constructor(readonly detail: VisitEventDetail) {
    super(VisitCheckedInEvent.eventName, init);
  }
}

/** The visitor left. */
export class VisitCheckedOutEvent extends Event {
  static readonly eventName = 'vk-visit-checked-out';
  constructor(readonly detail: VisitEventDetail) {
    super(VisitCheckedOutEvent.eventName, init);
  }
}

/** The pending count, online state or last sync time changed. */
export class SyncStateChangeEvent extends Event {
  static readonly eventName = 'vk-sync-state-change';
  constructor(readonly detail: SyncStateDetail) {
    super(SyncStateChangeEvent.eventName, init);
  }
}

export interface LocaleChangeDetail {
  /** `en`, `zh-Hant` or `zh-Hans`. */
  readonly locale: 'en' | 'zh-Hant' | 'zh-Hans';
}

/**
 * The kiosk's language changed (a visitor's tap, `setLanguage()`, the `lang` attribute or a reset): a host
 * page may mirror it, e.g. in `<html lang>`. Not a CONTRACT.md event — it says nothing about any visit.
 */
export class LocaleChangeEvent extends Event {
  static readonly eventName = 'vk-locale-change';
  constructor(readonly detail: LocaleChangeDetail) {
    super(LocaleChangeEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-locale-change': LocaleChangeEvent;
    'vk-visit-registered': VisitRegisteredEvent;
    'vk-visit-checked-in': VisitCheckedInEvent;
    'vk-visit-checked-out': VisitCheckedOutEvent;
    'vk-sync-state-change': SyncStateChangeEvent;
  }
}
