import { timeZoneForDepartements } from '../../../../shared/time/zoned-date.ts';
import { REPORTABLE_FIELDS, type ReportableField } from '../../../../shared/venues/schema.ts';

/** Fields a coordinator edits on the places screen, in form order: those a mediator can report (lists joined with |). */
export const EDITABLE_FIELDS = REPORTABLE_FIELDS.filter((f): f is Exclude<ReportableField, 'autre'> => f !== 'autre');
export type EditableField = Exclude<ReportableField, 'autre'>;

/** Longest value typed in one field (the hub refuses more). */
export const FIELD_MAX = 10_000;

/** A date and time of a place's history, in the time zone of the place's département. */
export function formatChangeDate(iso: string, lang: string, departement: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZoneForDepartements([departement]) }).format(new Date(iso));
}
