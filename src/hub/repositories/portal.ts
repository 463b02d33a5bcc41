import departementsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import type { DB } from '../db/schema.ts';
import { nowIso } from '../lib/time.ts';
import { DEFAULT_CATALOGUE } from '../../shared/portal/default-catalogue.ts';
import { mergeCatalogue } from '../../shared/portal/merge.ts';
import { prefectureLinks } from '../../shared/portal/prefecture.ts';
import {
  EMPTY_CUSTOMISATION,
  PortalCatalogueSchema,
  PortalCustomisationSchema,
  type PortalCatalogue,
  type PortalCustomisation,
  type PortalLink,
} from '../../shared/portal/schema.ts';

const DEPARTEMENTS = new Map((departementsData as { code: string; nom: string }[]).map((d) => [d.code, d.nom]));

/** "2026-11-23.1" < "2026-11-23.10" < "2027-01-02.1". */
export function compareCatalogueVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The current catalogue: the highest version stored on the hub, or the one bundled with this release if higher. */
export async function getCurrentCatalogue(db: DB): Promise<PortalCatalogue> {
  const rows = await db.selectFrom('portal_catalogues').select(['version', 'catalogue']).execute();
  let best: { version: string; catalogue: string } | undefined;
  for (const r of rows) if (!best || compareCatalogueVersions(r.version, best.version) > 0) best = r;
  if (!best || compareCatalogueVersions(DEFAULT_CATALOGUE.version, best.version) > 0) return DEFAULT_CATALOGUE;
  return PortalCatalogueSchema.parse(JSON.parse(best.catalogue));
}

/** Stores a catalogue version (idempotent: an existing version is left as it is). Returns whether it was new. */
export async function publishCatalogue(db: DB, catalogue: PortalCatalogue): Promise<boolean> {
  const valid = PortalCatalogueSchema.parse(catalogue);
  const exists = await db.selectFrom('portal_catalogues').select('version').where('version', '=', valid.version).executeTakeFirst();
  if (exists) return false;
  await db.insertInto('portal_catalogues').values({ version: valid.version, catalogue: JSON.stringify(valid), created_at: nowIso() }).execute();
  return true;
}

export async function getCustomisation(db: DB, structureId: string): Promise<PortalCustomisation> {
  const row = await db.selectFrom('portal_customisations').select('customisation').where('structure_id', '=', structureId).executeTakeFirst();
  if (!row) return EMPTY_CUSTOMISATION;
  const parsed = PortalCustomisationSchema.safeParse(JSON.parse(row.customisation));
  return parsed.success ? parsed.data : EMPTY_CUSTOMISATION;
}

/** The customisations of these structures (all when null), in one query: structure id → customisation. */
export async function getCustomisations(db: DB, structureIds: string[] | null): Promise<Map<string, PortalCustomisation>> {
  let q = db.selectFrom('portal_customisations').select(['structure_id', 'customisation']);
  if (structureIds) {
    if (!structureIds.length) return new Map();
    q = q.where('structure_id', 'in', structureIds);
  }
  const out = new Map<string, PortalCustomisation>();
  for (const row of await q.execute()) {
    const parsed = PortalCustomisationSchema.safeParse(JSON.parse(row.customisation));
    if (parsed.success) out.set(row.structure_id, parsed.data);
  }
  return out;
}

/** Replaces a structure's customisation. */
export async function saveCustomisation(db: DB, structureId: string, customisation: PortalCustomisation, userId: string | null): Promise<void> {
  const values = { customisation: JSON.stringify(customisation), updated_at: nowIso(), updated_by: userId };
  await db
    .insertInto('portal_customisations')
    .values({ structure_id: structureId, ...values })
    .onConflict((oc) => oc.column('structure_id').doUpdateSet(values))
    .execute();
}

/** The entries generated for a structure from its territory: its préfectures. */
export function generatedLinksFor(departements: string[]): PortalLink[] {
  return prefectureLinks(departements.filter((c) => DEPARTEMENTS.has(c)).map((code) => ({ code, name: DEPARTEMENTS.get(code)! })));
}

/** The catalogue a structure's devices get (hidden entries dropped, or flagged for the coordinator's preview). */
export async function getStructureCatalogue(
  db: DB,
  structure: { id: string; departements: string[] },
  opts: { includeHidden?: boolean } = {},
): Promise<PortalCatalogue> {
  const [base, custom] = await Promise.all([getCurrentCatalogue(db), getCustomisation(db, structure.id)]);
  return mergeCatalogue(base, custom, { generated: generatedLinksFor(structure.departements), includeHidden: opts.includeHidden });
}
