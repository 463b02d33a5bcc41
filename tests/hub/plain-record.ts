/** A minimal valid individual session on `date` (one person, "E-mail", at a distance), as a device pushes it. */
export function aPlainRecord(id: string, date: string, over: Record<string, unknown> = {}): { id: string; date: string; type: string } & Record<string, unknown> {
  return {
    id,
    revision: 1,
    type: 'individuel',
    date,
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: [],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    autonomy: 'autonome',
    orientation: { oriented: false },
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    ...over,
  } as { id: string; date: string; type: string } & Record<string, unknown>;
}
