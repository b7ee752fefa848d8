import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Messages } from '../../src/i18n/index.js';
import { tokens } from '../styles/shared.js';

/** Colour bands by kind of visitor, so a guard can tell at a glance who may be where. */
export type BadgeBand = 'guest' | 'contractor' | 'delivery' | 'resident' | 'official' | 'group';

/**
 * @summary A visitor badge for a 62 mm label roll or an A6 sheet: name (or the unit for an invited visitor
 * whose code carries no name), organisation, the unit visited (never a resident's name), date and validity,
 * the visitor type on a colour band, the site's "no photography" note, and a QR code for check-out.
 * Shown only when printing (`@media print`); the page must define the `vk-label` and `vk-a6` `@page` rules
 * (the kiosk page does, in page.css).
 * @csspart badge - the badge card.
 */
export class VkBadge extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: none;
      }
      @media print {
        :host {
          display: block;
          color: #000;
          font-size: 11pt;
        }
      }
      .badge {
        page: vk-label;
        width: 58mm;
        border: 0.3mm solid #000;
        border-radius: 2mm;
        overflow: hidden;
        break-inside: avoid;
      }
      :host([format='a6']) .badge {
        page: vk-a6;
        width: 95mm;
        font-size: 14pt;
      }
      .band {
        color: #fff;
        font-weight: 700;
        padding: 1.5mm 3mm;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      /* Band colours: dark enough for white text on a thermal or colour label. Classes, not inline styles:
         the CSP forbids style attributes. */
      .guest {
        background: #0b5cad;
      }
      .contractor {
        background: #b34700;
      }
      .delivery {
        background: #555555;
      }
      .resident {
        background: #1e7b34;
      }
      .official {
        background: #6a1b9a;
      }
      .group {
        background: #00695c;
      }
      .body {
        padding: 2mm 3mm;
      }
      .name {
        font-size: 1.5em;
        font-weight: 700;
        margin: 0;
        overflow-wrap: anywhere;
      }
      p {
        margin: 0.5mm 0;
      }
      img {
        display: block;
        width: 28mm;
        height: 28mm;
        margin: 1mm auto 0;
        image-rendering: pixelated;
      }
      .note {
        font-weight: 700;
        border-top: 0.3mm solid #000;
        margin-top: 1mm;
        padding-top: 1mm;
      }
    `,
  ];

  @property({ attribute: false }) messages!: Messages;
  /** 62 mm label (default) or A6. */
  @property({ reflect: true }) format: '62mm' | 'a6' = '62mm';
  /** The visitor's name, or empty for an invited visitor (the unit is shown large instead). */
  @property({ attribute: false }) name = '';
  @property({ attribute: false }) organisation = '';
  /** The unit or office visited — never a resident's name. */
  @property({ attribute: false }) host = '';
  /** Date and validity, already formatted in the site's time zone. */
  @property({ attribute: false }) validity = '';
  @property({ attribute: false }) visitorType = '';
  @property({ attribute: false }) band: BadgeBand = 'guest';
  @property({ attribute: false }) noPhotography = false;
  /** The check-out QR code as a data: URL image (a signed badge token; no personal data in it). */
  @property({ attribute: false }) qr = '';

  override render() {
    const m = this.messages;
    return html`<div class="badge" part="badge">
      <div class="band ${this.band}">${m.badgeTitle} · ${this.visitorType}</div>
      <div class="body">
        <p class="name">${this.name || this.host}</p>
        ${this.organisation ? html`<p>${this.organisation}</p>` : nothing}
        <p>${m.host}: ${this.host}</p>
        <p>${this.validity}</p>
        ${this.qr ? html`<img src=${this.qr} alt=${m.badgeQrAlt} />` : nothing}
        ${this.noPhotography ? html`<p class="note">${m.noPhotography}</p>` : nothing}
      </div>
    </div>`;
  }
}
