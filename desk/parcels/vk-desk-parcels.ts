import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type SignaturePad from 'signature_pad';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles, deskPanelStyles } from '../form-styles.js';
import { closeChannels, openWriteChannels } from '../write-channels.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { KioskError } from '../../src/domain/errors.js';
import {
  MAX_LOBBY_TEXT,
  MAX_PARCEL_COUNT,
  ageOf,
  arriveFoodDelivery,
  collectParcel,
  foodDeliveriesOf,
  isNotified,
  lobbySettings,
  markNotified,
  parcelsOf,
  receiveParcel,
  unitIdFor,
  validateLane,
  waitingOldestFirst,
  type FoodDeliveryRecord,
  type LaneErrors,
  type ParcelRecord,
} from '../../src/domain/lobby/parcel.js';
import { moveRecord } from '../../src/domain/lobby/record.js';
import type { SiteConfig } from '../../src/domain/site.js';
import { localDayKey } from '../../src/domain/time.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { parcelMessagesFor, type ParcelMessages } from '../../src/i18n/desk/parcels.js';
import { formatDateTime, type LocaleTag } from '../../src/i18n/index.js';
import { RecordStore, newRecordId } from '../../src/storage/records.js';
import { captureLabelFrame, fitsLabelPhoto, openLabelCamera, stopCamera } from './label-camera.js';

/**
 * Rows of waiting parcels rendered at first, and added per **Show more**: a lobby with 1 000 parcels waiting
 * (a building after a shopping festival) must paint as fast as one with ten. The list is oldest first, so the
 * rows staff act on are always on the first page.
 */
export const PARCEL_PAGE_ROWS = 50;
/** How far back "Collected today" looks for the day a parcel arrived (one that waited longer is still collected, just not listed). */
export const COLLECTED_LOOKBACK_DAYS = 31;
/** How often the panel looks again without being told (another device's writes may arrive unannounced). */
export const PARCELS_POLL_MS = 30_000;
/**
 * The signature pad's drawing size in CSS pixels: fits a 390 px phone with the panel's padding, and keeps the
 * stored SVG small. The canvas is drawn at this size exactly so pointer positions map one to one.
 */
const PAD_WIDTH = 320;
const PAD_HEIGHT = 160;

type EntryKind = 'parcel' | 'food';

/**
 * @summary The parcel custody log and the desk's delivery lane (issue 7 items 1–2): log a parcel or a food
 * rider in a few keystrokes; what is still waiting, oldest first with its age; the unit notified (by the hub
 * when the desk is hub-linked, else **Phoned the unit**); collection by whom, on whose behalf, with a signature
 * drawn on the screen (an empty pad is refused); a parcel collected twice is refused with who took it and when.
 *
 * A composition element: reads and writes lobby records through `RecordStore` (src/storage/records.ts) in
 * `dbName` (the hub-linked desk's `…:hub` copy receives kiosks' and other desks' records from the hub), and
 * refreshes on the `vk-desk:` and `vk-storage:` channels. Shows nothing without a signed-in staff member.
 */
