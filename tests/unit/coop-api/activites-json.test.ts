import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activiteJson, activiteListJson } from '../../../src/hub/routes/coop/activites-json.ts';
import { toActivite, type ActiviteNames, type StoredForApi } from '../../../src/shared/coop-api/activite.ts';
import { ActiviteListSchema, ActiviteSchema } from '../../../src/shared/coop-api/resources.ts';
import { arbitraryRecord } from '../activity/arbitraries.ts';

// The JSON writer of GET /api/v1/activites must give, byte for byte, the document the schema
// makes of toActivite's object (JSON.stringify(ActiviteSchema.parse(…))).

const names: ActiviteNames = {
  commune: (insee) => (insee === '75056' ? { name: 'Paris', postcode: '75001' } : insee === '2A004' ? { name: 'Ajaccio', postcode: '' } : undefined),
  tagLabels: (ids) => ids.map((id) => (id === 't1' ? 'Quartier « prioritaire » "QPV"' : id)),
  portalNames: (ids) => ids.map((id) => (id === 'caf' ? 'CAF – allocations\u2028familiales' : id)),
};

const stored = fc.record({
  publicId: fc.uuid(),
  structureId: fc.constant('s1'),
  mediatorId: fc.string({ maxLength: 30 }),
  deleted: fc.boolean(),
  record: fc.option(arbitraryRecord, { nil: null }),
  receivedAt: fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2030-01-01') }).map((d) => d.toISOString()),
  updatedAt: fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2030-01-01') }).map((d) => d.toISOString()),
}) as fc.Arbitrary<StoredForApi>;

const bySchema = (s: StoredForApi) => JSON.stringify(ActiviteSchema.parse(toActivite(s, names)));

describe('JSON writer of the Coop activities', () => {
  it('writes every activity (live, deleted, workshop, commune, tags with quotes) as the schema does', () => {
    fc.assert(
      fc.property(stored, fc.constantFrom<string[]>([], ['t1'], ['t1', 'x"y']), (s, tags) => {
        const withTags = s.record ? { ...s, record: { ...s.record, tags } } : s;
        expect(activiteJson(withTags, names)).toBe(bySchema(withTags));
      }),
      { numRuns: 400 },
    );
  });

  it('writes a page with its links and meta as the list schema does', () => {
    fc.assert(
      fc.property(fc.array(stored, { maxLength: 20 }), fc.boolean(), (rows, more) => {
        const links = { self: { href: 'http://h/api/v1/activites?page[size]=20' }, ...(more ? { next: { href: 'http://h/api/v1/activites?page[after]=abc' } } : {}) };
        const meta = { total_count: 41, items_per_page: 20, total_pages: 3, has_next_page: more, has_prev_page: false };
        const text = activiteListJson(rows, () => names, links, meta);
        expect(text).toBe(JSON.stringify(ActiviteListSchema.parse({ data: rows.map((r) => toActivite(r, names)), links, meta })));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves to non_communique what a breakdown does not count, as fullCounts', () => {
    const base = fc.sample(arbitraryRecord, { numRuns: 1, seed: 7 })[0]!;
    const record = { ...base, type: 'collectif' as const, beneficiaries: { ...base.beneficiaries, total: 9, genre: { masculin: 2, non_communique: 1 }, ageBand: {}, status: { retraite: 9 } } };
    const s: StoredForApi = { publicId: 'p', structureId: 's1', mediatorId: 'm', deleted: false, record, receivedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
    const attrs = (JSON.parse(activiteJson(s, names)) as { attributes: { beneficiaires: Record<string, Record<string, number>> } }).attributes.beneficiaires;
    expect(attrs.genres).toEqual({ masculin: 2, feminin: 0, non_communique: 7 });
    expect(attrs.tranches_age!.non_communique).toBe(9);
    expect(attrs.statuts).toEqual({ retraite: 9, sans_emploi: 0, en_emploi: 0, scolarise: 0, non_communique: 0 });
    expect(activiteJson(s, names)).toBe(bySchema(s));
  });
});
