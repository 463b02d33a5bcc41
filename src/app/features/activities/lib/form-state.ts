import {
  ADMIN_THEME_PARENT,
  ADMIN_THEMES,
  type ActivityType,
  type AdminThemeCode,
  type AgeBandCode,
  type AutonomyCode,
  type EquipmentCode,
  type GenreCode,
  type OrientationTarget,
  type PlaceKind,
  type StatusCode,
  type ThemeCode,
  type WorkshopLevel,
} from '../../../../shared/activity/codes.ts';
import { MAX_PARTICIPANTS, type Beneficiaries } from '../../../../shared/activity/record.ts';
import { stripControlChars } from '../../../../shared/text.ts';

// The activity form's state: plain data (autosaved as a draft on every change) and the pure
// operations the buttons perform. Each operation keeps the state coherent with the national
// rules, so that what the form shows can always be saved once the required choices are made.

export type Breakdown<C extends string> = Partial<Record<C, number>>;

export interface FormState {
  v: 1;
  type: ActivityType;
  date: string;
  durationMin?: number;
  place: { kind?: PlaceKind; venueId?: string; communeInsee?: string };
  equipment: EquipmentCode[];
  themes: ThemeCode[];
  adminThemes: AdminThemeCode[];
  portalLinkIds: string[];
  aidantsConnect: boolean;
  autonomy?: AutonomyCode;
  orientation: { oriented?: boolean; towards?: OrientationTarget; venueId?: string };
  workshop: { title: string; level?: WorkshopLevel };
  /** individual session: single choices, nothing chosen = "Non communiqué" */
  person: { genre?: GenreCode; ageBand?: AgeBandCode; status?: StatusCode; already?: boolean; communeInsee?: string };
  /** workshop: counts */
  group: { total: number; already: number; genre: Breakdown<GenreCode>; ageBand: Breakdown<AgeBandCode>; status: Breakdown<StatusCode> };
  passNumerique: number;
  tags: string[];
  /** local only: never leaves the device */
  notes: string;
}

export type GroupBreakdown = 'genre' | 'ageBand' | 'status';

/** A new form: individual, today, 30 min (or the mediator's usual duration), at the usual place. */
export function initialForm(opts: { date: string; durationMin?: number; place?: FormState['place'] }): FormState {
  return {
    v: 1,
    type: 'individuel',
    date: opts.date,
    durationMin: opts.durationMin ?? 30,
    place: { ...opts.place },
    equipment: [],
    themes: [],
    adminThemes: [],
    portalLinkIds: [],
    aidantsConnect: false,
    orientation: {},
    workshop: { title: '' },
    person: {},
    group: { total: 1, already: 0, genre: {}, ageBand: {}, status: {} },
    passNumerique: 0,
    tags: [],
    notes: '',
  };
}

const toggle = <T>(list: T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(Number.isFinite(n) ? n : min)));
const sum = (b: Record<string, number | undefined>) => Object.values(b).reduce<number>((a, n) => a + (n ?? 0), 0);

export const setType = (s: FormState, type: ActivityType): FormState => ({ ...s, type });
export const setDate = (s: FormState, date: string): FormState => ({ ...s, date });
export const setDuration = (s: FormState, durationMin: number | undefined): FormState => ({
  ...s,
  durationMin: durationMin === undefined ? undefined : clamp(durationMin, 1, 1440),
});

export function setPlaceKind(s: FormState, kind: PlaceKind): FormState {
  if (s.place.kind === kind) return s;
  // a commune chosen for another place or at home is kept when switching between the two
  const keepCommune = (kind === 'autre' || kind === 'domicile') && (s.place.kind === 'autre' || s.place.kind === 'domicile');
  return { ...s, place: { kind, ...(keepCommune && s.place.communeInsee ? { communeInsee: s.place.communeInsee } : {}) } };
}
export const setVenue = (s: FormState, venueId: string): FormState => ({ ...s, place: { kind: 'lieu_activite', venueId } });
export const setPlaceCommune = (s: FormState, communeInsee: string | undefined): FormState => ({ ...s, place: { ...s.place, communeInsee } });

/** "Pas de matériel" excludes the others, and the reverse. */
export function toggleEquipment(s: FormState, code: EquipmentCode): FormState {
  const next = toggle(s.equipment, code);
  if (!next.includes(code)) return { ...s, equipment: next };
  return { ...s, equipment: code === 'aucun' ? ['aucun'] : next.filter((c) => c !== 'aucun') };
}

/** Removing "Aide aux démarches administratives" removes what only belongs with it. */
export function toggleTheme(s: FormState, code: ThemeCode): FormState {
  const themes = toggle(s.themes, code);
  if (themes.includes(ADMIN_THEME_PARENT)) return { ...s, themes };
  return { ...s, themes, adminThemes: [], portalLinkIds: [], aidantsConnect: false };
}

export function toggleAdminTheme(s: FormState, code: AdminThemeCode): FormState {
  const themes = s.themes.includes(ADMIN_THEME_PARENT) ? s.themes : [...s.themes, ADMIN_THEME_PARENT];
  return { ...s, themes, adminThemes: toggle(s.adminThemes, code) };
}

const ADMIN_CODES = new Set<string>(ADMIN_THEMES.map((a) => a.code));

/**
 * A site used; the first site chosen also fills in its démarche category when none is chosen
 * yet (ameli → "Social - Santé"), which saves a tap on the most frequent session.
 */
