import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { Translator, type Tree } from '../../src/app/i18n/translator.ts';
import { LANGUAGES } from '../../src/app/i18n/languages.ts';

// The app's translator (no i18next in the bundle) must say exactly what i18next said with the
// options the app used: every key of every locale file, every language, plural counts across
// the CLDR forms (Arabic's six), interpolation, fallback to French, defaultValue.
const DIR = path.resolve('src/app/i18n/locales');
const files: Record<string, Record<string, Tree>> = {};
for (const lng of fs.readdirSync(DIR)) {
  for (const f of fs.readdirSync(path.join(DIR, lng))) (files[lng] ??= {})[f.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(DIR, lng, f), 'utf8')) as Tree;
}
const NAMESPACES = Object.keys(files.fr!);
const CODES = LANGUAGES.map((l) => l.code);

/** Every key of the French source, plural suffixes folded into the bare key. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
}

async function reference(lng: string) {
  const i = i18next.createInstance();
  await i.init({ lng, fallbackLng: 'fr', supportedLngs: CODES, ns: NAMESPACES, defaultNS: 'common', resources: files, interpolation: { escapeValue: false }, returnNull: false });
  // Keys here are strings built at run time, not the typed keys of the app.
  type Loose = (key: string | string[], options?: object) => string;
  return {
    t: i.t.bind(i) as unknown as Loose,
    exists: i.exists.bind(i) as unknown as (key: string, options?: object) => boolean,
    getFixedT: (lng: string | null, ns: string | string[]) => i.getFixedT(lng as string, ns as never) as unknown as Loose,
  };
}

async function ours(lng: string, load: (l: string, ns: string) => Promise<Tree> = async (l, ns) => files[l]?.[ns] ?? {}) {
  const t = new Translator({ fallbackLng: 'fr', supportedLngs: CODES, defaultNS: 'common', load });
  await t.loadNamespaces(NAMESPACES);
  await t.init(lng);
  return t;
}

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100, 102, 1.5];
const VARIABLES = { name: 'Zoé', n: 4, total: 9, people: '3 pers.', duration: '1 h', date: '12/03', title: 'Atelier', source: 'x', place: 'Mairie', when: 'hier', size: '5 Mo', what: 'a', version: '2', at: '10:00' };

describe('the in-house translator', () => {
  for (const lng of CODES) {
    it(`says what i18next says for every key in ${lng}`, async () => {
      const ref = await reference(lng);
      const mine = await ours(lng);
      expect(mine.language).toBe(lng);
      let compared = 0;
      for (const ns of NAMESPACES) {
        for (const key of [...new Set(keys(files.fr![ns]!))]) {
          const full = `${ns}:${key}`;
          expect(mine.t(full), full).toBe(ref.t(full));
          expect(mine.t(full, { ...VARIABLES }), full).toBe(ref.t(full, { ...VARIABLES }));
          expect(mine.getFixedT(null, ns)(key, { ...VARIABLES }), full).toBe(ref.getFixedT(null, ns)(key, { ...VARIABLES }));
          for (const count of COUNTS) expect(mine.t(full, { ...VARIABLES, count }), `${full} ${count}`).toBe(ref.t(full, { ...VARIABLES, count }));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(300);
    });
  }

  it('tries a namespace list in order, then French, then the default value, then the key', async () => {
    const mine = await ours('ar');
    const ref = await reference('ar');
    for (const k of ['menu.home', 'form.save', 'nope.nothing', 'list.people']) {
      expect(mine.getFixedT(null, ['activities', 'common'])(k, { count: 2 })).toBe(ref.getFixedT(null, ['activities', 'common'])(k, { count: 2 }));
    }
    expect(mine.t('common:nope', { defaultValue: 'Autre {{x}}', x: 1 })).toBe('Autre 1');
    expect(mine.t('common:nope')).toBe(ref.t('common:nope'));
    expect(mine.t('activities:list.people', { lng: 'fr', count: 2 })).toBe(ref.t('activities:list.people', { lng: 'fr', count: 2 }));
    for (const k of ['sync:ready.waiting', 'sync:ready.waiting_one', 'common:error.title', 'sync:ready.nothingLikeThis']) {
      expect(mine.exists(k, { lng: 'ar' }), k).toBe(ref.exists(k, { lng: 'ar' }));
      expect(mine.exists(k, { lng: 'ar', count: 3 }), k).toBe(ref.exists(k, { lng: 'ar', count: 3 }));
    }
    expect(mine.exists('common:error.title')).toBe(true);
    expect(mine.exists('sync:ready.nothingLikeThis')).toBe(false);
  });

  it('keeps a variable that was not passed and empties one passed as undefined, like i18next', async () => {
    const mine = new Translator({ fallbackLng: 'fr', supportedLngs: ['fr'], defaultNS: 'common', load: async () => ({ a: 'x {{v}} {{ w }} y' }) });
    await mine.init('fr');
    expect(mine.t('a')).toBe('x {{v}} {{ w }} y');
    expect(mine.t('a', { v: undefined, w: 0 })).toBe('x  0 y');
  });

  it('switches language only once the namespaces in use are loaded, the last call winning', async () => {
    const waits: Record<string, () => void> = {};
    const mine = await ours('fr', (l, ns) => (l === 'fr' ? Promise.resolve(files.fr![ns]!) : new Promise<Tree>((ok) => (waits[`${l}/${ns}`] = () => ok(files[l]?.[ns] ?? {})))));
    const seen: string[] = [];
    mine.on('languageChanged', (l) => seen.push(l));
    const toAr = mine.changeLanguage('ar');
    const toEn = mine.changeLanguage('en');
    expect(mine.language).toBe('fr');
    for (const [id, go] of Object.entries(waits)) if (id.startsWith('ar/')) go();
    await toAr;
    expect(mine.language).toBe('fr');
    for (const [id, go] of Object.entries(waits)) if (id.startsWith('en/')) go();
    await toEn;
    expect(mine.language).toBe('en');
    expect(seen).toEqual(['en']);
    expect(mine.hasLoadedNamespace('activities')).toBe(true);
    await mine.changeLanguage('klingon');
    expect(mine.language).toBe('fr');
  });

  it('answers in French when a language chunk cannot be fetched (offline, not cached), and retries later', async () => {
    let fail = true;
    const mine = await ours('fr', (l, ns) => (l !== 'fr' && fail ? Promise.reject(new Error('offline')) : Promise.resolve(files[l]?.[ns] ?? {})));
    await mine.changeLanguage('en');
    expect(mine.language).toBe('en');
    expect(mine.t('common:error.reload')).toBe(files.fr!.common!.error && (files.fr!.common!.error as Tree).reload);
    fail = false;
    await mine.loadLanguages('en');
    expect(mine.t('common:error.reload')).toBe((files.en!.common!.error as Tree).reload);
  });
});
