// <vk-desk-reports> in real Chromium with real IndexedDB, against an in-memory hub that builds its reply with the
// same domain arithmetic and wire schema as the hub (the hub's endpoint is tested in test/node): the month's
// figures as Chart.js bar charts (loaded on demand) with a table under each, rates as text, period navigation,
// the report and record downloads, the site-manager gate, the desk without a hub, three languages in their own
// scripts, and axe on a 390 px phone.
import { expect, fixture, html } from '@open-wc/testing';
import * as OpenCC from 'opencc-js';
import '../../desk/reports/define.js';
import type { VkDeskReports } from '../../desk/reports/vk-desk-reports.js';
import { DEMO_SITE } from '../../src/domain/demo-site.js';
import type { StaffMember } from '../../src/domain/desk.js';
import { incidentsByClass, ledgerSections, parsePeriod, periodBounds, visitSections, type Report } from '../../src/domain/reports/index.js';
import { DESK_CATALOGUES } from '../../src/i18n/desk/index.js';
import { REPORT_CATALOGUES } from '../../src/i18n/desk/reports.js';
import { reportReplySchema, type ExportFormat, type ExportKind, type ReportReply } from '../../src/schemas/reports.js';
import type { HubFile, ReportsApi } from '../../src/sync/reports-client.js';
import { button, deepText, field, until } from '../fixtures/shadow.js';

const MANAGER: StaffMember = { id: 'mgr-1', siteId: DEMO_SITE.id, name: 'Manager Ho', role: 'site-manager', pinHash: 'A'.repeat(43), pinSalt: 'B'.repeat(22), iterations: 100_000, failedAttempts: 0 };
const NOW = new Date('2026-11-20T04:00:00.000Z');
const m = REPORT_CATALOGUES.en;
let dbSeq = 0;
const dbName = () => `vk-reports-test-${Date.now()}-${dbSeq++}`;

/** A hub's reports in memory: November 2026 has three visits and two ledger contacts; other periods are empty. */
class MemoryReports implements ReportsApi {
  readonly asked: string[] = [];
  readonly exports: { what: ExportKind; format: ExportFormat; from: string; to: string }[] = [];

  summary(label: string): Promise<ReportReply> {
    this.asked.push(label);
    const period = parsePeriod(label)!;
    const bounds = periodBounds(period, DEMO_SITE.timeZone);
    const visits =
      label === '2026-11'
        ? [
            { dayKey: '2026-11-02', createdAt: '2026-11-02T01:30:00.000Z', visitorType: 'courier' },
            { dayKey: '2026-11-02', createdAt: '2026-11-02T01:40:00.000Z', visitorType: 'courier' },
            { dayKey: '2026-11-03', createdAt: '2026-11-03T06:00:00.000Z', visitorType: 'business' },
          ]
        : [];
    const ledger =
      label === '2026-11'
        ? [
            { channel: 'call', category: 'complaint', subject: 'noise', receivedAt: '2026-11-05T01:00:00.000Z', dueAt: '2026-11-06T01:00:00.000Z', stoppedAt: '2026-11-05T03:00:00.000Z', resolvedAt: '2026-11-05T03:00:00.000Z', status: 'resolved', followUps: [] },
            { channel: 'letter', category: 'consultation', subject: 'lift', receivedAt: '2026-11-06T01:00:00.000Z', dueAt: '2026-11-25T01:00:00.000Z', status: 'open', followUps: [] },
          ] as const
        : [];
    const report: Report = { period, sites: 1, sections: [...visitSections(visits, period, DEMO_SITE.timeZone), incidentsByClass(label === '2026-11' ? [{ cls: 'C', n: 1 }] : []), ...ledgerSections(ledger.map((e) => ({ ...e, followUps: [] })), bounds, NOW, 400)] };
    return Promise.resolve(reportReplySchema.parse({ scope: 'site', report, sites: [{ siteId: DEMO_SITE.id, report }] }));
  }
  reportFile(): Promise<HubFile> {
    return Promise.reject(new Error('the desk makes the report files itself'));
  }
  exportFile(what: ExportKind, format: ExportFormat, from: string, to: string): Promise<HubFile> {
    this.exports.push({ what, format, from, to });
    return Promise.resolve({ blob: new Blob(['x']), fileName: `${what}.${format}` });
  }
}

async function mount(client: ReportsApi | undefined, options: { staff?: StaffMember; locale?: 'en' | 'zh-Hant' | 'zh-Hans' } = {}): Promise<VkDeskReports> {
  const locale = options.locale ?? 'en';
  return fixture<VkDeskReports>(
    html`<vk-desk-reports .messages=${DESK_CATALOGUES[locale]} .site=${DEMO_SITE} .staff=${options.staff ?? MANAGER} .dbName=${dbName()} .locale=${locale} .client=${client} .now=${() => NOW}></vk-desk-reports>`,
  );
}

const root = (el: VkDeskReports) => el.shadowRoot!;