export function togglePortalLink(s: FormState, id: string, category?: string): FormState {
  const themes = s.themes.includes(ADMIN_THEME_PARENT) ? s.themes : [...s.themes, ADMIN_THEME_PARENT];
  const adding = !s.portalLinkIds.includes(id);
  const adminThemes =
    adding && s.adminThemes.length === 0 && category && ADMIN_CODES.has(category) ? [category as AdminThemeCode] : s.adminThemes;
  return { ...s, themes, adminThemes, portalLinkIds: toggle(s.portalLinkIds, id) };
}

/** A remembered workshop of the same title: its level, duration, themes and counts, copied. */
export function copyWorkshop(
  s: FormState,
  w: { level?: WorkshopLevel; durationMin: number; themes: ThemeCode[]; adminThemes: AdminThemeCode[]; beneficiaries: Beneficiaries },
): FormState {
  const b = w.beneficiaries;
  const total = clamp(b.total, 1, MAX_PARTICIPANTS);
  return {
    ...s,
    durationMin: clamp(w.durationMin, 1, 1440),
    themes: [...w.themes],
    adminThemes: w.themes.includes(ADMIN_THEME_PARENT) ? [...w.adminThemes] : [],
    workshop: { ...s.workshop, ...(w.level ? { level: w.level } : {}) },
    group: {
      total,
      already: clamp(b.alreadyAccompanied, 0, total),
      genre: { ...b.genre } as Breakdown<GenreCode>,
      ageBand: { ...b.ageBand } as Breakdown<AgeBandCode>,
      status: { ...b.status } as Breakdown<StatusCode>,
    },
  };
}

export function setAidantsConnect(s: FormState, on: boolean): FormState {
  const themes = !on || s.themes.includes(ADMIN_THEME_PARENT) ? s.themes : [...s.themes, ADMIN_THEME_PARENT];
  return { ...s, themes, aidantsConnect: on };
}

/** Single choice: choosing the chosen one again clears it. */
export const setAutonomy = (s: FormState, a: AutonomyCode): FormState => ({ ...s, autonomy: s.autonomy === a ? undefined : a });

export function setOriented(s: FormState, oriented: boolean): FormState {
  return { ...s, orientation: oriented ? { ...s.orientation, oriented } : { oriented } };
}
export function setOrientationTarget(s: FormState, towards: OrientationTarget): FormState {
  const next = s.orientation.towards === towards ? undefined : towards;
  return { ...s, orientation: { ...s.orientation, oriented: true, towards: next } };
}
/**
 * The orientation hand-off: the person was sent to this venue of the directory; `towards`, the
 * "Structure de redirection" the venue stands for, fills the national field (still changeable).
 */
export const setOrientationVenue = (s: FormState, venueId: string | undefined, towards?: OrientationTarget): FormState => ({
  ...s,
  orientation: venueId ? { ...s.orientation, oriented: true, venueId, ...(towards ? { towards } : {}) } : { ...s.orientation, venueId: undefined },
});

/** A pasted title loses its invisible control characters (the hub would reject the record for them). */
export const setWorkshopTitle = (s: FormState, title: string): FormState => ({ ...s, workshop: { ...s.workshop, title: stripControlChars(title).slice(0, 120) } });
export const setWorkshopLevel = (s: FormState, level: WorkshopLevel): FormState => ({ ...s, workshop: { ...s.workshop, level } });

type PersonChoice = 'genre' | 'ageBand' | 'status';
export function setPerson<K extends PersonChoice>(s: FormState, key: K, value: FormState['person'][K]): FormState {
  return { ...s, person: { ...s.person, [key]: s.person[key] === value ? undefined : value } };
}
export const setPersonAlready = (s: FormState, already: boolean | undefined): FormState => ({ ...s, person: { ...s.person, already } });
export const setPersonCommune = (s: FormState, communeInsee: string | undefined): FormState => ({ ...s, person: { ...s.person, communeInsee } });

/** The smallest total the workshop's other counts allow. */
export function minGroupTotal(g: FormState['group']): number {
  return Math.max(1, g.already, sum(g.genre), sum(g.ageBand), sum(g.status));
}
export const setGroupTotal = (s: FormState, total: number): FormState => ({
  ...s,
  group: { ...s.group, total: clamp(total, minGroupTotal(s.group), MAX_PARTICIPANTS) },
});
export const setGroupAlready = (s: FormState, n: number): FormState => ({ ...s, group: { ...s.group, already: clamp(n, 0, s.group.total) } });

/** A breakdown count, never pushing the breakdown above the total. */
export function setGroupCount(s: FormState, key: GroupBreakdown, code: string, n: number): FormState {
  const current = s.group[key] as Record<string, number | undefined>;
  const others = sum(current) - (current[code] ?? 0);
  const value = clamp(n, 0, s.group.total - others);
  const next = { ...current, [code]: value };
  if (value === 0) delete next[code];
  return { ...s, group: { ...s.group, [key]: next } };
}

export const setPassNumerique = (s: FormState, n: number): FormState => ({ ...s, passNumerique: clamp(n, 0, MAX_PARTICIPANTS) });
export const toggleTag = (s: FormState, id: string): FormState => ({ ...s, tags: toggle(s.tags, id) });
export const setNotes = (s: FormState, notes: string): FormState => ({ ...s, notes });
