import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  ADMIN_THEME_PARENT,
  ADMIN_THEMES,
  AGE_BANDS,
  AUTONOMY,
  EQUIPMENT,
  GENRES,
  ORIENTATION_TARGETS,
  PLACE_KINDS,
  STATUSES,
  THEMES,
  WORKSHOP_LEVELS,
  codesOf,
} from './codes.ts';
import { fr } from './errors.ts';
import { hasControlChars } from '../text.ts';

// The activity record as it travels (taxonomy.md): strict, so that no field outside the
// national table — notes, names, times of day — can reach the hub by mistake.

const e = (label: string) => ({ error: fr(label) });

/** A short piece of text (an id, a title): any length rules, and no control character. Also
 * the rule for what a record may later carry (a structure's tag ids). */
export const plainText = (label: string) =>
  z.string(e(label)).refine((s) => !hasControlChars(s), { message: `${label} : contient un caractère invisible non autorisé.` });

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const INSEE_RE = /^[0-9][0-9AB][0-9]{3}$/;
/** Cap on workshop participants and on every count. */
export const MAX_PARTICIPANTS = 10_000;
/** The first day a record may carry (the hub's time window, docs/security.md). */
export const RECORD_DATE_MIN = '2000-01-01';

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const unique = <T>(a: T[]) => new Set(a).size === a.length;

function codeList<T extends string>(codes: [T, ...T[]], label: string) {
  return z
    .array(z.enum(codes, e(label)), e(label))
    .max(codes.length)
    .refine(unique, { message: `${label} : une même valeur est choisie deux fois.` });
}

function idList(label: string) {
  return z
    .array(plainText(label).min(1).max(200), e(label))
    .max(100)
    .refine(unique, { message: `${label} : une même valeur est choisie deux fois.` });
}

const count = (label: string) => z.number(e(label)).int().min(0).max(MAX_PARTICIPANTS);

function breakdown<T extends string>(codes: [T, ...T[]], label: string) {
  return z.partialRecord(z.enum(codes, e(label)), count(label), e(label));
}

const inseeCode = (label: string) => z.string(e(label)).regex(INSEE_RE);

export const PlaceSchema = z.strictObject(
  {
    kind: z.enum(codesOf(PLACE_KINDS), e('Lieu : canal')),
    venueId: plainText("Lieu d’activité").min(1).max(200).optional(),
    communeInsee: inseeCode('Commune du lieu').optional(),
  },
  e('Lieu'),
);

export const OrientationSchema = z.strictObject(
  {
    oriented: z.boolean(e('Bénéficiaire orienté')),
    towards: z.enum(codesOf(ORIENTATION_TARGETS), e('Structure de redirection')).optional(),
    venueId: plainText("Lieu d'orientation").min(1).max(200).optional(),
  },
  e('Orientation'),
);

export const WorkshopSchema = z.strictObject(
  {
    title: plainText("Titre de l’atelier").trim().min(1).max(120),
    level: z.enum(codesOf(WORKSHOP_LEVELS), e("Niveau de l’atelier")),
  },
  e('Atelier'),
);

export const BeneficiariesSchema = z.strictObject(
  {
    total: z.number(e('Nombre de participants')).int().min(1).max(MAX_PARTICIPANTS),
    alreadyAccompanied: count('Déjà accompagnés').default(0),
    genre: breakdown(codesOf(GENRES), 'Genre').default({}),
    ageBand: breakdown(codesOf(AGE_BANDS), "Tranche d'âge").default({}),
    status: breakdown(codesOf(STATUSES), 'Statut').default({}),
    communeInsee: inseeCode('Commune du bénéficiaire').optional(),
  },
  e('Bénéficiaires'),
);

const BaseRecordSchema = z.strictObject(
  {
    id: z.string(e('Identifiant')).regex(UUID_RE),
    revision: z.number(e('Révision')).int().min(1).max(1_000_000),
    type: z.enum(codesOf(ACTIVITY_TYPES), e("Type d'accompagnement")),
    date: z
      .string(e("Date de l'accompagnement"))
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isCalendarDate, { message: "Date de l'accompagnement : cette date n'existe pas." })
      .refine((d) => d >= RECORD_DATE_MIN, { message: "Date de l'accompagnement : pas avant le 01/01/2000." }),
    durationMin: z.number(e('Durée')).int().min(1).max(1440),
    place: PlaceSchema,
    equipment: codeList(codesOf(EQUIPMENT), 'Matériel numérique utilisé').default([]),
    themes: codeList(codesOf(THEMES), "Thématiques d’accompagnement").min(1),
    adminThemes: codeList(codesOf(ADMIN_THEMES), 'Démarches administratives').default([]),
    portalLinkIds: idList('Sites utilisés').default([]),
    autonomy: z.enum(codesOf(AUTONOMY), e("Niveau d'autonomie")).optional(),
    orientation: OrientationSchema.optional(),
    workshop: WorkshopSchema.optional(),
    beneficiaries: BeneficiariesSchema,
    aidantsConnect: z.boolean(e('Aidants Connect utilisé')).default(false),
    passNumerique: count('Pass numérique').default(0),
    tags: idList('Étiquettes').default([]),
  },
  e('Accompagnement'),
);

type Base = z.output<typeof BaseRecordSchema>;
type Issue = { path: (string | number)[]; message: string };

