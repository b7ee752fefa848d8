import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { buttons, tokens } from '../../components/styles/shared.js';
import { deskFormStyles, deskPanelStyles } from '../form-styles.js';
import { ALERT_STATUSES, type Alert, type IncidentRecord, type StaffMember } from '../../src/domain/desk.js';
import { restrictedRooms } from '../../src/domain/guard.js';
import { ledgerSubjects } from '../../src/domain/ledger/subjects.js';
import {
  CASE_COLUMNS,
  REPORT_PERIOD_KINDS,
  caseLibrary,
  caseRows,
  incidentRecordSections,
  incidentsByClassFromAlerts,
  nextPeriod,
  percent,
  periodAt,
  periodBounds,
  previousPeriod,
  reportFlatTable,
  reportTables,
  tableCsv,
  type CountsSection,
  type RateSection,
  type Report,
  type ReportPeriod,
  type ReportPeriodKind,
  type ReportSection,
} from '../../src/domain/reports/index.js';
import type { SiteConfig } from '../../src/domain/site.js';
import type { DeskMessages } from '../../src/i18n/desk/index.js';
import { ledgerMessagesFor } from '../../src/i18n/desk/ledger.js';
import { reportMessagesFor, type ReportMessages, type ReportSectionText } from '../../src/i18n/desk/reports.js';
import { messagesFor, type LocaleTag } from '../../src/i18n/index.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from '../../src/schemas/reports.js';
import { DeskStore } from '../../src/storage/desk.js';
import { VisitStore } from '../../src/storage/index.js';
import type { ReportsApi } from '../../src/sync/reports-client.js';
import { barChart, loadChartJs, type ChartHandle } from './charts.js';

/** Counts sections with more keys than this are drawn as vertical bars (hours, days); fewer as horizontal bars (types, classes). */
const HORIZONTAL_MAX_KEYS = 16;
/** A chart's height in CSS pixels per bar when horizontal, and in total when vertical. */
const BAR_HEIGHT_PX = 28;
const VERTICAL_CHART_PX = 240;

const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/**
 * @summary The site manager's reports (issue 8): the week, month, half-year or year in the site's zone — visits by
 * type, hour and day, incidents by class, the ledger's contacts, clocks, follow-ups and satisfaction (from the hub,
 * when the desk is linked to one), and the incident records' on-time rate (this desk's own records) — as bar
 * charts with the figures in a table under each (the accessible alternative), printable, and downloadable as
 * CSV or XLSX. A linked desk also exports visits, incidents and the ledger for a date range through the hub;
 * any desk exports its typical incidents as an anonymised case library. Chart.js and exceljs load on first use.
 *
 * A composition element: it reads `DeskStore` itself, refreshes on the `vk-desk:` channel, and writes nothing.
 * Shows nothing unless the signed-in member of staff is a site manager.
 */
export class VkDeskReports extends LitElement {
  static override styles = [
    tokens,
    buttons,
    deskFormStyles,
    deskPanelStyles,
    css`
      h3 {
        font-size: 1.05em;
        margin: 1em 0 0.25em;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: end;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.25em;
      }
      .sections {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr));
        gap: 1em;
      }
      section {
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        padding: 0.5em 0.75em;
        break-inside: avoid;
      }
      .chart {
        position: relative;
        width: 100%;
      }
      .rate {
        font-size: 1.6em;
        font-weight: 700;
        margin: 0.25em 0;
      }
      .bar {
        height: 0.75em;
        background: var(--_surface);
        border-radius: 0.375em;
        overflow: hidden;
      }
      .bar > span {
        display: block;
        height: 100%;
        background: var(--_accent);
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.2em 0.4em;
        border-bottom: 1px solid var(--_surface);
      }
      td.n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      summary {
        cursor: pointer;
        min-height: 48px;
        display: flex;
        align-items: center;
      }
      summary:focus-visible {
        outline: var(--_focus);
      }
      .hint {
        color: var(--_muted);
      }
      @media print {
        .controls,
        .exports,
        button {
          display: none !important;
        }
        section {
          /* Paper is white whatever the screen's theme: a fixed grey, not a token. */
          border-color: #999;
        }
      }
    `,
  ];

