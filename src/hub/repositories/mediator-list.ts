import type { DB } from '../db/schema.ts';

export interface MediatorSummary {
  id: string;
  structureId: string;
  label: string | null;
}

/** Mediators of these structures (all when undefined), for the dashboard's mediator filter. */
export async function listMediators(db: DB, structureIds?: string[]): Promise<MediatorSummary[]> {
  let q = db.selectFrom('mediators').select(['id', 'structure_id', 'label']).orderBy('label').orderBy('id');
  if (structureIds) {
    if (structureIds.length === 0) return [];
    q = q.where('structure_id', 'in', structureIds);
  }
  return (await q.execute()).map((m) => ({ id: m.id, structureId: m.structure_id, label: m.label }));
}

export async function getMediator(db: DB, id: string): Promise<MediatorSummary | undefined> {
  const m = await db.selectFrom('mediators').select(['id', 'structure_id', 'label']).where('id', '=', id).executeTakeFirst();
  return m ? { id: m.id, structureId: m.structure_id, label: m.label } : undefined;
}

/** A pseudonymous mediator of a structure (the demo seed; devices get theirs at enrolment). */
export async function createMediator(db: DB, input: { id: string; structureId: string; label: string | null }): Promise<void> {
  await db.insertInto('mediators').values({ id: input.id, structure_id: input.structureId, label: input.label, created_at: new Date().toISOString() }).execute();
}

export interface MediatorWithFlag extends MediatorSummary {
  conseillerNumerique: boolean;
}

/** Mediators with their conseiller numérique flag (admin list), of these structures (all when undefined). */
export async function listMediatorsWithFlag(db: DB, structureIds?: string[]): Promise<MediatorWithFlag[]> {
  let q = db.selectFrom('mediators').select(['id', 'structure_id', 'label', 'conseiller_numerique']).orderBy('label').orderBy('id');
  if (structureIds) {
    if (structureIds.length === 0) return [];
    q = q.where('structure_id', 'in', structureIds);
  }
  return (await q.execute()).map((m) => ({ id: m.id, structureId: m.structure_id, label: m.label, conseillerNumerique: Number(m.conseiller_numerique) === 1 }));
}

/** Sets a mediator's flag (and label when given: '' clears it). */
export async function updateMediator(db: DB, id: string, patch: { conseillerNumerique: boolean; label?: string | null }): Promise<void> {
  await db
    .updateTable('mediators')
    .set({ conseiller_numerique: patch.conseillerNumerique ? 1 : 0, ...(patch.label === undefined ? {} : { label: patch.label }) })
    .where('id', '=', id)
    .execute();
}
