import { signal } from '@preact/signals';
import type { LatLon } from '../../../../shared/venues/geo.ts';

// What the mediator chose on the list, kept while they open a place and come back. The search
// also outlives a reload of the place's page (this tab only: sessionStorage).
const QUERY_KEY = 'kariole.venues.query';
function storedQuery(): string {
  try {
    return sessionStorage.getItem(QUERY_KEY) ?? '';
  } catch {
    return '';
  }
}
export const query = signal(typeof window === 'undefined' ? '' : storedQuery());
query.subscribe((q) => {
  try {
    if (q) sessionStorage.setItem(QUERY_KEY, q);
    else sessionStorage.removeItem(QUERY_KEY);
  } catch {
    // private mode: kept in memory only
  }
});
export const selectedFilters = signal<ReadonlySet<string>>(new Set());
export interface Origin {
  kind: 'position' | 'commune';
  label: string;
  point: LatLon;
}
export const origin = signal<Origin | undefined>(undefined);

export function toggleFilter(id: string): void {
  const next = new Set(selectedFilters.value);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  selectedFilters.value = next;
}

/**
 * The activity form the mediator came from ("Oui, orienté" → the directory): "Orienter ici"
 * goes back to it, with the place. Only a path of the activity form is accepted.
 */
export const returnToForm = signal<string | undefined>(undefined);

export function formReturnPath(raw: string | undefined, activitiesPath: string): string | undefined {
  if (!raw) return undefined;
  const ok = raw === `${activitiesPath}/nouveau` || new RegExp(`^${activitiesPath}/[0-9a-f-]{36}$`).test(raw);
  return ok ? raw : undefined;
}

/** Where "Orienter ici" leads: back to the form the mediator came from, or a new record. */
export function orientHref(venueId: string, activitiesPath: string): string {
  return `${returnToForm.value ?? `${activitiesPath}/nouveau`}?orientation=${encodeURIComponent(venueId)}`;
}