  @property({ attribute: false }) messages?: DeskMessages;
  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) staff?: StaffMember;
  @property() dbName = 'visitor-kiosk';
  @property() locale: LocaleTag = 'en';
  /** The hub's reports (desk/hub-link.ts `reports`); absent: this desk's own incident figures only. */
  @property({ attribute: false }) client?: ReportsApi;
  /** The clock (injectable for tests): which period is "this" one, and what is overdue. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private kind: ReportPeriodKind = 'month';
  @state() private period: ReportPeriod | undefined;
  @state() private report: Report | undefined;
  @state() private loading = false;
  @state() private failed = false;
  @state() private notice = '';
  @state() private exportWhat: ExportKind = 'visits';
  @state() private exportFormat: ExportFormat = 'xlsx';
  @state() private exportFrom = '';
  @state() private exportTo = '';

  private charts: ChartHandle[] = [];
  private channel: BroadcastChannel | undefined;
  private loadSeq = 0;
  private drawSeq = 0;

  private get m(): ReportMessages {
    return reportMessagesFor(this.locale);
  }

  private get allowed(): boolean {
    return this.staff?.role === 'site-manager' && this.site !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.channel = new BroadcastChannel(`vk-desk:${this.dbName}`);
    this.channel.onmessage = () => void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.channel?.close();
    this.channel = undefined;
    this.destroyCharts();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('site') || changed.has('kind')) && this.site) {
      this.period = periodAt(this.kind, this.now(), this.site.timeZone);
      this.setExportRange(this.period);
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.allowed) return;
    if (changed.has('period') || changed.has('client') || changed.has('staff') || changed.has('dbName')) void this.load();
    if (changed.has('report') || changed.has('locale')) void this.drawCharts();
  }

  private setExportRange(period: ReportPeriod): void {
    this.exportFrom = period.from;
    this.exportTo = period.to;
  }

  /** This desk's own incident figures for the period: alerts by class, and the records' on-time rate. */
  private async localSections(period: ReportPeriod): Promise<ReportSection[]> {
    const site = this.site as SiteConfig;
    const store = new DeskStore(this.dbName);
    const bounds = periodBounds(period, site.timeZone);
    const alerts: Alert[] = [];
    for (const status of ALERT_STATUSES) alerts.push(...(await store.listAlerts(status)).rows);
    const records = (await store.listIncidents()).rows;
    return [incidentsByClassFromAlerts(alerts, bounds), ...incidentRecordSections(records, bounds, this.now())];
  }

  private async load(): Promise<void> {
    const period = this.period;
    if (!this.allowed || !period) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.failed = false;
    try {
      const local = await this.localSections(period);
      let report: Report = { period, sites: 1, sections: local };
      if (this.client) {
        const reply = await this.client.summary(period.label);
        const fromHub = new Set(reply.report.sections.map((s) => s.id));
        report = { ...reply.report, sections: [...reply.report.sections, ...local.filter((s) => !fromHub.has(s.id))] };
      }
      if (seq === this.loadSeq) this.report = report;
    } catch {
      if (seq === this.loadSeq) this.failed = true;
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private destroyCharts(): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
  }

  private async drawCharts(): Promise<void> {
    const seq = ++this.drawSeq;
    const lib = await loadChartJs();
    // A newer report or language arrived while the library loaded: that call draws.
    if (seq !== this.drawSeq) return;
    this.destroyCharts();
    for (const section of this.report?.sections ?? []) {
      if (section.kind !== 'counts') continue;
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-section="${section.id}"]`);
      if (!canvas) continue;
      this.charts.push(barChart(lib, canvas, section.keys.map((k) => this.keyLabel(section.id, k)), section.keys.map((k) => section.counts[k] ?? 0), section.keys.length <= HORIZONTAL_MAX_KEYS));
    }
  }

  private sectionTitle(id: string): string {
    return (this.m.sections as Record<string, string>)[id] ?? id;
  }

  /** A key as people read it: a visitor type, a class, a channel, an hour… — the code itself when unknown. */
  private keyLabel(sectionId: string, key: string): string {
    const ledger = ledgerMessagesFor(this.locale);
    const table: Partial<Record<ReportSectionText, Record<string, string>>> = {
      'visits-by-type': messagesFor(this.locale).visitorTypes,
      'incidents-by-class': this.messages?.classLabel ?? {},
      'incident-records': this.m.standings,
      'contacts-by-channel': ledger.channels,
      'contacts-by-category': ledger.categories,
      satisfaction: ledger.satisfactions,
      'contacts-by-subject': Object.fromEntries(this.site ? ledgerSubjects(this.site).map((s) => [s.code, s.label[this.locale]]) : []),
      parcels: this.m.lobbyFigures.parcels,
      'parcel-average-minutes': this.m.lobbyFigures.parcelAverage,
      'guard-cards': this.m.lobbyFigures.cards,
      'guard-goods-passes': this.m.lobbyFigures.passes,
      'guard-handovers': this.m.lobbyFigures.handovers,
      'guard-occurrences': this.messages?.guard.categories ?? {},
      // The site's own rooms by their names, the two default ones by the desk's wording.
      'guard-room-entries': { ...(this.messages?.guard.roomNames ?? {}), ...Object.fromEntries(this.site ? restrictedRooms(this.site).flatMap((r) => (r.name ? [[r.id, r.name[this.locale]]] : [])) : []) },
    };
    if (sectionId === 'visits-by-hour') return `${key}:00`;
    return table[sectionId as ReportSectionText]?.[key] ?? key;
  }

  private step(direction: -1 | 1): void {
    if (!this.period) return;
    this.period = direction < 0 ? previousPeriod(this.period) : nextPeriod(this.period);
    this.setExportRange(this.period);
  }

  private save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    this.dispatchEvent(new CustomEvent('vk-report-download', { detail: { fileName }, bubbles: true, composed: true }));
  }

  private async run(task: () => Promise<void>): Promise<void> {
    this.notice = '';
    try {
      await task();
    } catch {
      this.notice = this.m.downloadFailed;
    }
  }

  private downloadReport(format: ExportFormat): Promise<void> {
    return this.run(async () => {
      const report = this.report;
      if (!report) return;
      const name = `report-${report.period.label}`;
      if (format === 'csv') this.save(new Blob([tableCsv(reportFlatTable(report))], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
      else {
        const { xlsxBlob } = await import('./xlsx.js');
        this.save(await xlsxBlob(reportTables(report)), `${name}.xlsx`);
      }
    });
  }

  private exportRecords(event: Event): Promise<void> {
    event.preventDefault();
    return this.run(async () => {
      if (!this.client || !this.exportFrom || !this.exportTo || this.exportFrom > this.exportTo) throw new Error('range');
      const file = await this.client.exportFile(this.exportWhat, this.exportFormat, this.exportFrom, this.exportTo);
      this.save(file.blob, file.fileName);
    });
  }

  private caseLibrary(): Promise<void> {
    return this.run(async () => {
      const site = this.site as SiteConfig;
      const records: IncidentRecord[] = (await new DeskStore(this.dbName).listIncidents()).rows.filter((r) => r.typicalCase);
      const visits = new VisitStore(this.dbName);
      const names = new Map<string, string[]>();
      for (const record of records) {
        const visit = record.visitId !== undefined ? await visits.get(record.visitId) : undefined;
        names.set(record.id, [visit?.visitor.fullName ?? '', record.handledBy ?? '', this.staff?.name ?? '']);
      }
      const cases = caseLibrary(records, site.timeZone, (r) => names.get(r.id) ?? []);
      this.save(new Blob([tableCsv({ columns: CASE_COLUMNS, rows: caseRows(cases) })], { type: 'text/csv;charset=utf-8' }), 'case-library.csv');
    });
  }

  private print(): void {
    // Closed <details> do not print: open the figures for the print, then put them back. The desk hides its
    // panels when printing (`screen-only`: a printout is the evacuation list); this one prints when asked to.
    const closed = [...this.renderRoot.querySelectorAll('details:not([open])')];
    const screenOnly = this.classList.contains('screen-only');
    for (const d of closed) d.setAttribute('open', '');
    this.classList.remove('screen-only');
    try {
      window.print();
    } finally {
      for (const d of closed) d.removeAttribute('open');
      if (screenOnly) this.classList.add('screen-only');
    }
  }

  private renderCounts(section: CountsSection): TemplateResult {
    const title = this.sectionTitle(section.id);
    const horizontal = section.keys.length <= HORIZONTAL_MAX_KEYS;
    const height = horizontal ? Math.max(2, section.keys.length) * BAR_HEIGHT_PX : VERTICAL_CHART_PX;
    return html`<section aria-labelledby="h-${section.id}">
      <h3 id="h-${section.id}">${title}</h3>
      <p>${this.m.total}: ${section.total}</p>
      <div class="chart" style="height: ${height}px"><canvas data-section=${section.id} role="img" aria-label=${fill(this.m.chartLabel, { title })}></canvas></div>
      <details>
        <summary>${fill(this.m.tableOf, { title })}</summary>
        <table>
          <caption class="hint">${title}</caption>
          <thead><tr><th scope="col">${this.m.key}</th><th scope="col">${this.m.count}</th></tr></thead>
          <tbody>
            ${section.keys.map((k) => html`<tr><th scope="row">${this.keyLabel(section.id, k)}</th><td class="n">${section.counts[k] ?? 0}</td></tr>`)}
            <tr><th scope="row">${this.m.total}</th><td class="n">${section.total}</td></tr>
          </tbody>
        </table>
      </details>
    </section>`;
  }

  private renderRate(section: RateSection): TemplateResult {
    const value = percent(section.rate);
    const text = value === undefined ? this.m.noRate : fill(this.m.rateOf, { rate: value, numerator: section.numerator, denominator: section.denominator });
    return html`<section aria-labelledby="h-${section.id}">
      <h3 id="h-${section.id}">${this.sectionTitle(section.id)}</h3>
      <p class="rate">${text}</p>
      ${value === undefined ? nothing : html`<div class="bar" aria-hidden="true"><span style="width: ${Math.min(100, value)}%"></span></div>`}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.allowed || !this.period) return nothing;
    const m = this.m;
    const period = this.period;
    const report = this.report;
    return html`<h2>${m.heading}</h2>
      <div class="controls row">
        <div class="field">
          <label for="kind">${m.periodKind}</label>
          <select id="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as ReportPeriodKind)}>
            ${REPORT_PERIOD_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${m.periodKinds[k]}</option>`)}
          </select>
        </div>
        <button type="button" @click=${() => this.step(-1)}>${m.previous}</button>
        <button type="button" @click=${() => this.step(1)}>${m.next}</button>
        <button type="button" @click=${() => void this.downloadReport('csv')} ?disabled=${!report}>${m.reportCsv}</button>
        <button type="button" @click=${() => void this.downloadReport('xlsx')} ?disabled=${!report}>${m.reportXlsx}</button>
        <button type="button" @click=${() => this.print()}>${m.print}</button>
      </div>
      <p>${fill(m.showing, { period: period.label, from: period.from, to: period.to })}${report && report.sites > 1 ? ` · ${fill(m.sites, { n: report.sites })}` : ''}</p>
      <p aria-live="polite">${this.loading ? m.loading : this.failed ? m.failed : ''}${this.notice}</p>
      ${this.client ? nothing : html`<p class="hint">${m.noHub}</p>`}
      ${report ? html`<div class="sections">${report.sections.map((s) => (s.kind === 'counts' ? this.renderCounts(s) : this.renderRate(s)))}</div>` : nothing}
      <div class="exports">
        <h3>${m.exportsHeading}</h3>
        ${this.client
          ? html`<form class="row" @submit=${(e: Event) => void this.exportRecords(e)}>
              <div class="field">
                <label for="what">${m.exportWhat}</label>
                <select id="what" @change=${(e: Event) => (this.exportWhat = (e.target as HTMLSelectElement).value as ExportKind)}>
                  ${EXPORT_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.exportWhat}>${m.exportKinds[k]}</option>`)}
                </select>
              </div>
              <div class="field"><label for="from">${m.from}</label><input id="from" type="date" .value=${this.exportFrom} @change=${(e: Event) => (this.exportFrom = (e.target as HTMLInputElement).value)} /></div>
              <div class="field"><label for="to">${m.to}</label><input id="to" type="date" .value=${this.exportTo} @change=${(e: Event) => (this.exportTo = (e.target as HTMLInputElement).value)} /></div>
              <div class="field">
                <label for="format">${m.format}</label>
                <select id="format" @change=${(e: Event) => (this.exportFormat = (e.target as HTMLSelectElement).value as ExportFormat)}>
                  ${EXPORT_FORMATS.map((f) => html`<option value=${f} ?selected=${f === this.exportFormat}>${f.toUpperCase()}</option>`)}
                </select>
              </div>
              <button type="submit">${m.exportButton}</button>
            </form>`
          : nothing}
        <p class="hint">${m.caseLibraryHint}</p>
        <button type="button" @click=${() => void this.caseLibrary()}>${m.caseLibrary}</button>
      </div>`;
  }
}