describe('<vk-desk-reports>', () => {
  it('shows the month from the hub as bar charts, each with its figures in a table, and rates as text', async () => {
    const hub = new MemoryReports();
    const el = await mount(hub);
    await until(() => deepText(root(el)).includes(m.sections['visits-by-type']));
    expect(hub.asked).to.deep.equal(['2026-11']);
    const text = deepText(root(el));
    expect(text).to.contain('Figures for 2026-11 (2026-11-01 to 2026-11-30)');
    // Tables: courier 2, 09:00 two visits, class C one.
    const typeTable = root(el).querySelector('section[aria-labelledby="h-visits-by-type"] table')!;
    expect(deepText(typeTable)).to.contain('Courier').and.to.contain('2');
    expect(deepText(root(el).querySelector('section[aria-labelledby="h-visits-by-hour"] table')!)).to.contain('09:00');
    // Rates: 1 of 1 answered in time (the letter's clock still runs on the 20th), 1 of 2 resolved.
    expect(deepText(root(el).querySelector('section[aria-labelledby="h-answered-within-deadline"]')!)).to.contain('100 % (1 of 1)');
    expect(deepText(root(el).querySelector('section[aria-labelledby="h-resolution-rate"]')!)).to.contain('50 % (1 of 2)');
    // The desk's own incident records: nothing due, so no rate rather than 0 %.
    expect(deepText(root(el).querySelector('section[aria-labelledby="h-incident-records-on-time"]')!)).to.contain(m.noRate);
    // Every counts section has a canvas with an accessible name, and Chart.js (loaded on demand) draws on it.
    const canvases = [...root(el).querySelectorAll('canvas')];
    expect(canvases.length).to.be.greaterThan(5);
    for (const c of canvases) expect(c.getAttribute('role')).to.equal('img');
    const { Chart } = await import('chart.js');
    await until(() => canvases.every((c) => Chart.getChart(c) !== undefined));
    expect(Chart.getChart(canvases[0]!)?.data.datasets[0]?.data).to.have.length.greaterThan(0);
  });

  it('steps to the previous period and shows an empty month as zeros', async () => {
    const hub = new MemoryReports();
    const el = await mount(hub);
    await until(() => hub.asked.length === 1);
    button(root(el), m.previous).click();
    await until(() => deepText(root(el)).includes('Figures for 2026-10'));
    await until(() => hub.asked.includes('2026-10'));
    await until(() => deepText(root(el).querySelector('section[aria-labelledby="h-visits-by-type"]')!).includes(`${m.total}: 0`));
    const kind = field<HTMLSelectElement>(root(el), m.periodKind);
    kind.value = 'year';
    kind.dispatchEvent(new Event('change'));
    await until(() => hub.asked.includes('2026'));
  });

  it('downloads the report and asks the hub for a range of records', async () => {
    const hub = new MemoryReports();
    const el = await mount(hub);
    await until(() => hub.asked.length === 1 && !button(root(el), m.reportCsv).disabled);
    const files: string[] = [];
    el.addEventListener('vk-report-download', (e) => files.push((e as CustomEvent<{ fileName: string }>).detail.fileName));
    button(root(el), m.reportCsv).click();
    await until(() => files.includes('report-2026-11.csv'));
    const what = field<HTMLSelectElement>(root(el), m.exportWhat);
    what.value = 'ledger';
    what.dispatchEvent(new Event('change'));
    button(root(el), m.exportButton).click();
    await until(() => hub.exports.length === 1);
    expect(hub.exports[0]).to.deep.equal({ what: 'ledger', format: 'xlsx', from: '2026-11-01', to: '2026-11-30' });
    await until(() => files.includes('ledger.xlsx'));
    button(root(el), m.caseLibrary).click();
    await until(() => files.includes('case-library.csv'));
  });

  it('is for site managers only', async () => {
    const el = await mount(new MemoryReports(), { staff: { ...MANAGER, role: 'receptionist' } });
    expect(deepText(root(el)).trim()).to.equal('');
  });

  it('without a hub shows the desk’s own incident figures and says where the rest comes from', async () => {
    const el = await mount(undefined);
    await until(() => deepText(root(el)).includes(m.sections['incidents-by-class']));
    const text = deepText(root(el));
    expect(text).to.contain(m.noHub);
    expect(text).not.to.contain(m.sections['visits-by-type']);
    expect(() => button(root(el), m.exportButton)).to.throw();
  });

  it('passes axe on a 390 px phone, in every language', async () => {
    for (const locale of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      const hub = new MemoryReports();
      const el = await fixture<VkDeskReports>(
        html`<div style="width: 390px"><vk-desk-reports .messages=${DESK_CATALOGUES[locale]} .site=${DEMO_SITE} .staff=${MANAGER} .dbName=${dbName()} .locale=${locale} .client=${hub} .now=${() => NOW}></vk-desk-reports></div>`,
      );
      const reports = el.querySelector('vk-desk-reports')!;
      await until(() => deepText(reports.shadowRoot!).includes(REPORT_CATALOGUES[locale].sections['visits-by-type']));
      await expect(reports).to.be.accessible();
    }
  });

  it('words each Chinese catalogue in its own script', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
    const simplifiedOnly = (c: string) => toSimplified(c) === c && toTraditional(c) !== c;
    const traditionalOnly = (c: string) => toTraditional(c) === c && toSimplified(c) !== c;
    const strings = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as Record<string, unknown>).flatMap(strings));
    const han = (text: string) => [...text].filter((c) => /\p{Script=Han}/u.test(c));
    for (const text of strings(REPORT_CATALOGUES['zh-Hant'])) expect(han(text).filter(simplifiedOnly), text).to.deep.equal([]);
    for (const text of strings(REPORT_CATALOGUES['zh-Hans'])) expect(han(text).filter(traditionalOnly), text).to.deep.equal([]);
    for (const text of strings(REPORT_CATALOGUES.en)) expect(/\p{Script=Han}/u.test(text), text).to.equal(false);
  });
});
