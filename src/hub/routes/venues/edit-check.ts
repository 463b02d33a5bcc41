import { HttpProblem, type FieldError } from '../../plugins/problem.ts';
import { ROW_OPTIONS } from '../../repositories/venue-import.ts';
import { VENUE_COLUMNS } from '../../../shared/venues/fields.ts';
import { checkVenueEdit, type EditCheck } from '../../../shared/venues/edit.ts';
import type { Venue } from '../../../shared/venues/schema.ts';
import type { User } from '../../repositories/users.ts';
import type { VenueActor } from '../../repositories/venue-changes.ts';
import type { VenueChangeAction } from '../../../shared/admin-api/venues.ts';

const COLUMNS = new Set<string>(VENUE_COLUMNS);

/** Fields an edit may not name: unknown to the standard, or the id. */
export function refusedFields(patch: Record<string, unknown>): FieldError[] {
  return Object.keys(patch)
    .filter((k) => k === 'id' || !COLUMNS.has(k))
    .map((k) => ({ path: k, message: `${k} : champ inconnu du standard ou non modifiable` }));
}

/** The outside-territory error of a place that would move out of the caller's départements. */
export const outsideTerritory = (departement: string): FieldError => ({ path: 'code_postal', message: `code_postal : le lieu passerait dans le département ${departement}, hors du territoire de vos structures` });

/**
 * An edit checked like an import row (one validator, the import's options), plus the territory:
 * the edited place must stay in `departements` (undefined: an admin, anywhere).
 */
export function checkEdit(current: Venue, patch: Record<string, string | null>, departements: string[] | undefined): EditCheck & { outside: boolean } {
  const check = checkVenueEdit(current, patch, ROW_OPTIONS);
  if (check.ok && departements && !departements.includes(check.venue.departement)) {
    return { ok: false, errors: [outsideTerritory(check.venue.departement)], warnings: check.warnings, outside: true };
  }
  return { ...check, outside: false };
}

/**
 * Throws the problem of a failed check (400 naming each field), or of warnings not yet
 * confirmed (409 listing them). Returns the place to write.
 */
export function acceptedEdit(check: EditCheck & { outside: boolean }, confirmed: boolean): { venue: Venue; warnings: EditCheck['warnings'] } {
  if (!check.ok) {
    if (check.outside) throw new HttpProblem(400, 'Hors territoire', 'Le lieu sortirait de votre territoire.', check.errors);
    throw new HttpProblem(400, 'Valeur refusée', `Le lieu ne respecte pas le standard : ${check.errors.map((e) => e.message).join(' ; ')}`, check.errors);
  }
  if (check.warnings.length && !confirmed) {
    throw new HttpProblem(409, 'Confirmation requise', `À vérifier avant d'enregistrer : ${check.warnings.map((w) => w.message).join(' ; ')}. Confirmez pour enregistrer.`, check.warnings);
  }
  return { venue: check.venue, warnings: check.warnings };
}

export const actorOf = (user: User, action: VenueChangeAction): VenueActor => ({ action, userId: user.id, userEmail: user.email });
