import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { api } from '../lib/api.ts';

export interface Place {
  id: string;
  nom: string;
  commune: string;
}

/** Places of activity picked from the venue directory of the structure's territory. */
export function PlacesPicker({ structureId, places, onChange }: { structureId: string; places: Place[]; onChange(next: Place[]): void }) {
  const { t } = useT('coordination');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Place[]>([]);
  useEffect(() => {
    if (q.trim().length < 2) return setFound([]);
    const timer = setTimeout(() => {
      api<{ venues: Place[] }>('GET', `/api/v1/admin/venues?structureId=${encodeURIComponent(structureId)}&q=${encodeURIComponent(q)}&limit=8`).then(
        (r) => setFound(r.venues),
        () => setFound([]),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, structureId]);
  const chosen = new Set(places.map((p) => p.id));
  return (
    <fieldset class="coo-fieldset">
      <legend>{t('structures.placesTitle')}</legend>
      {places.length === 0 ? (
        <p class="hint">{t('structures.noPlaces')}</p>
      ) : (
        <ul class="coo-chips">
          {places.map((p) => (
            <li key={p.id}>
              {p.nom} ({p.commune}){' '}
              <button type="button" class="btn btn-ghost" aria-label={t('structures.removePlace', { name: p.nom })} onClick={() => onChange(places.filter((x) => x.id !== p.id))}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="p-search">{t('structures.searchPlace')}</label>
        <input id="p-search" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </div>
      <ul class="coo-list">
        {found
          .filter((p) => !chosen.has(p.id))
          .map((p) => (
            <li key={p.id} class="coo-list__item">
              <span>
                {p.nom} — {p.commune}
              </span>
              <button type="button" class="btn" onClick={() => onChange([...places, p])}>
                {t('structures.addPlace')}
              </button>
            </li>
          ))}
      </ul>
    </fieldset>
  );
}
