import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../src/shared/portal/default-catalogue.ts';
import { CHECKLIST_KEYS, GLOSSARY_IDS } from '../../../src/shared/portal/checklist-keys.ts';
import { glossaryEntries } from '../../../src/shared/portal/glossary.ts';
import { localiseLink, mostAsked, visibleLinks } from '../../../src/shared/portal/localise.ts';
import { kioskPinHash } from '../../../src/shared/portal/pin.ts';
import { PORTAL_LANGUAGES, PortalCatalogueSchema } from '../../../src/shared/portal/schema.ts';
import { searchLinks } from '../../../src/shared/portal/search.ts';
import { sha256Hex } from '../../../src/shared/portal/sha256.ts';
import { CATALOGUE_TEXTS } from '../../../src/shared/portal/texts/index.ts';

// Every site of portal-catalogue.md (the per-structure "local" templates are generated or added by structures).
const CATALOGUE_MD_URLS = fs
  .readFileSync(new URL('../../../docs/portal-catalogue.md', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => /^\| [^|]+ \| (https:\/\/[^ |]+) \|/.exec(line)?.[1])
  .filter((u): u is string => !!u);

describe('the default portal catalogue', () => {
  it('is valid against the schema devices and hub share', () => {
    expect(PortalCatalogueSchema.safeParse(DEFAULT_CATALOGUE).success).toBe(true);
  });

  it('holds every site of portal-catalogue.md, and Aidants Connect for professionals only', () => {
    expect(CATALOGUE_MD_URLS.length).toBeGreaterThan(45);
    const urls = DEFAULT_CATALOGUE.links.map((l) => l.url);
    for (const url of CATALOGUE_MD_URLS) expect(urls).toContain(url);
    expect(DEFAULT_CATALOGUE.links.find((l) => l.id === 'aidants-connect')?.audience).toBe('pro');
    expect(visibleLinks(DEFAULT_CATALOGUE, 'kiosk').some((l) => l.audience === 'pro')).toBe(false);
  });

  it('puts the five operators of most accompaniments first', () => {
    expect(mostAsked(visibleLinks(DEFAULT_CATALOGUE, 'kiosk')).map((l) => l.id)).toEqual(['ants', 'caf', 'ameli', 'impots', 'lassuranceretraite']);
  });

  it('describes every site, in every kiosk language, with a bundled pictogram', () => {
    for (const link of DEFAULT_CATALOGUE.links) {
      expect(fs.existsSync(`public/pictos/${link.pictogram}.svg`), link.pictogram).toBe(true);
      for (const lang of PORTAL_LANGUAGES) {
        const texts = localiseLink(link, lang);
        expect(texts.description, `${link.id} in ${lang}`).toBeTruthy();
        expect(texts.textLang, `${link.id} in ${lang}`).toBe(lang);
        expect(texts.checklist.length).toBe(link.checklist?.length ?? 0);
      }
    }
    for (const c of DEFAULT_CATALOGUE.categories) expect(fs.existsSync(`public/pictos/${c.pictogram}.svg`)).toBe(true);
  });

  it('translates every checklist item and the forty glossary words into all seven languages', () => {
    expect(GLOSSARY_IDS.length).toBe(40);
    for (const lang of PORTAL_LANGUAGES) {
      const t = CATALOGUE_TEXTS[lang];
      for (const k of CHECKLIST_KEYS) expect(t.checklist[k], `${k} in ${lang}`).toBeTruthy();
      const entries = glossaryEntries(lang);
      expect(entries).toHaveLength(40);
      expect(entries.every((e) => e.lang === lang && e.term && e.text)).toBe(true);
    }
    expect(glossaryEntries('ar', 'mot de passe').map((e) => e.id)).toContain('mot_de_passe');
  });
});

describe('portal search', () => {
  const links = visibleLinks(DEFAULT_CATALOGUE, 'mediator');
  const ids = (q: string) => searchLinks(links, q).map((l) => l.id);

  it('ignores accents and case, in the names, keywords and descriptions', () => {
    expect(ids('IMPOTS')[0]).toBe('impots');
    expect(ids('sécurité sociale')).toContain('ameli');
    expect(ids('securite sociale')).toEqual(ids('Sécurité Sociale'));
    expect(ids('pole emploi')).toContain('francetravail');
    expect(ids('carte d’identité')).toContain('ants-passeport');
  });

  it('finds sites by their translated texts too', () => {
    expect(ids('passport')).toContain('ants-passeport');
    expect(ids('الضرائب')).toContain('impots');
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(ids('  ')).toHaveLength(links.length);
    expect(ids('zzzqqq')).toEqual([]);
  });
});

describe('the kiosk PIN hash', () => {
  it('is the sha256 hex of "kariole-kiosk:" + PIN, as the hub computes it', () => {
    const node = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(kioskPinHash('482615')).toBe(node('kariole-kiosk:482615'));
    for (const s of ['', 'a', 'é😀', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'x'.repeat(200)]) expect(sha256Hex(s)).toBe(node(s));
  });
});
