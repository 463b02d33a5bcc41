import { z } from 'zod';

// No 0/O, 1/I/L: a code is read off a screen and typed on a tablet.
export const ENROLMENT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ENROLMENT_CODE_LENGTH = 8;

// Characters a person may type for one that codes never contain: each is tried as the
// letters of the alphabet it is most often confused with.
const LOOK_ALIKES: Record<string, string[]> = {
  '0': ['D', 'Q'],
  O: ['D', 'Q'],
  '1': ['J', 'T', '7'],
  I: ['J', 'T', '7'],
  L: ['J', 'T', '7'],
};
const MAX_AMBIGUOUS = 3;

/** Upper case, no spaces or separators, full-width and accented letters folded. */
export function normaliseEnrolmentCode(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/**
 * Codes the typed text may stand for, once normalised: itself when every character is in the
 * alphabet, else each look-alike combination (at most three uncertain characters). Empty when
 * it cannot be a code (wrong length, impossible characters).
 */
export function enrolmentCodeCandidates(raw: string): string[] {
  const code = normaliseEnrolmentCode(raw);
  if (code.length !== ENROLMENT_CODE_LENGTH) return [];
  let out = [''];
  let ambiguous = 0;
  for (const ch of code) {
    if (ENROLMENT_ALPHABET.includes(ch)) {
      out = out.map((p) => p + ch);
      continue;
    }
    const alts = LOOK_ALIKES[ch];
    if (!alts || ++ambiguous > MAX_AMBIGUOUS) return [];
    out = out.flatMap((p) => alts.map((a) => p + a));
  }
  return out;
}

/** `POST /api/v1/devices/enrol` */
export const EnrolRequestSchema = z
  .object({
    code: z.string({ error: "Le code d'inscription est requis." }).min(1, "Le code d'inscription est requis.").max(64, 'Ce code est trop long.'),
    deviceLabel: z.string({ error: "Le nom de l'appareil doit être un texte." }).max(80, "Le nom de l'appareil est trop long (80 caractères au plus).").optional(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

export const EnrolResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string(),
  structure: z.object({ id: z.string(), name: z.string() }),
  mediatorId: z.string(),
});
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;

/** `POST /api/v1/admin/enrolment-codes` */
export const EnrolmentCodeRequestSchema = z
  .object({
    structureId: z.string({ error: 'La structure est requise.' }).min(1, 'La structure est requise.').max(100),
    mediatorLabel: z.string({ error: 'Le nom du médiateur doit être un texte.' }).max(80, 'Le nom du médiateur est trop long (80 caractères au plus).').nullish(),
    /** the mediator the code enrols is a conseiller numérique (stats-contract.md) */
    conseillerNumerique: z.boolean({ error: 'Conseiller numérique : oui (true) ou non (false).' }).optional(),
    ttlHours: z
      .number({ error: 'La durée de validité doit être un nombre d’heures.' })
      .int('La durée de validité doit être un nombre entier d’heures.')
      .min(1, 'La durée de validité est d’au moins 1 heure.')
      .max(24 * 30, 'La durée de validité est de 30 jours au plus.')
      .optional(),
  })
  .strict();
