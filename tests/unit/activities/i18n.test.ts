import { describe, expect, it } from 'vitest';
import fr from '../../../src/app/i18n/locales/fr/activities.json';
import en from '../../../src/app/i18n/locales/en/activities.json';
import ar from '../../../src/app/i18n/locales/ar/activities.json';
import * as C from '../../../src/shared/activity/codes.ts';

const LISTS = {
  type: C.ACTIVITY_TYPES,
  place: C.PLACE_KINDS,
  equipment: C.EQUIPMENT,
  themes: C.THEMES,
  adminThemes: C.ADMIN_THEMES,
  autonomy: C.AUTONOMY,
  orientation: C.ORIENTATION_TARGETS,
  level: C.WORKSHOP_LEVELS,
  genre: C.GENRES,
  ageBand: C.AGE_BANDS,
  status: C.STATUSES,
} as const;

describe('the activities translations', () => {
  it('show the national French labels verbatim', () => {
    for (const [key, list] of Object.entries(LISTS)) {
      expect((fr.codes as Record<string, Record<string, string>>)[key], key).toEqual(Object.fromEntries(list.map((c) => [c.code, c.label])));
    }
  });

  it('translate every code in English and Arabic', () => {
    for (const [key, list] of Object.entries(LISTS)) {
      for (const { code } of list) {
        expect((en.codes as Record<string, Record<string, string>>)[key]?.[code], `en ${key}.${code}`).toBeTruthy();
        expect((ar.codes as Record<string, Record<string, string>>)[key]?.[code], `ar ${key}.${code}`).toBeTruthy();
      }
    }
  });
});
