import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffMember } from '../../src/domain/desk.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import type { LocaleTag } from '../../src/i18n/index.js';

/** Placeholder: being built. */
export class VkDeskPlanning extends LitElement {
  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) site!: SiteConfig;
  @property({ attribute: false }) staff: StaffMember | undefined;
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  @property({ attribute: false }) locale: LocaleTag = 'en';

  override render() {
    return html``;
  }
}
