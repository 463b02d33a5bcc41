import type { DB } from '../db/schema.ts';
import { generatePassword } from '../lib/crypto.ts';
import { createEnrolmentCode } from '../repositories/devices.ts';
import { getMeta, setMeta } from '../repositories/meta.ts';
import { countStructures, createStructure } from '../repositories/structures.ts';
import { countUsers, createUser } from '../repositories/users.ts';
import { seedVenues } from './venues.ts';
import { seedPortal } from './portal.ts';
import { seedActivities } from './activities.ts';

export interface SeedContext {
  structureId: string;
}

export interface SeedResult {
  adminEmail: string;
  adminPassword: string;
  enrolmentCode: string;
  enrolmentExpiresAt: string;
  structureName: string;
  /** the demo structure's kiosk exit PIN (only its hash is stored) */
  kioskPin: string | undefined;
  /** one line per seeded part, in plain words */
  lines: string[];
}

export const DEMO_ADMIN_EMAIL = 'admin@kariole.local';
export const DEMO_STRUCTURE_NAME = 'Centre social de démonstration';

/**
 * Seeds demo data on a brand-new database only: never when any structure or account
 * exists, so real data is never overwritten.
 */
export async function seedDemoIfEmpty(db: DB): Promise<SeedResult | undefined> {
  if (await getMeta(db, 'demo_seeded_at')) return undefined;
  if ((await countStructures(db)) > 0 || (await countUsers(db)) > 0) return undefined;
  const structure = await createStructure(db, {
    name: DEMO_STRUCTURE_NAME,
    departements: ['04', '05', '06', '13', '83', '84'],
  });
  const password = generatePassword();
  await createUser(db, { email: DEMO_ADMIN_EMAIL, password, role: 'admin' });
  const ctx: SeedContext = { structureId: structure.id };
  const lines = [
    ...(await seedPortal(db, ctx)),
    ...(await seedVenues(db, ctx)),
    ...(await seedActivities(db, ctx)),
  ];
  const code = await createEnrolmentCode(db, { structureId: structure.id, mediatorLabel: 'Médiateur démo', ttlHours: 24 * 30 });
  await setMeta(db, 'demo_seeded_at', new Date().toISOString());
  return {
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword: password,
    enrolmentCode: code.code,
    enrolmentExpiresAt: code.expiresAt,
    structureName: structure.name,
    kioskPin: structure.kioskPin,
    lines: [...lines, `Kiosk exit PIN of the demo structure: ${structure.kioskPin}`],
  };
}
