import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, givenStructure, type TestHub } from '../helpers/hub.ts';
import { findBySourceId } from '../../src/hub/repositories/venues.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';
import { aPlace as anyPlace, csvOf, givenTablet, importText, pullAll } from './venues-helpers.ts';

// Issue 13: a place is (source, id in the source); one source never replaces another's rows;
// the same place from two sources is linked (devices show one), and a padded postcode must
// belong to the row's commune.

// Each place its own SIRET unless the test is about a shared one.
let siret = 30000000000000;
const aPlace = (o: Record<string, string> = {}) => anyPlace({ pivot: String(siret++), ...o });

const numbered = (n: number, prefix: string, extra: Record<string, string> = {}) =>
  Array.from({ length: n }, (_, i) =>
    aPlace({ id: String(i + 1), pivot: '', nom: `${prefix} lieu ${i + 1}`, adresse: `${i + 1} rue ${prefix}`, ...extra }),
  ).map((r) => {
    const { pivot: _p, ...rest } = r;
    return { ...rest, pivot: `R${prefix.slice(0, 3).toUpperCase()}${String(r.id).padStart(6, '0')}` };
  });

describe.each(DIALECTS)('venue sources on %s', (dialect) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await givenHub(dialect);
  });
  afterAll(async () => hub?.close());

  it('keeps two sources numbering their places 1, 2, 3… apart, whatever the order of imports', async () => {
    const first = numbered(90, 'Alpes');
    const second = numbered(62, 'Provence');
    const a = await importText(hub, csvOf(first), { source: 'hub-alpes' });
    expect(a).toMatchObject({ total: 90, imported: 90, rejected: [], linked: [] });
    const b = await importText(hub, csvOf(second), { source: 'hub-provence' });
    expect(b).toMatchObject({ total: 62, imported: 62, updated: 0, unchanged: 0, rejected: [], linked: [] });
    expect(b.sources).toEqual({ 'hub-provence': { total: 62, imported: 62, updated: 0, unchanged: 0, rejected: 0, linked: 0 } });
    const again = await importText(hub, csvOf(first), { source: 'hub-alpes' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 90 });

    const one = await findBySourceId(hub.database.db, '1');
    expect(one.map((p) => [p.source, p.venue.nom]).sort()).toEqual([
      ['hub-alpes', 'Alpes lieu 1'],
      ['hub-provence', 'Provence lieu 1'],
    ]);
    expect(new Set(one.map((p) => p.id)).size).toBe(2);
    expect(one.find((p) => p.source === 'hub-alpes')!.id).toBe('hub-alpes:1');
  });

  it("takes each row's own source before the one given for the file, and refuses a row with neither", async () => {
    const rows = [aPlace({ id: 's-1', source: 'dora', nom: 'Dora', adresse: '1 rue Dora' }), aPlace({ id: 's-1', nom: 'Autre', adresse: '3 rue Autre' }), aPlace({ id: 's-2', nom: 'Sans', adresse: '9 rue Sans' })];
    const withDefault = await importText(hub, csvOf(rows), { source: 'cr93' });
    expect(withDefault).toMatchObject({ total: 3, imported: 3, rejected: [] });
    expect(Object.keys(withDefault.sources).sort()).toEqual(['cr93', 'dora']);
    expect((await findBySourceId(hub.database.db, 's-1')).map((p) => p.source).sort()).toEqual(['cr93', 'dora']);

    const without = await importText(hub, csvOf([aPlace({ id: 's-3', nom: 'Perdu', adresse: '1 rue Perdue' })]), { source: '' });
    expect(without.imported).toBe(0);
    expect(without.rejected).toEqual([{ row: 2, id: 's-3', errors: [expect.objectContaining({ path: 'source', message: expect.stringContaining('source') })] }]);
    expect(without.sources).toEqual({ '(sans source)': { total: 1, imported: 0, updated: 0, unchanged: 0, rejected: 1, linked: 0 } });
  });

  it('refuses a source name or a source id beyond their bounds, accepts them at the bound', async () => {
    const atBound = await importText(hub, csvOf([aPlace({ id: 'b'.repeat(120), nom: 'Borne', adresse: '1 rue Borne', source: 's'.repeat(80) })]));
    expect(atBound).toMatchObject({ imported: 1, rejected: [] });
    const beyond = await importText(hub, csvOf([aPlace({ id: 'c'.repeat(121), nom: 'Trop', adresse: '2 rue Trop', source: 't'.repeat(81) })]));
    expect(beyond.rejected[0]!.errors.map((e) => e.path).sort()).toEqual(['id', 'source']);
  });

  it('links the same place from two sources (same SIRET, or same name and address) and devices get it once', async () => {
    const structure = await givenStructure(hub, 'Centre des Bouches-du-Rhône', ['13']);
    const tablet = await givenTablet(hub, structure);
    const fs1 = aPlace({ id: 'fs-7', pivot: '21130055300016', nom: 'France Services Marseille 2', commune: 'Marseille', code_postal: '13002', adresse: '4 place Sadi-Carnot' });
    const cn1 = aPlace({ id: '7', pivot: '21130055300016', nom: 'Espace France Services', commune: 'Marseille', code_postal: '13002', adresse: '4, pl. Sadi Carnot' });
    const byName = aPlace({ id: 'x-1', pivot: '00000000000000', nom: 'Médiathèque Saint-Charles', code_postal: '13003', adresse: '12 bd National' });
    const byNameOther = aPlace({ id: '99', pivot: '00000000000000', nom: 'MEDIATHEQUE ST CHARLES', code_postal: '13003', adresse: '12 boulevard National' });
    const sameSiretElsewhere = aPlace({ id: '8', pivot: '21130055300016', nom: 'Antenne', commune: 'Aix-en-Provence', code_postal: '13100', adresse: '1 rue Espariat' });
    await importText(hub, csvOf([fs1, byName]), { source: 'france-services' });
    const report = await importText(hub, csvOf([cn1, byNameOther, sameSiretElsewhere]), { source: 'conseiller-numerique' });
    expect(report).toMatchObject({ total: 3, imported: 1, rejected: [] });
    expect(report.linked.map((l) => [l.row, l.sourceId, l.linkedTo.source, l.linkedTo.sourceId, l.linkedTo.by])).toEqual([
      [2, '7', 'france-services', 'fs-7', 'pivot'],
      [3, '99', 'france-services', 'x-1', 'nom+adresse'],
    ]);
    expect(report.sources['conseiller-numerique']).toMatchObject({ total: 3, imported: 1, linked: 2 });
    // The hub keeps both origins…
    expect((await findBySourceId(hub.database.db, '7')).find((p) => p.source === 'conseiller-numerique')).toMatchObject({ source: 'conseiller-numerique', linkedTo: 'france-services:fs-7' });
    // …the device gets one place for each.
    const store = new Map<string, Venue>();
    await pullAll(hub, tablet, store);
    const names = [...store.values()].map((v) => v.nom);
    expect(names).toContain('France Services Marseille 2');
    expect(names).toContain('Antenne');
    expect(names).not.toContain('Espace France Services');
    expect(names).not.toContain('MEDIATHEQUE ST CHARLES');
    // Re-importing says the same again, unchanged.
    const again = await importText(hub, csvOf([cn1, byNameOther, sameSiretElsewhere]), { source: 'conseiller-numerique' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    expect(again.linked).toHaveLength(2);
  });

  it('puts back a lost leading zero only when the postcode belongs to the commune; otherwise names both values', async () => {
    const rows = [
      aPlace({ id: 'cp-1', code_postal: '1300', commune: 'Marseille', nom: 'Lieu du 13', adresse: '1 rue A' }),
      aPlace({ id: 'cp-2', code_postal: '1300', commune: 'Belley', nom: 'Lieu de Belley', adresse: '1 rue B' }),
      aPlace({ id: 'cp-3', code_postal: '1300', commune: 'Marseille', code_insee: '13055', nom: 'Lieu INSEE', adresse: '1 rue C' }),
      aPlace({ id: 'cp-4', code_postal: '13003', commune: 'Marseille', code_insee: '13203', nom: 'Lieu 3e', adresse: '1 rue D' }),
    ];
    const report = await importText(hub, csvOf(rows), { source: 'postcodes' });
    expect(report.rejected.map((r) => r.id)).toEqual(['cp-1', 'cp-3']);
    const [m1, m3] = report.rejected.map((r) => r.errors.find((e) => e.path === 'code_postal')!.message);
    expect(m1).toContain('« 1300 »');
    expect(m1).toContain('« 01300 »');
    expect(m1).toContain('Marseille');
    expect(m3).toContain('13055');
    const belley = (await findBySourceId(hub.database.db, 'cp-2'))[0]!.venue;
    expect(belley).toMatchObject({ code_postal: '01300', departement: '01', code_insee: '01034' });
    // The département comes from the INSEE code (an arrondissement of Marseille is in 13).
    expect((await findBySourceId(hub.database.db, 'cp-4'))[0]!.venue).toMatchObject({ departement: '13', code_insee: '13203' });
  });

  it('groups warnings by kind with counts and a few examples; the full list only on request', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => aPlace({ pivot: String(40000000000000 + i), id: `w-${i}`, nom: `Lieu W${i}`, adresse: `${i} rue W`, date_maj: '1970-01-01', telephone: `0${i}` }));
    const short = await importText(hub, csvOf(rows), { source: 'warnings', full: false });
    expect(short.warningCount).toBe(80);
    expect(short.warningList).toBeUndefined();
    expect(short.warnings.map((g) => [g.path, g.count, g.examples.length])).toEqual([
      ['date_maj', 40, 3],
      ['telephone', 40, 3],
    ]);
    expect(short.warnings[0]!.examples[0]).toMatchObject({ row: 2, id: 'w-0' });
    const full = await importText(hub, csvOf(rows), { source: 'warnings', full: true });
    expect(full.warningList).toHaveLength(80);
    expect(full.unchanged).toBe(40);
  });
});
