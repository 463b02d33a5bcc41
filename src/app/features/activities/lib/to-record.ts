import type { LocalActivity } from '../../../../shared/activity/anonymise.ts';
import { ActivityRecordSchema, type Beneficiaries } from '../../../../shared/activity/record.ts';
import { toWire } from '../../../../shared/activity/anonymise.ts';
import { initialForm, type FormState } from './form-state.ts';

// From the form's state to the device record and back.

export interface RecordMeta {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

function beneficiariesOf(s: FormState): Beneficiaries {
  if (s.type === 'collectif') {
    const g = s.group;
    return { total: g.total, alreadyAccompanied: g.already, genre: { ...g.genre }, ageBand: { ...g.ageBand }, status: { ...g.status } };
  }
  const p = s.person;
  const one = (code: string | undefined) => (code ? { [code]: 1 } : {});
  const b: Beneficiaries = { total: 1, alreadyAccompanied: p.already ? 1 : 0, genre: one(p.genre), ageBand: one(p.ageBand), status: one(p.status) };
  if (p.communeInsee) b.communeInsee = p.communeInsee;
  return b;
}

function placeOf(s: FormState): LocalActivity['place'] {
  const { kind, venueId, communeInsee } = s.place;
  if (kind === 'lieu_activite') return { kind, venueId };
  if (kind === 'autre' || kind === 'domicile') return { kind, communeInsee };
  return { kind: kind as LocalActivity['place']['kind'] };
}

/** The device record the form describes (only the fields that belong to its type). */
export function toLocal(s: FormState, meta: RecordMeta): LocalActivity {
  const individual = s.type === 'individuel';
  const local: LocalActivity = {
    id: meta.id,
    revision: meta.revision,
    type: s.type,
    date: s.date,
    durationMin: s.durationMin as number,
    place: placeOf(s),
    equipment: [...s.equipment],
    themes: [...s.themes],
    adminThemes: [...s.adminThemes],
    portalLinkIds: [...s.portalLinkIds],
    beneficiaries: beneficiariesOf(s),
    aidantsConnect: s.aidantsConnect,
    passNumerique: s.passNumerique,
    tags: [...s.tags],
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
  };
  if (individual && s.autonomy) local.autonomy = s.autonomy;
  if (individual && s.orientation.oriented !== undefined) {
    const o = s.orientation;
    local.orientation = o.oriented ? { oriented: true, ...(o.towards ? { towards: o.towards } : {}), ...(o.venueId ? { venueId: o.venueId } : {}) } : { oriented: false };
  }
  if (!individual) local.workshop = { title: s.workshop.title.trim(), level: s.workshop.level! };
  if (s.notes.trim()) local.notes = s.notes;
  return local;
}

/** The form showing a stored record (to edit it). */
export function fromLocal(r: LocalActivity): FormState {
  const base = initialForm({ date: r.date, durationMin: r.durationMin, place: r.place });
  const single = <T extends string>(b: Partial<Record<T, number>>) => (Object.entries(b) as [T, number][]).find(([, n]) => n > 0)?.[0];
  const b = r.beneficiaries;
  return {
    ...base,
    type: r.type,
    equipment: [...r.equipment],
    themes: [...r.themes],
    adminThemes: [...r.adminThemes],
    portalLinkIds: [...r.portalLinkIds],
    aidantsConnect: r.aidantsConnect,
    autonomy: r.autonomy,
    orientation: { ...r.orientation },
    workshop: { title: r.workshop?.title ?? '', level: r.workshop?.level },
    person:
      r.type === 'individuel'
        ? { genre: single(b.genre), ageBand: single(b.ageBand), status: single(b.status), already: b.alreadyAccompanied > 0, communeInsee: b.communeInsee }
        : {},
    group:
      r.type === 'collectif'
        ? { total: b.total, already: b.alreadyAccompanied, genre: { ...b.genre }, ageBand: { ...b.ageBand }, status: { ...b.status } }
        : base.group,
    passNumerique: r.passNumerique,
    tags: [...r.tags],
    notes: r.notes ?? '',
  };
}

/**
 * A new form from a previous record (the same help given again): the kind of help is kept;
 * the person, the orientation, the notes and the Pass numérique are not; the date is today.
 */
export function duplicateOf(r: LocalActivity, today: string): FormState {
  const f = fromLocal(r);
  return {
    ...f,
    date: today,
    person: {},
    orientation: {},
    notes: '',
    passNumerique: 0,
    group: { total: f.group.total, already: 0, genre: {}, ageBand: {}, status: {} },
  };
}

/** Parts of the form that can carry an error (each has its message in the activities namespace). */
export type FormSection = 'date' | 'duration' | 'place' | 'themes' | 'workshop' | 'beneficiaries' | 'orientation' | 'equipment' | 'other';

function sectionOf(path: string): FormSection {
  if (path.startsWith('date')) return 'date';
  if (path.startsWith('durationMin')) return 'duration';
  if (path.startsWith('place')) return 'place';
  if (path.startsWith('themes') || path.startsWith('adminThemes') || path.startsWith('portalLinkIds')) return 'themes';
  if (path.startsWith('workshop')) return 'workshop';
  if (path.startsWith('beneficiaries')) return 'beneficiaries';
  if (path.startsWith('orientation')) return 'orientation';
  if (path.startsWith('equipment')) return 'equipment';
  return 'other';
}

const PLACEHOLDER_META: RecordMeta = {
  id: '00000000-0000-7000-8000-000000000000',
  revision: 1,
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
};

/** What still prevents saving, by section (the hub's own schema decides, plus: no date in the future). */
export function formErrors(s: FormState, today: string): FormSection[] {
  const parsed = ActivityRecordSchema.safeParse(toWire(toLocal(s, PLACEHOLDER_META)));
  const sections = new Set<FormSection>(parsed.success ? [] : parsed.error.issues.map((i) => sectionOf(i.path.join('.'))));
  if (s.date > today) sections.add('date');
  return [...sections];
}

/** A stored draft back into a form, or undefined when it is not one (older or damaged). */
export function draftToForm(state: unknown, fallback: FormState): FormState | undefined {
  if (!state || typeof state !== 'object' || (state as { v?: unknown }).v !== 1) return undefined;
  const s = state as Partial<FormState>;
  return {
    ...fallback,
    ...s,
    place: { ...s.place },
    orientation: { ...s.orientation },
    workshop: { ...fallback.workshop, ...s.workshop },
    person: { ...s.person },
    group: { ...fallback.group, ...s.group },
  } as FormState;
}
