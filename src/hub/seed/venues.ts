import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DB } from '../db/schema.ts';
import type { SeedContext } from './index.ts';
import { hubVenueId } from '../../shared/venues/identity.ts';
import { importVenues } from '../repositories/venue-import.ts';

const DEMO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data-demo/hub-du-sud-2023-05-17.json');

/**
 * The demo structure's own places of activity, in its territory (Marseille, 13, and a weekly
 * stall in Aubagne): a new user logs against these, never against a stranger's venue.
 */
export const DEMO_OWN_PLACES = [
  {
    id: 'kariole-demo-centre-social',
    pivot: '00000000000000',
    nom: 'Centre social de démonstration',
    commune: 'Marseille',
    code_postal: '13001',
    code_insee: '13201',
    adresse: '1 rue de la Démonstration',
    latitude: 43.2995,
    longitude: 5.3841,
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
    dispositif_programmes_nationaux: 'Conseillers numériques',
    horaires: 'Mo-Fr 09:00-12:00,14:00-17:30',
    source: 'kariole-demo',
    date_maj: '2026-01-01',
  },
  {
    id: 'kariole-demo-permanence-aubagne',
    pivot: '00000000000000',
    nom: 'Centre social de démonstration — permanence du marché',
    commune: 'Aubagne',
    code_postal: '13400',
    code_insee: '13005',
    adresse: 'Cours Maréchal Foch',
    latitude: 43.2927,
    longitude: 5.5707,
    services: 'Aide aux démarches administratives',
    itinerance: 'Itinérant',
    horaires: 'Tu 08:30-12:30',
    source: 'kariole-demo',
    date_maj: '2026-01-01',
  },
] as const;

/** The hub ids of the demo structure's own places (a place's hub id is its source and its id in that source). */
export const DEMO_OWN_PLACE_IDS = DEMO_OWN_PLACES.map((p) => hubVenueId(p.source, p.id));

/** Imports the demo venues (data-demo/hub-du-sud-2023-05-17.json) and the demo structure's own places on first start. */
export async function seedVenues(db: DB, _ctx: SeedContext): Promise<string[]> {
  const own = await importVenues(
    db,
    (async function* () {
      yield JSON.stringify(DEMO_OWN_PLACES);
    })(),
  );
  const ownLine = `${own.imported} places of activity of the demo structure (Marseille, Aubagne).`;
  if (!fs.existsSync(DEMO_FILE)) return [ownLine, 'Demo places not imported: data-demo/hub-du-sud-2023-05-17.json is missing.'];
  const r = await importVenues(db, fs.createReadStream(DEMO_FILE), { source: 'hub-du-sud' });
  return [
    ownLine,
    `${r.imported} places of the Région Sud directory imported (sample of 2023-05-17; ${r.rejected.length} rejected, ${r.warningCount} warnings: npm run hub -- import-venues FILE for your own file).`,
  ];
}
