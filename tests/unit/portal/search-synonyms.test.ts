import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../src/shared/portal/default-catalogue.ts';
import { visibleLinks } from '../../../src/shared/portal/localise.ts';
import { linkInCategory, PORTAL_CATEGORY_IDS, PORTAL_LANGUAGES } from '../../../src/shared/portal/schema.ts';
import { DEFAULT_SYNONYMS, searchLinks } from '../../../src/shared/portal/search.ts';
import { CATALOGUE_TEXTS } from '../../../src/shared/portal/texts/index.ts';

// The words people say at the desk are not the sites' names: the synonyms beside the catalogue
// take "mutuelle", "RSA", "APL" or "carte grise" to the right sites, in every kiosk language.

const links = visibleLinks(DEFAULT_CATALOGUE, 'kiosk');
const ids = (q: string) => searchLinks(links, q).map((l) => l.id);

describe('portal search synonyms', () => {
  it('"mutuelle" finds the Complémentaire santé solidaire and ameli, first', () => {
    expect(ids('mutuelle').slice(0, 2)).toEqual(['complementaire-sante-solidaire', 'ameli']);
    expect(ids('Mutuelle')).toEqual(ids('mutuelle'));
  });

  it('"RSA" brings the CAF first, and not the retirement funds (no match inside "CARSAT")', () => {
    const found = ids('RSA');
    expect(found[0]).toBe('caf');
    expect(found).not.toContain('lassuranceretraite');
    expect(found).not.toContain('inforetraite');
  });

  it('"APL" brings the CAF first, and not FranceConnect', () => {
    const found = ids('apl');
    expect(found[0]).toBe('caf');
    expect(found).not.toContain('franceconnect');
  });

  it('"carte grise" brings the registration site, then France Titres', () => {
    expect(ids('carte grise').slice(0, 2)).toEqual(['carte-grise', 'ants']);
  });

  it('finds by the words of other languages too', () => {
    expect(ids('health insurance')[0]).toBe('ameli');
    expect(ids('مساعدة السكن')[0]).toBe('caf');
    expect(ids('ehliyet')[0]).toBe('permis');
  });

  it('never shows a professional tool through a synonym on the kiosk', () => {
    const withPro = [...links, ...DEFAULT_CATALOGUE.links.filter((l) => l.audience === 'pro')];
    const synonyms = new Map([['aide', ['aidants-connect', 'caf']]]);
    expect(searchLinks(links, 'aide', synonyms).map((l) => l.id)).not.toContain('aidants-connect');
    expect(searchLinks(withPro, 'aide', synonyms)[0]?.id).toBe('aidants-connect');
  });

  it('has synonyms in every kiosk language, each naming sites of the catalogue', () => {
    const known = new Set(DEFAULT_CATALOGUE.links.map((l) => l.id));
    for (const lang of PORTAL_LANGUAGES) {
      const entries = Object.entries(CATALOGUE_TEXTS[lang].synonyms);
      expect(entries.length, lang).toBeGreaterThanOrEqual(10);
      for (const [term, targets] of entries) {
        expect(targets.length, `${lang}: ${term}`).toBeGreaterThan(0);
        for (const id of targets) expect(known.has(id), `${lang}: ${term} → ${id}`).toBe(true);
      }
    }
    expect(DEFAULT_SYNONYMS.get('apl')).toEqual(['caf', 'mesdroitssociaux']);
  });
});

describe('the obvious homes of each site', () => {
  it('puts the CAF under "Logement" as well as under "Famille - Scolarité"', () => {
    const caf = DEFAULT_CATALOGUE.links.find((l) => l.id === 'caf')!;
    expect(linkInCategory(caf, 'logement')).toBe(true);
    expect(linkInCategory(caf, 'famille_scolarite')).toBe(true);
    expect(linkInCategory(caf, 'justice')).toBe(false);
  });

  it('never repeats a site\'s own category and names only known categories', () => {
    for (const l of DEFAULT_CATALOGUE.links) {
      for (const c of l.alsoIn ?? []) {
        expect(c).not.toBe(l.category);
        expect(PORTAL_CATEGORY_IDS).toContain(c);
      }
    }
  });
});
