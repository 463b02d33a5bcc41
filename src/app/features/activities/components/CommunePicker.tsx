import { useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { Commune } from '../../../../shared/protocol/settings.ts';
import { searchCommuneIndex, type IndexedCommune } from '../../../../shared/communes/search.ts';
import { departementOf } from '../../../../shared/venues/departement.ts';
import { foldText } from '../../../../shared/text.ts';
import { loadCommuneIndex } from '../lib/commune-index.ts';

/** Communes matching a name or postcode prefix (offline, accents folded). */
export function searchCommunes(communes: Commune[], query: string, limit = 8): Commune[] {
  const q = foldText(query);
  if (!q) return [];
  const starts: Commune[] = [];
  const contains: Commune[] = [];
  for (const c of communes) {
    const name = foldText(c.name);
    if (name.startsWith(q) || c.postcodes.some((p) => p.startsWith(q)) || c.insee === q.toUpperCase()) starts.push(c);
    else if (name.includes(q)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * Picks a commune of France by name or postcode (the official list, loaded lazily on the first
 * letter typed; the structure's territory ranked first). Until it is loaded, the territory's
 * communes answer. Before enrolment there is no territory: the INSEE code is typed instead.
 */
export function CommunePicker(props: { id: string; label: string; communes: Commune[]; value: string | undefined; onChange: (insee: string | undefined) => void }) {
  const { t } = useT('activities');
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<IndexedCommune[]>();
  useEffect(() => {
    if (query && !index) void loadCommuneIndex().then(setIndex, () => undefined);
  }, [query, index]);
  const territory = useMemo(() => [...new Set(props.communes.map((c) => departementOf(undefined, c.insee) ?? ''))], [props.communes]);
  const results: Commune[] = useMemo(
    () => (index ? searchCommuneIndex(index, query, { territory, limit: 8 }) : searchCommunes(props.communes, query)),
    [index, territory, props.communes, query],
  );
  const chosen = props.value ? (props.communes.find((c) => c.insee === props.value) ?? index?.find((c) => c.insee === props.value)) : undefined;
  useEffect(() => {
    if (props.value && !chosen && !index) void loadCommuneIndex().then(setIndex, () => undefined);
  }, [props.value, chosen, index]);

  if (props.communes.length === 0) {
    return (
      <div class="field act-commune">
        <label for={props.id}>{t('commune.insee')}</label>
        <span class="hint">{t('commune.inseeHint')}</span>
        <input
          id={props.id}
          value={props.value ?? ''}
          maxLength={5}
          autoComplete="off"
          pattern="[0-9][0-9ABab][0-9]{3}"
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value.trim().toUpperCase();
            props.onChange(v || undefined);
          }}
        />
      </div>
    );
  }
  if (props.value) {
    return (
      <div class="act-commune act-commune--chosen">
        <span class="badge" data-testid={`${props.id}-chosen`}>
          {chosen ? `${chosen.name} (${chosen.postcodes[0] ?? chosen.insee})` : props.value}
        </span>
        <button type="button" class="btn btn-ghost" onClick={() => props.onChange(undefined)}>
          {t('commune.change')}
        </button>
      </div>
    );
  }
  return (
    <div class="field act-commune">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type="search" autoComplete="off" placeholder={t('commune.search')} value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      {query && results.length === 0 && <p class="hint">{t('commune.noResult')}</p>}
      <div class="choices">
        {results.map((c) => (
          <button key={c.insee} type="button" class="choice" aria-label={t('commune.choose', { name: c.name })} onClick={() => props.onChange(c.insee)}>
            {c.name} <span class="hint">{c.postcodes.join(', ')}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