/** Every rule between fields of taxonomy.md, as a list of issues (empty when the record is coherent). */
export function crossFieldIssues(r: Base): Issue[] {
  const out: Issue[] = [];
  const add = (path: (string | number)[], message: string) => out.push({ path, message });
  const individual = r.type === 'individuel';

  if (r.place.kind === 'lieu_activite' && !r.place.venueId) add(['place', 'venueId'], "Lieu d’activité : choisissez le lieu.");
  if (r.place.kind !== 'lieu_activite' && r.place.venueId) add(['place', 'venueId'], "Lieu d’activité : seulement pour un lieu d’activité.");
  if ((r.place.kind === 'autre' || r.place.kind === 'domicile') && !r.place.communeInsee)
    add(['place', 'communeInsee'], 'Commune du lieu : choisissez la commune.');
  if (r.place.kind === 'a_distance' && r.place.communeInsee) add(['place', 'communeInsee'], 'Commune du lieu : sans objet pour un accompagnement à distance.');

  if (r.equipment.includes('aucun') && r.equipment.length > 1)
    add(['equipment'], 'Matériel numérique utilisé : « Pas de matériel » ne va pas avec un autre matériel.');
  if (r.adminThemes.length > 0 && !r.themes.includes(ADMIN_THEME_PARENT))
    add(['adminThemes'], 'Démarches administratives : seulement avec la thématique « Aide aux démarches administratives ».');

  if (individual) {
    if (r.workshop) add(['workshop'], 'Atelier : seulement pour un atelier collectif.');
    if (r.beneficiaries.total !== 1) add(['beneficiaries', 'total'], 'Nombre de participants : un accompagnement individuel concerne 1 personne.');
  } else {
    if (!r.workshop) add(['workshop'], "Atelier : le titre et le niveau de l'atelier sont obligatoires.");
    if (r.autonomy) add(['autonomy'], "Niveau d'autonomie : seulement pour un accompagnement individuel.");
    if (r.orientation) add(['orientation'], 'Orientation : seulement pour un accompagnement individuel.');
    if (r.beneficiaries.communeInsee) add(['beneficiaries', 'communeInsee'], 'Commune du bénéficiaire : seulement pour un accompagnement individuel.');
  }
  if (r.orientation && !r.orientation.oriented && (r.orientation.towards || r.orientation.venueId))
    add(['orientation'], 'Orientation : une structure de redirection suppose que le bénéficiaire est orienté.');

  const b = r.beneficiaries;
  if (b.alreadyAccompanied > b.total) add(['beneficiaries', 'alreadyAccompanied'], 'Déjà accompagnés : plus que le nombre de participants.');
  const sums = [
    ['genre', 'Genre'],
    ['ageBand', "Tranche d'âge"],
    ['status', 'Statut'],
  ] as const;
  for (const [key, label] of sums) {
    const sum = Object.values(b[key] as Record<string, number>).reduce((a, n) => a + n, 0);
    if (sum > b.total) add(['beneficiaries', key], `${label} : le total dépasse le nombre de participants.`);
  }
  return out;
}

/** The activity record on the wire (taxonomy.md), with every cross-field rule. */
export const ActivityRecordSchema = BaseRecordSchema.superRefine((r, ctx) => {
  let issues: Issue[];
  try {
    issues = crossFieldIssues(r);
  } catch {
    // The value is malformed in a way zod already reported (the rules run on partial data too).
    return;
  }
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** A deletion: the hub keeps a tombstone. */
export const ActivityDeletionSchema = z.strictObject(
  {
    id: z.string(e('Identifiant')).regex(UUID_RE),
    revision: z.number(e('Révision')).int().min(1).max(1_000_000),
    deleted: z.literal(true, e('Suppression')),
  },
  e('Suppression'),
);

export type ActivityRecord = z.output<typeof ActivityRecordSchema>;
/** What a client may send: defaulted fields (empty lists, false, 0) may be left out. */
export type ActivityRecordInput = z.input<typeof ActivityRecordSchema>;
export type ActivityDeletion = z.output<typeof ActivityDeletionSchema>;
export type ActivityWire = ActivityRecord | ActivityDeletion;
export type Place = ActivityRecord['place'];
export type Beneficiaries = ActivityRecord['beneficiaries'];
export type Orientation = NonNullable<ActivityRecord['orientation']>;
export type Workshop = NonNullable<ActivityRecord['workshop']>;

/** The schema an item of a push batch is checked against: a deletion when it says `deleted`. */
export function activityWireSchemaFor(item: unknown): typeof ActivityRecordSchema | typeof ActivityDeletionSchema {
  return item !== null && typeof item === 'object' && 'deleted' in item ? ActivityDeletionSchema : ActivityRecordSchema;
}

/**
 * One pushed item checked against the wire schema of its kind (record or deletion): each item
 * of a push is judged on its own, so one bad record does not sink its neighbours.
 */
export function checkWireItem(
  item: unknown,
): { ok: true; record: z.output<typeof ActivityRecordSchema> | z.output<typeof ActivityDeletionSchema> } | { ok: false; errors: { path: string; message: string }[] } {
  const parsed = activityWireSchemaFor(item).safeParse(item);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, errors: issuesToErrors(parsed.error.issues) };
}

/** Issues as `{ path, message }` with dotted paths (the protocol's `errors` shape). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
