// `npm run hub -- export --what … --format …` and `npm run hub -- report --period …` (hub/cli/reports.ts)
// against a real SQLite file: CSV and XLSX with formula cells neutralised, the report's figures, audited as
// `cli`, and refused flags. The embedded database in a directory of the test's own, whatever DATABASE_URL says.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { UsageError, runCli } from '../../hub/cli/main.js';
import { openStore } from '../../hub/db/index.js';
import { makeVisit } from './hub/fixtures.js';

let dir = '';
const env = () => ({ DATA_DIR: dir, PORT: '8080', DATABASE_URL: '' });
const quiet = { out: () => undefined };
const cli = (argv: string[]) => runCli(argv, { env: env(), ...quiet });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vk-hub-reports-cli-'));
  await cli(['pair-kiosk']); // creates the demo site (Hong Kong)
  const store = await openStore({ dataDir: dir });
  try {
    await store.write(async (repo) => {
      const at = '2026-10-31T17:00:00.000Z'; // 01:00 on 1 November in Hong Kong
      await repo.insertVisits(
        [
          makeVisit('dev-1', 1, { dayKey: '2026-11-01', createdAt: at, updatedAt: at, history: [{ status: 'registered', at }], visitor: { fullName: '+Formula Name', phone: '', organisation: '=1+1', partySize: 1 }, visitorType: 'courier' }),
          makeVisit('dev-1', 2, { dayKey: '2026-12-01', createdAt: '2026-11-30T17:00:00.000Z', updatedAt: '2026-11-30T17:00:00.000Z', visitorType: 'courier' }),
        ],
        at,
      );
    });
  } finally {
    await store.close();
  }
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run hub -- export / report', () => {
  it('exports a month of visits as CSV and XLSX, neutralised, and audits both as the command line', async () => {
    const printed: string[] = [];
    await runCli(['export', '--what', 'visits', '--format', 'csv', '--from', '2026-11-01', '--to', '2026-11-30'], { env: env(), out: (l) => printed.push(l) });
    const csv = printed.join('');
    assert.ok(csv.startsWith('visit_id,'), csv);
    assert.equal(csv.trim().split('\r\n').length, 2, 'the header and November’s one visit');
    assert.ok(csv.includes(",'+Formula Name,") && csv.includes(",'=1+1,"), csv);

    const file = join(dir, 'visits.xlsx');
    const lines = await cli(['export', '--what', 'visits', '--format', 'xlsx', '--from', '2026-11-01', '--to', '2026-11-30', '--out', file]);
    assert.match(lines.join('\n'), /written: .*visits\.xlsx \(\d+ bytes\)/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const values: unknown[] = [];
    book.getWorksheet('visits')?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    assert.ok(values.includes("'+Formula Name") && values.includes("'=1+1"), JSON.stringify(values));

    const store = await openStore({ dataDir: dir });
    try {
      const audit = await store.read((repo) => repo.audit.page('demo', {}, 10));
      assert.equal(audit.filter((e) => e.actor === 'cli' && e.action === 'export' && e.target === 'visits 2026-11-01..2026-11-30').length, 2, JSON.stringify(audit));
    } finally {
      await store.close();
    }
  });

  it('prints a site’s monthly report as JSON and CSV', async () => {
    const printed: string[] = [];
    await runCli(['report', '--period', '2026-11'], { env: env(), out: (l) => printed.push(l) });
    const report = JSON.parse(printed.join('')) as { sections: { id: string; counts?: Record<string, number>; total?: number }[] };
    const byHour = report.sections.find((s) => s.id === 'visits-by-hour');
    assert.equal(byHour?.counts?.['01'], 1);
    assert.equal(report.sections.find((s) => s.id === 'visits-by-type')?.total, 1);
    const csv: string[] = [];
    await runCli(['report', '--period', '2026-W44', '--format', 'csv'], { env: env(), out: (l) => csv.push(l) });
    assert.ok(csv.join('').includes('visits-by-type,courier,1\r\n'), csv.join(''));
  });

  it('refuses unknown kinds, formats, periods and dates', async () => {
    for (const argv of [
      ['export', '--what', 'people', '--format', 'csv'],
      ['export', '--what', 'visits', '--format', 'pdf'],
      ['export', '--what', 'visits', '--format', 'csv', '--from', '2026-02-30'],
      ['report', '--period', '2026-13'],
      ['report'],
      ['report', '--period', '2026-11', '--what', 'visits'],
    ]) {
      await assert.rejects(cli(argv), UsageError, argv.join(' '));
    }
  });
});
