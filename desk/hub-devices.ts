/**
 * `<vk-hub-devices>`: on a hub-linked desk, the site's kiosks as the hub sees them — when each last synced,
 * with a warning for one silent for over an hour and for records that never arrived (a gap in its sequence:
 * a wiped or replaced tablet) — and this desk's own link: changes waiting, the hub unreachable.
 *
 * With `loadHealth` (GET /api/v1/health/site), also the hub's health — API version, database, the disk of its
 * data — and what each kiosk reported with its last pull (changes in its outbox, its storage use); a kiosk is
 * then judged silent by the hub, against the site's `health.silentMinutes`. Read again every HEALTH_REFRESH_MS.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineOnce } from '../components/define.js';
import { buttons, tokens } from '../components/styles/shared.js';
import type { DeskHubMessages } from '../src/i18n/desk/hub.js';
import { formatDateTime, type LocaleTag } from '../src/i18n/index.js';
import type { DeviceStatus, SiteHealthReply } from '../src/schemas/sync.js';
import { KIOSK_STALE_MS, type HubView } from './hub-link.js';

/** How often the health view is read again: kiosks pull every minute, the hub checks health every minute. */
export const HEALTH_REFRESH_MS = 60_000;

/** A byte count in the desk's language: MB below a gigabyte, GB above (one decimal). */
export function formatBytes(bytes: number, locale: LocaleTag): string {
  const giga = bytes >= 1e9;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: giga ? 'gigabyte' : 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / (giga ? 1e9 : 1e6));
}

/** How many records a kiosk's gaps stand for (inclusive ranges). */
export const missingRecords = (device: Pick<DeviceStatus, 'gaps'>): number => device.gaps.reduce((n, [from, to]) => n + (to - from + 1), 0);

/** Whether a kiosk has been silent for longer than `KIOSK_STALE_MS` at `now` (never synced counts as silent). */
export const isStale = (device: Pick<DeviceStatus, 'lastSyncAt'>, now: Date): boolean =>
  device.lastSyncAt === undefined || now.getTime() - Date.parse(device.lastSyncAt) > KIOSK_STALE_MS;

/**
 * @summary The hub's kiosks with their warnings, and this desk's own sync state.
 * @csspart warning - a kiosk's warning line.
 */
export class VkHubDevices extends LitElement {
  static override styles = [
    tokens,
    buttons,
    css`
    :host {
      display: block;
    }
    h2 {
      font-size: 1.2em;
      margin: 1.25em 0 0.5em;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 6px;
    }
    .warning {
      color: var(--vk-color-warning, #8a4b00);
      font-weight: 600;
    }
    .note {
      color: var(--vk-color-muted, #4a4a4a);
    }
    li button {
      margin-left: 0.5em;
    }
  `,
  ];

  /**
   * Revokes a kiosk at the hub; set only for a site manager (the hub refuses everyone else anyway). Absent:
   * no **Revoke** buttons.
   */
  @property({ attribute: false }) revoke: ((deviceId: string) => Promise<void>) | undefined;

  @state() private revokeError = false;

  /** Reads the hub's health (the desk passes its hub link's `siteHealth`); absent: no health shown. */
  @property({ attribute: false }) loadHealth: (() => Promise<SiteHealthReply>) | undefined;

