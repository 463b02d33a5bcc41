import type { Page } from 'playwright-core';
import type { LocalActivity } from '../../src/shared/activity/anonymise.ts';
import type { KarioleTestHooks } from '../../src/app/test-hooks.ts';

// Records created, edited and deleted through the app's own db module (saveActivity,
// deleteActivity: their transactions, revision rule and outbox), in a page of the build made
// with test hooks (tests/helpers/test-hooks-build.ts) — no copy of the app's rules here.

export interface SavedRecord {
  id: string;
  revision: number;
}

type HookWindow = Window & { __karioleTestHooks: KarioleTestHooks };

export async function waitForTestHooks(page: Page): Promise<void> {
  await page.waitForFunction(() => '__karioleTestHooks' in window, undefined, { timeout: 20_000 });
}

/** A day's sessions, individual and workshops, with private notes (the notes never leave the device). */
export function sessions(count: number, opts: { startDay?: number } = {}): LocalActivity[] {
  const out: LocalActivity[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2026, 9, 1 + (((opts.startDay ?? 0) + i) % 50)));
    const collective = i % 7 === 0;
    const stamp = new Date(day.getTime() + (9 * 60 + i) * 60_000).toISOString();
    out.push({
      id: crypto.randomUUID(),
      revision: 1,
      type: collective ? 'collectif' : 'individuel',
      date: day.toISOString().slice(0, 10),
      durationMin: [15, 30, 45, 60, 90][i % 5]!,
      place: { kind: 'a_distance' },
      equipment: ['telephone'],
      themes: ['email', 'aide_aux_demarches_administratives'],
      adminThemes: ['social_sante'],
      portalLinkIds: [],
      ...(collective
        ? { workshop: { title: 'Atelier messagerie', level: 'debutant' }, beneficiaries: { total: 6, alreadyAccompanied: 1, genre: {}, ageBand: {}, status: {} } }
        : { autonomy: 'entierement_accompagne', beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: { soixante_soixante_neuf: 1 }, status: { retraite: 1 } } }),
      aidantsConnect: false,
      passNumerique: 0,
      tags: [],
      notes: `Mme Dupont (06 12 34 56 78) ${i}`,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }
  return out;
}

/** Saves each record as the form's "Enregistrer" does. */
export async function saveThroughApp(page: Page, records: LocalActivity[]): Promise<SavedRecord[]> {
  return page.evaluate(async (records) => {
    const hooks = (window as unknown as HookWindow).__karioleTestHooks;
    const out: SavedRecord[] = [];
    for (const r of records) {
      const row = await hooks.saveActivity(r);
      out.push({ id: row.id, revision: row.revision });
    }
    return out;
  }, records);
}

/** Edits stored records as the form does: the stored row read back, one field changed, saved. */
export async function editThroughApp(page: Page, ids: string[], change: { durationMin: number }): Promise<SavedRecord[]> {
  return page.evaluate(
    async ({ ids, change }) => {
      const hooks = (window as unknown as HookWindow).__karioleTestHooks;
      const out: SavedRecord[] = [];
      for (const id of ids) {
        const stored = await hooks.getActivity(id);
        if (!stored) throw new Error(`no record ${id} on the device`);
        const row = await hooks.saveActivity({ ...stored, ...change });
        out.push({ id: row.id, revision: row.revision });
      }
      return out;
    },
    { ids, change },
  );
}

/** Deletes records as the record's "Supprimer" does. */
export async function deleteThroughApp(page: Page, ids: string[]): Promise<SavedRecord[]> {
  return page.evaluate(async (ids) => {
    const hooks = (window as unknown as HookWindow).__karioleTestHooks;
    const out: SavedRecord[] = [];
    for (const id of ids) {
      await hooks.deleteActivity(id);
      const row = await hooks.getActivity(id);
      if (!row?.deleted) throw new Error(`record ${id} not deleted`);
      out.push({ id, revision: row.revision });
    }
    return out;
  }, ids);
}
