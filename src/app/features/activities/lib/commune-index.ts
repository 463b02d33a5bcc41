import { parseCommuneIndex, type IndexedCommune } from '../../../../shared/communes/search.ts';

// The national list of communes, loaded once and lazily (its own chunk, ~see docs) the first
// time a commune is searched: the form opens without it.

let loading: Promise<IndexedCommune[]> | undefined;

export function loadCommuneIndex(): Promise<IndexedCommune[]> {
  loading ??= import('virtual:kariole-communes').then((m) => parseCommuneIndex(m.default));
  return loading;
}
