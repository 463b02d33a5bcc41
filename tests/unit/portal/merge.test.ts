import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../src/shared/portal/default-catalogue.ts';
import { customisationErrors, mergeCatalogue } from '../../../src/shared/portal/merge.ts';
import { buildKioskPolicy, siteFilter } from '../../../src/shared/portal/policy.ts';
import { prefectureLinks, prefectureUrl } from '../../../src/shared/portal/prefecture.ts';
import { EMPTY_CUSTOMISATION, PortalCustomisationSchema, type PortalLink } from '../../../src/shared/portal/schema.ts';

const ids = DEFAULT_CATALOGUE.links.map((l) => l.id);
const custom = (c: Partial<typeof EMPTY_CUSTOMISATION>) => ({ ...EMPTY_CUSTOMISATION, ...c });

describe('merging a structure’s customisation', () => {
  it('keeps the catalogue as it is when nothing is customised, with a stable version', () => {
    const a = mergeCatalogue(DEFAULT_CATALOGUE, EMPTY_CUSTOMISATION);
    expect(a.links.map((l) => l.id)).toEqual(ids);
    expect(a.version).toBe(mergeCatalogue(DEFAULT_CATALOGUE, EMPTY_CUSTOMISATION).version);
    expect(a.version).not.toBe(mergeCatalogue(DEFAULT_CATALOGUE, custom({ hidden: ['caf'] })).version);
  });

  it('for any pins, hides and order: pinned first in pin order, then ordered ones, then the rest unchanged; hidden gone', () => {
    const someIds = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 8 });
    fc.assert(
      fc.property(someIds, someIds, someIds, (pinned, hidden, order) => {
        const merged = mergeCatalogue(DEFAULT_CATALOGUE, custom({ pinned, hidden, order }));
        const out = merged.links.map((l) => l.id);
        const shown = (id: string) => !hidden.includes(id);
        const expectedPinned = pinned.filter(shown);
        const expectedOrdered = order.filter((id) => shown(id) && !pinned.includes(id));
        const rest = ids.filter((id) => shown(id) && !pinned.includes(id) && !order.includes(id));
        expect(out).toEqual([...expectedPinned, ...expectedOrdered, ...rest]);
        expect(merged.links.filter((l) => l.pinned).map((l) => l.id)).toEqual(expectedPinned);
        expect(merged.links.map((l) => l.order)).toEqual(out.map((_, i) => i));
      }),
      { numRuns: 200 },
    );
  });

  it('adds generated préfectures, lets an added entry replace one, and flags hidden ones in the preview', () => {
    const generated = prefectureLinks([{ code: '59', name: 'Nord' }]);
    const own: PortalLink = { ...generated[0]!, name: 'Préfecture du Nord (Lille)', url: 'https://www.nord.gouv.fr/Demarches' };
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, custom({ added: [own], hidden: ['caf'] }), { generated, includeHidden: true });
    expect(merged.links.filter((l) => l.id === 'prefecture-59')).toEqual([expect.objectContaining({ url: own.url })]);
    expect(merged.links.find((l) => l.id === 'caf')?.hidden).toBe(true);
  });

  it('names what is wrong in a customisation', () => {
    const twice: PortalLink = { ...DEFAULT_CATALOGUE.links[0]!, id: 'mairie' };
    expect(customisationErrors(DEFAULT_CATALOGUE, custom({ added: [twice, twice], pinned: ['mairie', 'nope', 'mairie'] }))).toEqual([
      expect.objectContaining({ path: 'added.1.id' }),
      expect.objectContaining({ path: 'pinned.1' }),
      expect.objectContaining({ path: 'pinned.2' }),
    ]);
    expect(PortalCustomisationSchema.safeParse({ added: [{ ...twice, url: 'data:text/html,x' }] }).success).toBe(false);
  });
});

describe('the kiosk browser policy', () => {
  it('allows the sites of the portal (and their sub-domains) and the hub, and blocks everything else', () => {
    expect(siteFilter('https://www.caf.fr')).toBe('caf.fr');
    expect(siteFilter('https://passeport.ants.gouv.fr')).toBe('ants.gouv.fr');
    expect(siteFilter('https://www.impots.gouv.fr')).toBe('impots.gouv.fr');
    const policy = buildKioskPolicy({ links: DEFAULT_CATALOGUE.links, hubUrl: 'https://hub.example.org/', idleSeconds: 90 });
    expect(policy.URLBlocklist).toEqual(['*']);
    expect(policy.URLAllowlist).toEqual(expect.arrayContaining(['https://hub.example.org', 'caf.fr', 'ameli.fr', 'ants.gouv.fr']));
    expect(policy.URLAllowlist).not.toContain('beta.gouv.fr');
    expect(policy.IdleTimeout).toBe(2);
    expect(policy.RestoreOnStartupURLs).toEqual(['https://hub.example.org/kiosque']);
  });

  it('derives the préfecture site from the département’s name', () => {
    expect(prefectureUrl('13', 'Bouches-du-Rhône')).toBe('https://www.bouches-du-rhone.gouv.fr');
    expect(prefectureUrl('95', "Val-d'Oise")).toBe('https://www.val-doise.gouv.fr');
    expect(prefectureUrl('974', 'La Réunion')).toBe('https://www.reunion.gouv.fr');
    expect(prefectureUrl('75', 'Paris')).toMatch(/^https:\/\/www\.prefectures-regions\.gouv\.fr/);
  });
});
