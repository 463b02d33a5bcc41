import { normaliseVenueRow } from '../../../src/shared/venues/normalise.ts';
import type { Venue } from '../../../src/shared/venues/schema.ts';

/** A normalised place of the national standard; override what the test is about. */
export function aVenue(overrides: Record<string, string | number> = {}): Venue {
  const r = normaliseVenueRow({
    id: `v-${Math.random().toString(36).slice(2, 8)}`,
    pivot: '00000000000000',
    nom: 'Espace numérique',
    commune: 'Marseille',
    code_postal: '13001',
    adresse: '1 rue de la République',
    date_maj: '2024-01-10',
    ...overrides,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.venue;
}