export class VkDeskParcels extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    deskPanelStyles,
    css`
      li.row {
        /* Each row lays out and paints on its own: a page added below leaves the others alone. */
        contain: layout paint;
      }
      form {
        display: grid;
        gap: 0.5em;
        margin-bottom: var(--_space);
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      .field input {
        width: 100%;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-top: 0.5em;
      }
      .muted {
        color: var(--_muted);
      }
      .age {
        font-weight: 700;
      }
      .error {
        color: var(--_danger);
        font-weight: 600;
      }
      .status {
        min-height: 1.5em;
        font-weight: 600;
      }
      canvas {
        display: block;
        width: ${PAD_WIDTH}px;
        height: ${PAD_HEIGHT}px;
        max-width: 100%;
        border: 2px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        /* Paper white whatever the theme, on purpose: the pen draws black (the stored signature is black ink on
           white, for the record and its export), so the pad and the stored image keep the paper they were
           signed on; its border takes the theme's token. */
        background: #fff;
        touch-action: none;
      }
      video.label-camera {
        display: block;
        width: 320px;
        max-width: 100%;
        background: #000;
        border-radius: calc(var(--_radius) / 2);
      }
      img.label-photo {
        display: block;
        max-width: 120px;
        height: auto;
      }
      img.signature {
        display: block;
        max-width: 160px;
        height: auto;
        background: #fff; /* the paper the signature was drawn on (see canvas above) */
      }
      button:focus-visible,
      input:focus-visible,
      canvas:focus-visible {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      @media (min-width: 48rem) {
        form.entry {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        form.entry .full {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  @query('canvas') private canvas!: HTMLCanvasElement | null;
  @query('video.label-camera') private labelVideo!: HTMLVideoElement | null;

  @property({ attribute: false }) messages!: DeskMessages;
  @property({ attribute: false }) site!: SiteConfig;
  @property({ attribute: false }) staff: StaffMember | undefined;
  @property({ attribute: false }) dbName = 'visitor-kiosk';
  @property({ attribute: false }) locale: LocaleTag = 'en';
  /** Rows per page of the waiting list; benchmarks set `Infinity` for the render-everything baseline. */
  @property({ attribute: false }) pageSize = PARCEL_PAGE_ROWS;
  /** The clock: injected by tests. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private waiting: ParcelRecord[] = [];
  @state() private food: FoodDeliveryRecord[] = [];
  @state() private collected: ParcelRecord[] = [];
  @state() private limit = PARCEL_PAGE_ROWS;
  @state() private filter = '';
  @state() private kind: EntryKind = 'parcel';
  @state() private errors: LaneErrors = {};
  @state() private status = '';
  @state() private collecting: ParcelRecord | undefined;
  @state() private collectError = '';
  @state() private busy = false;
  /** The label camera is showing (the site enables label photos and staff asked for one). */
  @state() private cameraOpen = false;
  /** The label photo taken for the parcel being logged (a JPEG data URL). */
  @state() private labelPhoto: string | undefined;
  @state() private photoError = '';

  private stream: MediaStream | undefined;

  private pad: SignaturePad | undefined;
  private channels: BroadcastChannel[] = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  private refreshing: Promise<void> | undefined;

  private get p(): ParcelMessages {
    return parcelMessagesFor(this.locale);
  }

  /** Rows of the waiting list rendered now (for tests and benchmarks). */
  get renderedRows(): number {
    return this.renderRoot.querySelectorAll('li.parcel').length;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.openChannels();
    this.poll = setInterval(() => void this.refresh(), PARCELS_POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    closeChannels(this.channels);
    this.channels = [];
    this.pad?.off();
    this.pad = undefined;
    this.closeCamera();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('pageSize')) this.limit = this.pageSize;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('dbName') && changed.get('dbName') !== undefined) this.openChannels();
    if (changed.has('dbName') || changed.has('site') || changed.has('staff')) void this.refresh();
    if (changed.has('collecting')) void this.preparePad();
  }

  private openChannels(): void {
    closeChannels(this.channels);
    this.channels = openWriteChannels(this.dbName, () => void this.refresh());
  }

  /** Loads the lists again; one run at a time. */
  refresh(): Promise<void> {
    const run = () => this.load();
    const next = (this.refreshing ?? Promise.resolve()).then(run, run);
    this.refreshing = next;
    return next;
  }

  private async load(): Promise<void> {
    if (!this.staff || !this.site) return;
    const store = new RecordStore(this.dbName);
    const now = this.now();
    const today = localDayKey(now, this.site.timeZone);
    // What waits first: the list paints before the day's collections (a second, longer read) arrive.
    const [parcels, food] = await Promise.all([store.byState('parcel', ['received', 'notified']), store.byState('food-delivery', ['waiting', 'notified'])]);
    const waiting = parcelsOf(parcels.rows);
    // The parcel being collected stays on screen while its form is open, even when another desk collects it
    // meanwhile: this desk's Confirm then gets the refusal naming who took it, instead of a vanished form.
    const open = this.collecting;
    if (open && !waiting.some((r) => r.id === open.id)) waiting.push(open);
    this.waiting = waitingOldestFirst(waiting);
    this.food = waitingOldestFirst(foodDeliveriesOf(food.rows));
    // Collected today may have arrived days ago: look back a while, keep those whose collection is today.
    const recent = await store.byDays('parcel', localDayKey(new Date(now.getTime() - COLLECTED_LOOKBACK_DAYS * 86_400_000), this.site.timeZone), today);
    this.collected = parcelsOf(recent.rows).filter((r) => r.state === 'collected' && r.data.collection !== undefined && localDayKey(new Date(r.data.collection.at), this.site.timeZone) === today).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private time(iso: string): string {
    return formatDateTime(new Date(iso), this.locale, this.site.timeZone);
  }

  private announce(): void {
    const channel = new BroadcastChannel(`vk-desk:${this.dbName}`);
    channel.postMessage({ type: 'changed' });
    channel.close();
  }

  /** A hub-linked desk (its copy is `…:hub`) lets the hub tell the unit; a standalone desk phones. */
  private get notifyRoute(): 'hub' | 'phone' {
    return this.dbName.endsWith(':hub') ? 'hub' : 'phone';
  }

  // ——— handlers ———

  private async handleLog(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const staff = this.staff;
    if (!staff || this.busy) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const input = { company: String(data.get('company') ?? ''), unit: String(data.get('unit') ?? ''), count: String(data.get('count') ?? '1') };
    const checked = validateLane(input, this.kind === 'parcel' ? ['company', 'count'] : ['company']);
    this.errors = checked.errors ?? {};
    if (!checked.ok) {
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.busy = true;
    try {
      const now = this.now();
      const unitId = unitIdFor(this.site.directory.units, checked.value.unit);
      const facts = { id: newRecordId(now), siteId: this.site.id, timeZone: this.site.timeZone, now, source: 'desk' as const, notify: this.notifyRoute, by: staff.id, ...(unitId ? { unitId } : {}) };
      const store = new RecordStore(this.dbName);
      if (this.kind === 'parcel') {
        const photo = this.labelPhotoEnabled ? this.labelPhoto : undefined;
        await store.create((deviceId) => receiveParcel({ ...facts, deviceId }, { carrier: checked.value.company, unit: checked.value.unit, count: checked.value.count, ...(photo ? { labelPhoto: photo } : {}) }), now);
        this.labelPhoto = undefined;
      } else {
        await store.create((deviceId) => arriveFoodDelivery({ ...facts, deviceId }, { company: checked.value.company, unit: checked.value.unit }), now);
      }
      this.status = this.p.logged(checked.value.unit);
      form.reset();
      this.renderRoot.querySelector<HTMLInputElement>('[name="company"]')?.focus();
      this.announce();
      await this.refresh();
    } catch {
      this.status = this.p.errFailed;
    } finally {
      this.busy = false;
    }
  }

  private get labelPhotoEnabled(): boolean {
    return lobbySettings(this.site).parcelLabelPhoto;
  }

  private async openCamera(): Promise<void> {
    this.photoError = '';
    this.cameraOpen = true;
    try {
      const stream = await openLabelCamera();
      // Closed (Cancel, or the panel left) while the camera was starting: end it at once.
      if (!this.cameraOpen) return stopCamera(stream);
      this.stream = stream;
      await this.updateComplete;
      const video = this.labelVideo;
      if (!video) return this.closeCamera();
      video.srcObject = stream;
      await video.play();
    } catch {
      this.closeCamera();
      this.photoError = this.p.errCamera;
    }
  }

  /** Ends every camera track and drops the video. */
  private closeCamera(): void {
    stopCamera(this.stream);
    this.stream = undefined;
    if (this.labelVideo) this.labelVideo.srcObject = null;
    this.cameraOpen = false;
  }

  private capture(): void {
    const video = this.labelVideo;
    const photo = video ? captureLabelFrame(video) : undefined;
    // One frame is all that is kept: the camera ends whether or not it was usable.
    this.closeCamera();
    if (photo === undefined) {
      this.photoError = this.p.errCamera;
    } else if (!fitsLabelPhoto(photo)) {
      this.photoError = this.p.errLabelPhotoTooBig;
    } else {
      this.photoError = '';
      this.labelPhoto = photo;
    }
  }

  private renderLabelPhoto(): TemplateResult | typeof nothing {
    if (this.kind !== 'parcel' || !this.labelPhotoEnabled) return nothing;
    const p = this.p;
    return html`<div class="field full">
      <span class="muted" id="label-photo-hint">${p.labelPhotoHint}</span>
      ${this.cameraOpen
        ? html`<video class="label-camera" muted playsinline autoplay aria-label=${p.labelPhotoCamera} aria-describedby="label-photo-hint"></video>
            <div class="actions">
              <button type="button" @click=${this.capture}>${p.labelPhotoCapture}</button>
              <button type="button" @click=${this.closeCamera}>${p.cancel}</button>
            </div>`
        : this.labelPhoto
          ? html`<span>${p.labelPhotoTaken}</span>
              <img class="label-photo" src=${this.labelPhoto} alt=${p.labelPhotoTaken} />
              <div class="actions"><button type="button" @click=${() => (this.labelPhoto = undefined)}>${p.labelPhotoRemove}</button></div>`
          : html`<div class="actions"><button type="button" aria-describedby="label-photo-hint" @click=${this.openCamera}>${p.labelPhoto}</button></div>`}
      ${this.photoError ? html`<span class="error" role="alert">${this.photoError}</span>` : nothing}
    </div>`;
  }

  private async handleNotified(record: ParcelRecord | FoodDeliveryRecord): Promise<void> {
    const staff = this.staff;
    if (!staff) return;
    await this.move(record.id, (r) => markNotified(r as ParcelRecord, staff.id, this.now()));
  }

  private async handleFood(record: FoodDeliveryRecord, to: 'collected' | 'left'): Promise<void> {
    const staff = this.staff;
    if (!staff) return;
    await this.move(record.id, (r) => moveRecord<object>(r, to, this.now(), staff.id) as FoodDeliveryRecord);
  }

  private async move<R extends ParcelRecord | FoodDeliveryRecord>(id: string, fn: (r: R) => R): Promise<void> {
    this.busy = true;
    try {
      await new RecordStore(this.dbName).update<R>(id, fn, this.now());
      this.announce();
    } catch (error) {
      this.status = error instanceof KioskError && error.code === 'record-transition-invalid' ? this.p.errFailed : this.p.errFailed;
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  private openCollect(record: ParcelRecord): void {
    this.collectError = '';
    this.collecting = record;
  }

  private async preparePad(): Promise<void> {
    this.pad?.off();
    this.pad = undefined;
    if (!this.collecting) return;
    // Loaded on first use: the desk's first paint does not wait for the signature library.
    const { default: Pad } = await import('signature_pad');
    const canvas = this.canvas;
    if (!canvas || !this.collecting) return;
    canvas.width = PAD_WIDTH;
    canvas.height = PAD_HEIGHT;
    this.pad = new Pad(canvas, { penColor: '#000', minWidth: 0.8, maxWidth: 2.2 });
    this.renderRoot.querySelector<HTMLInputElement>('[name="collector"]')?.focus();
  }

  private async handleCollect(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const staff = this.staff;
    const record = this.collecting;
    if (!staff || !record || this.busy) return;
    const data = new FormData(e.target as HTMLFormElement);
    const collectorName = String(data.get('collector') ?? '').trim();
    const onBehalfOf = String(data.get('behalf') ?? '').trim();
    if (collectorName === '') {
      this.collectError = this.p.errRequired;
      this.renderRoot.querySelector<HTMLInputElement>('[name="collector"]')?.focus();
      return;
    }
    if (!this.pad || this.pad.isEmpty()) {
      this.collectError = this.p.errSignature;
      return;
    }
    const signature = this.pad.toDataURL('image/svg+xml');
    this.busy = true;
    try {
      const now = this.now();
      await new RecordStore(this.dbName).update<ParcelRecord>(record.id, (r) => collectParcel(r, { collectorName, ...(onBehalfOf ? { onBehalfOf } : {}), signature, staffId: staff.id }, now), now);
      this.status = this.p.collectedLine(collectorName, onBehalfOf || undefined, this.time(now.toISOString()));
      this.collecting = undefined;
      this.announce();
    } catch (error) {
      this.collectError = this.collectErrorText(error);
    } finally {
      this.busy = false;
      await this.refresh();
    }
  }

  private collectErrorText(error: unknown): string {
    if (!(error instanceof KioskError)) return this.p.errFailed;
    if (error.code === 'parcel-already-collected') return this.p.errAlreadyCollected(String(error.details['by'] ?? ''), this.time(String(error.details['at'] ?? '')));
    if (error.code === 'signature-required') return this.p.errSignature;
    if (error.code === 'too-long') return this.p.errTooLong(MAX_LOBBY_TEXT);
    if (error.code === 'required') return this.p.errRequired;
    return this.p.errFailed;
  }

  // ——— render ———

  private fieldError(name: 'company' | 'unit' | 'count'): TemplateResult | typeof nothing {
    const err = this.errors[name];
    if (!err) return nothing;
    const text = err.code === 'required' ? this.p.errRequired : err.code === 'too-long' ? this.p.errTooLong(MAX_LOBBY_TEXT) : this.p.errCount(MAX_PARCEL_COUNT);
    return html`<span class="error" id=${`${name}-err`}>${text}</span>`;
  }

  private chooseKind(kind: EntryKind): void {
    // A food rider has no label: the camera closes with the parcel form.
    if (kind !== 'parcel') this.closeCamera();
    this.kind = kind;
  }

  private renderEntry(): TemplateResult {
    const p = this.p;
    const kinds: [EntryKind, string][] = [
      ['parcel', p.kindParcel],
      ['food', p.kindFood],
    ];
    return html`
      <h3>${p.receiveHeading}</h3>
      <form class="entry" @submit=${this.handleLog} novalidate>
        <fieldset class="full">
          <legend>${p.entryKind}</legend>
          ${kinds.map(([k, label]) => html`<button type="button" aria-pressed=${this.kind === k ? 'true' : 'false'} @click=${() => this.chooseKind(k)}>${label}</button>`)}
        </fieldset>
        <div class="field">
          <label for="p-company">${this.kind === 'parcel' ? p.carrier : p.foodCompany}</label>
          <input id="p-company" name="company" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} aria-invalid=${this.errors.company ? 'true' : 'false'} aria-describedby=${this.errors.company ? 'company-err' : nothing} />
          ${this.fieldError('company')}
        </div>
        <div class="field">
          <label for="p-unit">${p.unit}</label>
          <input id="p-unit" name="unit" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} aria-invalid=${this.errors.unit ? 'true' : 'false'} aria-describedby=${this.errors.unit ? 'unit-err' : nothing} />
          ${this.fieldError('unit')}
        </div>
        ${this.kind === 'parcel'
          ? html`<div class="field">
              <label for="p-count">${p.count}</label>
              <input id="p-count" class="count" name="count" inputmode="numeric" value="1" aria-invalid=${this.errors.count ? 'true' : 'false'} aria-describedby=${this.errors.count ? 'count-err' : nothing} />
              ${this.fieldError('count')}
            </div>`
          : nothing}
        ${this.renderLabelPhoto()}
        <div class="actions full"><button type="submit" ?disabled=${this.busy}>${this.kind === 'parcel' ? p.logParcel : p.logFood}</button></div>
      </form>
    `;
  }

  private renderParcel(r: ParcelRecord, now: Date): TemplateResult {
    const p = this.p;
    const age = ageOf(r.createdAt, now);
    const phoned = r.history.find((h) => h.state === 'notified');
    return html`<li class="row parcel">
      <strong>${r.data.unit}</strong> · ${p.parcels(r.data.count)}${r.data.carrier ? html` · ${r.data.carrier}` : nothing}
      · <span class="age">${p.age(age.days, age.hours, age.minutes)}</span>
      <div class="muted">${p.receivedAt(this.time(r.createdAt))}${r.data.source === 'kiosk' ? html` (${p.fromKiosk})` : nothing}</div>
      ${r.data.labelPhoto ? html`<img class="label-photo" src=${r.data.labelPhoto} alt=${p.labelPhotoAlt(r.data.unit)} loading="lazy" />` : nothing}
      <div class="muted">${r.data.notify === 'hub' ? p.notifiedHub : phoned ? p.notifiedPhone(this.time(phoned.at)) : nothing}</div>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.openCollect(r)}>${p.collect}</button>
        ${!isNotified(r) ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.handleNotified(r)}>${p.notifyByPhone}</button>` : nothing}
      </div>
      ${this.collecting?.id === r.id ? this.renderCollect(r) : nothing}
    </li>`;
  }

  private renderCollect(r: ParcelRecord): TemplateResult {
    const p = this.p;
    return html`<form @submit=${this.handleCollect} novalidate aria-labelledby="collect-h">
      <h3 id="collect-h">${p.collectHeading(r.data.unit)}</h3>
      <div class="field">
        <label for="c-name">${p.collectorName}</label>
        <input id="c-name" name="collector" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} />
      </div>
      <div class="field">
        <label for="c-behalf">${p.onBehalfOf}</label>
        <input id="c-behalf" name="behalf" autocomplete="off" maxlength=${MAX_LOBBY_TEXT} .value=${r.data.unit} />
      </div>
      <div class="field">
        <span id="sig-label">${p.signatureLabel}</span>
        <span class="muted" id="sig-hint">${p.signatureHint}</span>
        <canvas role="img" aria-labelledby="sig-label" aria-describedby="sig-hint" width=${PAD_WIDTH} height=${PAD_HEIGHT}></canvas>
      </div>
      <div class="error" role="alert">${this.collectError}</div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${p.confirmCollection}</button>
        <button type="button" @click=${() => this.pad?.clear()}>${p.clearSignature}</button>
        <button type="button" @click=${() => (this.collecting = undefined)}>${p.cancel}</button>
      </div>
    </form>`;
  }

  private renderFood(r: FoodDeliveryRecord, now: Date): TemplateResult {
    const p = this.p;
    const age = ageOf(r.createdAt, now);
    return html`<li class="row">
      <strong>${r.data.unit}</strong>${r.data.company ? html` · ${r.data.company}` : nothing} · <span class="age">${p.age(age.days, age.hours, age.minutes)}</span>
      <div class="muted">${r.data.notify === 'hub' ? p.notifiedHub : nothing}</div>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.handleFood(r, 'collected')}>${p.foodHandedOver}</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.handleFood(r, 'left')}>${p.foodLeft}</button>
        ${!isNotified(r) ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.handleNotified(r)}>${p.notifyByPhone}</button>` : nothing}
      </div>
    </li>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.staff || !this.site) return nothing;
    const p = this.p;
    const now = this.now();
    const key = this.filter.replace(/\s+/g, '').toLowerCase();
    const shown = key ? this.waiting.filter((r) => r.data.unit.replace(/\s+/g, '').toLowerCase().includes(key)) : this.waiting;
    const page = shown.slice(0, this.limit);
    const more = Math.min(this.pageSize, shown.length - page.length);
    return html`<section aria-labelledby="parcels-h">
      <h2 id="parcels-h">${p.heading}</h2>
      ${this.renderEntry()}
      <div class="status" role="status">${this.status}</div>
      ${this.food.length > 0
        ? html`<h3>${p.foodHeading(this.food.length)}</h3>
            <ul aria-label=${p.foodHeading(this.food.length)}>${this.food.map((r) => this.renderFood(r, now))}</ul>`
        : nothing}
      <h3 id="waiting-h">${p.waitingHeading(this.waiting.length)}</h3>
      <div class="field">
        <label for="p-filter">${p.filterUnit}</label>
        <input id="p-filter" type="search" autocomplete="off" .value=${this.filter} @input=${(e: InputEvent) => ((this.filter = (e.target as HTMLInputElement).value), (this.limit = this.pageSize))} />
      </div>
      ${page.length === 0 ? html`<p class="muted">${p.noneWaiting}</p>` : html`<ul aria-labelledby="waiting-h">${repeat(page, (r) => r.id, (r) => this.renderParcel(r, now))}</ul>`}
      ${more > 0 ? html`<button type="button" @click=${() => (this.limit += this.pageSize)}>${p.showMore(more)}</button>` : nothing}
      ${this.collected.length > 0
        ? html`<h3 id="collected-h">${p.collectedHeading}</h3>
            <ul aria-labelledby="collected-h">
              ${this.collected.map((r) => {
                const c = r.data.collection;
                if (!c) return nothing;
                return html`<li class="row collected">
                  <strong>${r.data.unit}</strong> · ${p.parcels(r.data.count)}${r.data.carrier ? html` · ${r.data.carrier}` : nothing}
                  <div>${p.collectedLine(c.collectorName, c.onBehalfOf, this.time(c.at))}</div>
                  <img class="signature" src=${c.signature} alt=${p.signatureAlt(c.collectorName)} width="160" height="80" />
                </li>`;
              })}
            </ul>`
        : nothing}
    </section>`;
  }
}
