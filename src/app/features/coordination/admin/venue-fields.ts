import { timeZoneForDepartements } from '../../../../shared/time/zoned-date.ts';

/** Fields of the national standard a coordinator edits on the places screen, in form order. */
export const EDITABLE_FIELDS = [
  'nom',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'prise_rdv',
  'presentation_resume',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Longest value typed in one field (the hub refuses more). */
export const FIELD_MAX = 10_000;

/** A date and time of a place's history, in the time zone of the place's département. */
export function formatChangeDate(iso: string, lang: string, departement: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZoneForDepartements([departement]) }).format(new Date(iso));
}
