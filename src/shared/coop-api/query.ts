import { z } from 'zod';
import { DEPARTEMENT_PATTERN, INSEE_PATTERN } from '../stats/types.ts';

// Query parameters of the Coop-compatible read API, named as La Coop names them (JSON:API
// families written flat: `page[size]`, `filter[modification][depuis]`). Every parameter has a
// bound; anything else is refused with a 400 naming it (docs/coop-api.md, "Bad input").

export const PAGE_SIZE_DEFAULT = 500;
export const PAGE_SIZE_MAX = 500;
/** `ids=` lists: at most this many, as La Coop. */
export const IDS_MAX = 100;
/** Earliest instant or day a filter may name. */
export const EARLIEST = '2000-01-01';
/** How far past "now" a filter may reach (clock skew, a day ahead for time zones). */
const FUTURE_SLACK_MS = 48 * 3600_000;
const CURSOR_MAX = 300;
const LIST_ITEM = /^[A-Za-z0-9_.:-]{1,200}$/;

const latest = () => new Date(Date.now() + FUTURE_SLACK_MS).toISOString();

/** `page[size]`: a whole number from 1 to 500 (default 500). */
const pageSize = z
  .string()
  .regex(/^\d{1,6}$/, 'page[size] : un nombre entier de 1 à 500 est attendu.')
  .transform(Number)
  .refine((n) => n >= 1 && n <= PAGE_SIZE_MAX, { message: `page[size] : un nombre entier de 1 à ${PAGE_SIZE_MAX} est attendu.` })
  .optional();

const cursor = (name: string) =>
  z
    .string()
    .min(1, `${name} : curseur vide.`)
    .max(CURSOR_MAX, `${name} : curseur invalide.`)
    .optional();

/** An ISO 8601 date-time (with a zone) between 2000-01-01 and now + 2 days. */
export const sinceInstant = (name: string) =>
  z
    .string()
    .max(40, `${name} : une date-heure ISO 8601 est attendue (ex. 2025-09-01T00:00:00Z).`)
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
      message: `${name} : une date-heure ISO 8601 est attendue (ex. 2025-09-01T00:00:00Z).`,
    })
    .refine((s) => Number.isNaN(Date.parse(s)) || (new Date(s).toISOString() >= `${EARLIEST}T00:00:00.000Z` && new Date(s).toISOString() <= latest()), {
      message: `${name} : la date doit être comprise entre ${EARLIEST} et aujourd'hui.`,
    })
    .optional();

const isRealDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A YYYY-MM-DD day that exists, between 2000-01-01 and next year's end. */
export const day = (name: string) =>
  z
    .string()
    .max(10, `${name} : une date AAAA-MM-JJ est attendue.`)
    .refine(isRealDay, { message: `${name} : une date AAAA-MM-JJ existante est attendue.` })
    .refine((s) => !isRealDay(s) || (s >= EARLIEST && s <= `${new Date().getUTCFullYear() + 1}-12-31`), {
      message: `${name} : la date doit être comprise entre ${EARLIEST} et la fin de l'an prochain.`,
    })
    .optional();

/** A comma-separated list of ids (≤ 100, each ≤ 200 plain characters), deduplicated. */
export const idList = (name: string) =>
  z
    .string()
    .max(IDS_MAX * 201, `${name} : au plus ${IDS_MAX} identifiants.`)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .refine((a) => a.length <= IDS_MAX, { message: `${name} : au plus ${IDS_MAX} identifiants.` })
    .refine((a) => a.every((x) => LIST_ITEM.test(x)), { message: `${name} : identifiant invalide.` })
    .optional();

const paging = {
  'page[size]': pageSize.describe("nombre maximum d'éléments à retourner (1 à 500, 500 par défaut)"),
  'page[after]': cursor('page[after]').describe('curseur de pagination pour obtenir les éléments suivants'),
  'page[before]': cursor('page[before]').describe('curseur de pagination pour obtenir les éléments précédents'),
};

const oneDirection = <T extends { 'page[after]'?: string | undefined; 'page[before]'?: string | undefined }>(q: T) => !(q['page[after]'] && q['page[before]']);
const oneDirectionIssue = { message: 'page[before] : page[after] et page[before] ne peuvent pas être donnés ensemble.', path: ['page[before]'] };

export const ActivitesQuerySchema = z
  .strictObject({
    ...paging,
    'filter[creation][depuis]': sinceInstant('filter[creation][depuis]').describe(
      'retourne les activités avec une date de création supérieure ou égale à cette date-heure',
    ),
    'filter[modification][depuis]': sinceInstant('filter[modification][depuis]').describe(
      'retourne les activités (suppressions comprises) avec une date de dernière modification supérieure ou égale à cette date-heure',
    ),
  })
  .refine(oneDirection, oneDirectionIssue);
