import { signal } from '@preact/signals';
import type { LatLon } from '../../../../shared/venues/geo.ts';

// What the mediator chose on the list, kept while they open a place and come back.
export const query = signal('');
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
