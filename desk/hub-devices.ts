/**
 * `<vk-hub-devices>`: on a hub-linked desk, the site's kiosks as the hub sees them — when each last synced,
 * with a warning for one silent for over an hour and for records that never arrived (a gap in its sequence:
 * a wiped or replaced tablet) — and this desk's own link: changes waiting, the hub unreachable.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineOnce } from '../components/define.js';
import { buttons, tokens } from '../components/styles/shared.js';
import type { DeskHubMessages } from '../src/i18n/desk/hub.js';
import { formatDateTime, type LocaleTag } from '../src/i18n/index.js';
import type { DeviceStatus } from '../src/schemas/sync.js';
import { KIOSK_STALE_MS, type HubView } from './hub-link.js';

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
      color: #8a4b00;
      font-weight: 600;
    }
    .note {
      color: #4a4a4a;
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
    return html`<section aria-labelledby="hub-devices-h">
      <h2 id="hub-devices-h">${m.devicesHeading}</h2>
      ${!view.online ? html`<p class="warning" part="warning">${m.hubOffline}</p>` : nothing}
      ${view.pending > 0 ? html`<p class="note">${m.pendingChanges(view.pending)}</p>` : nothing}
      ${this.revokeError ? html`<p class="warning" part="warning" role="status">${m.revokeFailed}</p>` : nothing}
      <ul>
        ${kiosks.map((d) => {
          const name = m.kiosk(d.label ?? d.deviceId.slice(-6));
          const missing = missingRecords(d);
          const last = d.lastSyncAt ? m.lastSync(time(d.lastSyncAt)) : m.neverSynced;
          return html`<li>
            <span>${name}</span> — <span>${d.revoked ? m.revoked : last}</span>
            ${!d.revoked && isStale(d, this.now) ? html`<div class="warning" part="warning">${m.staleWarning(d.lastSyncAt ? time(d.lastSyncAt) : m.neverSynced)}</div>` : nothing}
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