export type ActivitesQuery = z.output<typeof ActivitesQuerySchema>;

export const StructuresQuerySchema = z
  .strictObject({
    ...paging,
    ids: idList('ids').describe("identifiants de structures séparés par des virgules (100 au plus)"),
    'filter[creation][depuis]': sinceInstant('filter[creation][depuis]').describe(
      'retourne les structures avec une date de création supérieure ou égale à cette date-heure',
    ),
    'filter[modification][depuis]': sinceInstant('filter[modification][depuis]').describe(
      'retourne les structures avec une date de dernière modification supérieure ou égale à cette date-heure',
    ),
  })
  .refine(oneDirection, oneDirectionIssue);
export type StructuresQuery = z.output<typeof StructuresQuerySchema>;

export const LieuxActiviteQuerySchema = z.strictObject({
  ids: idList('ids').describe('identifiants de lieux séparés par des virgules (100 au plus)'),
  'filter[dispositif_programmes_nationaux]': z
    .string()
    .max(100, 'filter[dispositif_programmes_nationaux] : valeur inconnue.')
    .optional()
    .describe('ne retourne que les lieux de ce dispositif ou programme national'),
});
export type LieuxActiviteQuery = z.output<typeof LieuxActiviteQuerySchema>;

const TYPE_SLUGS = ['individuel', 'collectif'] as const;

/** A comma-separated list of codes of a known shape (≤ 100). */
const codeList = (name: string, pattern: RegExp, unknown: string) =>
  z
    .string()
    .max(IDS_MAX * 201, `${name} : au plus ${IDS_MAX} valeurs.`)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .refine((a) => a.length <= IDS_MAX, { message: `${name} : au plus ${IDS_MAX} valeurs.` })
    .refine((a) => a.every((x) => pattern.test(x)), { message: `${name} : ${unknown}.` })
    .optional();

const boolFlag = (name: string) => z.enum(['0', '1'], { error: `${name} : 0 ou 1.` }).optional();

export const StatistiquesQuerySchema = z
  .strictObject({
    'filter[du]': day('filter[du]').describe("date de l'activité minimum (AAAA-MM-JJ)"),
    'filter[au]': day('filter[au]').describe("date de l'activité maximum (AAAA-MM-JJ)"),
    'filter[types]': z
      .string()
      .max(40, 'filter[types] : individuel et/ou collectif.')
      .transform((s) => [...new Set(s.split(',').map((x) => x.trim().toLowerCase()))])
      .refine((a) => a.length > 0 && a.every((x) => (TYPE_SLUGS as readonly string[]).includes(x)), {
        message: 'filter[types] : individuel et/ou collectif, séparés par des virgules.',
      })
      .optional()
      .describe("types d'activités (individuel et/ou collectif) séparés par des virgules"),
    'filter[mediateurs]': idList('filter[mediateurs]').describe('identifiants des médiateurs séparés par des virgules (100 au plus)'),
    'filter[beneficiaires]': idList('filter[beneficiaires]').describe('non pris en charge : Kariole ne conserve aucun bénéficiaire identifié'),
    'filter[communes]': codeList('filter[communes]', INSEE_PATTERN, 'code INSEE inconnu').describe(
      "codes INSEE des communes du lieu de l'activité séparés par des virgules (100 au plus)",
    ),
    'filter[departements]': codeList('filter[departements]', DEPARTEMENT_PATTERN, 'code de département inconnu').describe(
      "codes des départements du lieu de l'activité (13, 2A, 971…) séparés par des virgules (100 au plus)",
    ),
    'filter[lieux]': idList('filter[lieux]').describe("identifiants des lieux d'activité (ceux de /lieux-activite) séparés par des virgules (100 au plus)"),
    'filter[conseiller_numerique]': boolFlag('filter[conseiller_numerique]').describe(
      '1 : activités des médiateurs conseillers numériques ; 0 : des autres',
    ),
    'filter[demarches_administratives]': boolFlag('filter[demarches_administratives]').describe(
      "1 : activités avec la thématique « Aide aux démarches administratives » ; 0 : sans",
    ),
  })
  .refine((q) => !q['filter[du]'] || !q['filter[au]'] || q['filter[du]'] <= q['filter[au]'], {
    message: 'filter[au] : la date de fin précède la date de début.',
    path: ['filter[au]'],
  });
export type StatistiquesQuery = z.output<typeof StatistiquesQuerySchema>;

/** Filters of La Coop's /statistiques this hub cannot apply (it holds no such data): a 400 names them. */
export const UNSUPPORTED_STAT_FILTERS = ['filter[beneficiaires]'] as const;
