import type { DB } from '../db/schema.ts';
import type { SeedContext } from './index.ts';
import { publishCatalogue, saveCustomisation } from '../repositories/portal.ts';
import { DEFAULT_CATALOGUE } from '../../shared/portal/default-catalogue.ts';

/** Publishes the default portal catalogue and gives the demo structure a customised portal. */
export async function seedPortal(db: DB, ctx: SeedContext): Promise<string[]> {
  await publishCatalogue(db, DEFAULT_CATALOGUE);
  await saveCustomisation(
    db,
    ctx.structureId,
    {
      added: [
        {
          id: 'mairie',
          name: 'Mairie de Marseille',
          url: 'https://www.marseille.fr',
          category: 'local',
          pictogram: 'townhall',
          audience: 'public',
          description: 'Le site de la mairie : état civil, inscriptions à l’école et à la cantine, rendez-vous.',
          checklist: ['Une pièce d’identité', 'Le livret de famille'],
          i18n: {
            en: { name: 'Marseille town hall', description: 'The town hall’s site: civil records, school and canteen registration, appointments.' },
            ar: { name: 'بلدية مرسيليا', description: 'موقع البلدية: الحالة المدنية، التسجيل في المدرسة والمطعم المدرسي، المواعيد.' },
          },
        },
      ],
      hidden: ['critair'],
      pinned: ['caf', 'ameli', 'impots', 'ants', 'francetravail'],
      order: [],
    },
    null,
  );
  return [`Portal catalogue ${DEFAULT_CATALOGUE.version} (${DEFAULT_CATALOGUE.links.length} sites), customised for the demo structure`];
}
