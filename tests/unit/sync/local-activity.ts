import { randomUUID } from 'node:crypto';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';

/** A valid individual session as the device stores it (the sync tests' one record shape). */
export function aLocalActivity(overrides: Partial<LocalActivity> = {}): LocalActivity {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    revision: 1,
    type: 'individuel',
    date: '2026-11-20',
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: ['telephone'],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    autonomy: 'autonome',
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}