  @state() private health: SiteHealthReply | undefined;
  @state() private healthFailed = false;
  #healthTimer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#healthTimer = setInterval(() => void this.refreshHealth(), HEALTH_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#healthTimer);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('loadHealth')) void this.refreshHealth();
  }

  /** Reads the health view now; a failure keeps the last one and says so. */
  async refreshHealth(): Promise<void> {
    const load = this.loadHealth;
    if (!load) {
      this.health = undefined;
      return;
    }
    try {
      this.health = await load();
      this.healthFailed = false;
    } catch {
      this.healthFailed = true;
    }
  }

  private async handleRevoke(deviceId: string, name: string) {
    const m = this.messages;
    if (!m || !this.revoke || !window.confirm(m.confirmRevoke(name))) return;
    try {
      this.revokeError = false;
      await this.revoke(deviceId);
    } catch {
      this.revokeError = true;
    }
  }

  /** The hub mode's wording. */
  @property({ attribute: false }) messages: DeskHubMessages | undefined;
  /** What the link knows (desk/hub-link.ts). */
  @property({ attribute: false }) view: HubView | undefined;
  /** The time the warnings are judged at (the desk passes its refresh time). */
  @property({ attribute: false }) now = new Date();
  @property({ attribute: false }) locale: LocaleTag = 'en';
  @property({ attribute: false }) timeZone = 'UTC';

  override render() {
    const m = this.messages;
    const view = this.view;
    if (!m || !view) return nothing;
    const time = (iso: string) => formatDateTime(new Date(iso), this.locale, this.timeZone);
    const kiosks = view.devices.filter((d) => d.role === 'kiosk').sort((a, b) => (a.label ?? a.deviceId).localeCompare(b.label ?? b.deviceId));
    const health = this.health;
    const reports = new Map(health?.kiosks.map((k) => [k.deviceId, k]));
    const bytes = (n: number) => formatBytes(n, this.locale);
    return html`<section aria-labelledby="hub-devices-h">
      <h2 id="hub-devices-h">${m.devicesHeading}</h2>
      ${health?.hub ? html`<p class="note">${m.hubHealth(health.hub.version, health.hub.db === 'sqlite' ? 'SQLite' : 'PostgreSQL')}</p>` : nothing}
      ${health?.disk ? html`<p class="note">${m.diskSpace(bytes(health.disk.freeBytes), bytes(health.disk.totalBytes))}</p>` : nothing}
      ${this.healthFailed ? html`<p class="note">${m.healthUnavailable}</p>` : nothing}
      ${!view.online ? html`<p class="warning" part="warning">${m.hubOffline}</p>` : nothing}
      ${view.pending > 0 ? html`<p class="note">${m.pendingChanges(view.pending)}</p>` : nothing}
      ${this.revokeError ? html`<p class="warning" part="warning" role="status">${m.revokeFailed}</p>` : nothing}
      <ul>
        ${kiosks.map((d) => {
          const name = m.kiosk(d.label ?? d.deviceId.slice(-6));
          const missing = missingRecords(d);
          const last = d.lastSyncAt ? m.lastSync(time(d.lastSyncAt)) : m.neverSynced;
          const report = reports.get(d.deviceId);
          // The hub's judgement (the site's limit) when the health view is there; else the desk's own hour.
          const silent = report ? report.silent : isStale(d, this.now);
          const lastSeen = d.lastSyncAt ? time(d.lastSyncAt) : m.neverSynced;
          return html`<li>
            <span>${name}</span> — <span>${d.revoked ? m.revoked : last}</span>
            ${!d.revoked && report?.reportedAt !== undefined && report.pending !== undefined
              ? html`<div class="note">${m.kioskReport(report.pending, report.storageBytes !== undefined ? bytes(report.storageBytes) : undefined, time(report.reportedAt))}</div>`
              : nothing}
            ${!d.revoked && silent ? html`<div class="warning" part="warning">${report && health ? m.silentWarning(health.silentMinutes, lastSeen) : m.staleWarning(lastSeen)}</div>` : nothing}
            ${!d.revoked && missing > 0 ? html`<div class="warning" part="warning">${m.gapWarning(missing)}</div>` : nothing}
            ${!d.revoked && this.revoke ? html`<button type="button" aria-label=${`${m.revoke}: ${name}`} @click=${() => void this.handleRevoke(d.deviceId, name)}>${m.revoke}</button>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

defineOnce('vk-hub-devices', VkHubDevices);

declare global {
  interface HTMLElementTagNameMap {
    'vk-hub-devices': VkHubDevices;
  }
}
