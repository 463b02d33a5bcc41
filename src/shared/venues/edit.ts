import { toNationalRow } from './export.ts';
import { normaliseVenueRow, type FieldIssue, type NormaliseOptions } from './normalise.ts';
import type { Venue } from './schema.ts';

/**
 * Warnings of the import validator that keep the typed value (it is stored as given or
 * completed): shown to the coordinator, who confirms. Any other warning on a field the edit
 * changes would drop or keep unreadable what the person typed, so it blocks the write.
 */
const KEPT = new Set(['code_postal', 'presentation_resume', 'date_maj']);

export type EditCheck = { ok: true; venue: Venue; errors: []; warnings: FieldIssue[] } | { ok: false; errors: FieldIssue[]; warnings: FieldIssue[] };

/**
 * A place edited by a person (the places screen, an applied field report): the place as it
 * is, with the changed fields (national standard text, lists joined with `|`), validated by
 * the import's row validator (`normaliseVenueRow`, with the same options as an import) —
 * its errors block; warnings on changed fields either block (the value would be lost, or
 * hours that do not read) or are returned for the person to confirm.
 */
export function checkVenueEdit(current: Venue, patch: Record<string, string | null>, opts: NormaliseOptions): EditCheck {
  const before = toNationalRow(current) as Record<string, string>;
  const row: Record<string, string> = { ...before };
  for (const [k, v] of Object.entries(patch)) row[k] = v ?? '';
  row.id = current.id;
  const touched = new Set(Object.keys(patch).filter((k) => (patch[k] ?? '') !== (before[k] ?? '')));
  if (touched.has('longitude')) touched.add('latitude');
  const moved = touched.has('code_postal') || touched.has('commune');
  // A new postcode or commune makes the stored INSEE code stale: found again from them, as an import does.
  if (moved && !touched.has('code_insee')) row.code_insee = '';
  const result = normaliseVenueRow(row, opts);
  const errors: FieldIssue[] = result.ok ? [] : [...result.errors];
  const warnings: FieldIssue[] = [];
  if (result.ok && moved && opts.postcodeBelongs && !opts.postcodeBelongs(result.venue.code_postal, result.venue.commune, result.venue.code_insee)) {
    warnings.push({ path: 'code_postal', message: `code_postal : « ${result.venue.code_postal} » n'est pas un code postal de la commune « ${result.venue.commune} »` });
  }
  for (const w of result.warnings) {
    if (!touched.has(w.path)) continue;
    if (KEPT.has(w.path)) warnings.push(w);
    else if (w.path === 'horaires') {
      errors.push({ path: 'horaires', message: `horaires : « ${row.horaires} » ne se lit pas (syntaxe OpenStreetMap, par exemple « Mo-Fr 09:00-12:00; Sa 09:00-12:00 »)` });
    } else errors.push({ path: w.path, message: w.message.replace(/, (ignorée?s?|gardées? telles? quelles?)$/, '') });
  }
  if (!result.ok || errors.length) return { ok: false, errors, warnings };
  return { ok: true, venue: result.venue, errors: [], warnings };
}
