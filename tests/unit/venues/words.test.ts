import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import frAct from '../../../src/app/i18n/locales/fr/activities.json';
import enAct from '../../../src/app/i18n/locales/en/activities.json';
import arAct from '../../../src/app/i18n/locales/ar/activities.json';
import frVen from '../../../src/app/i18n/locales/fr/venues.json';
import enVen from '../../../src/app/i18n/locales/en/venues.json';
import arVen from '../../../src/app/i18n/locales/ar/venues.json';
import { formatBytes } from '../../../src/app/shell/bytes.ts';
import { STANDARD_VALUE_KEYS, standardValue } from '../../../src/app/features/venues/lib/standard-values.ts';

async function instance(lng: string) {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { fr: { activities: frAct, venues: frVen }, en: { activities: enAct, venues: enVen }, ar: { activities: arAct, venues: arVen } },
    interpolation: { escapeValue: false },
  });
  return i;
}

describe('English plurals and units', () => {
  it('says "1 person" and "2 people" in the day totals', async () => {
    const i = await instance('en');
    const line = (count: number, people: number) =>
      i.t('activities:list.dayTotals', { count, people: i.t('activities:list.people', { count: people }), duration: '1 h' });
    expect(line(1, 1)).toBe('1 session · 1 person · 1 h');
    expect(line(3, 8)).toBe('3 sessions · 8 people · 1 h');
    const fr = await instance('fr');
    expect(fr.t('activities:list.dayTotals', { count: 1, people: fr.t('activities:list.people', { count: 1 }), duration: '1 h' })).toBe('1 accompagnement · 1 pers. · 1 h');
    const ar = await instance('ar');
    expect(ar.t('activities:list.people', { count: 2 })).toBe('شخصان');
  });

  it('writes storage in MB/GB in English and Mo/Go in French', () => {
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
    expect(formatBytes(10 * 1024 ** 3, 'en')).toBe('10 GB');
    expect(formatBytes(5 * 1024 * 1024, 'fr')).toMatch(/^5\s?Mo$/);
    expect(formatBytes(10 * 1024 ** 3, 'fr')).toMatch(/^10\s?Go$/);
    expect(formatBytes(512, 'en')).toBe('0.5 kB');
  });
});

describe('directory values of the national standard', () => {
  it('are translated in English and Arabic, and verbatim in French', async () => {
    for (const lang of ['en', 'ar'] as const) {
      const i = await instance(lang);
      const t = i.getFixedT(lang, 'venues');
      for (const value of Object.keys(STANDARD_VALUE_KEYS)) {
        const shown = standardValue(value, t as never);
        expect(shown, `${lang}: ${value}`).toBeTruthy();
        expect(shown, `${lang}: ${value}`).not.toBe(value);
      }
    }
    const fr = (await instance('fr')).getFixedT('fr', 'venues');
    for (const value of Object.keys(STANDARD_VALUE_KEYS)) expect(standardValue(value, fr as never)).toBe(value);
    expect(standardValue('Une valeur hors liste', fr as never)).toBe('Une valeur hors liste');
  });
});
