import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { VenueList } from '../../../../shared/admin-api/venues.ts';
import { api, messageOf } from '../lib/api.ts';
import { formatNumber } from '../lib/labels.ts';
import { VenueEditor } from './VenueEditor.tsx';

const PAGE = 50;
/** Same bound as the hub's `q` (VENUE_SEARCH_MAX). */
const SEARCH_MAX = 200;

/** The places of the caller's territory: search, pages of 50, and the editor of the one chosen. */
export function VenueDirectory() {
  const { t, lang } = useT('coordination');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<VenueList>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      const qs = new URLSearchParams({ q, limit: String(PAGE), offset: String(offset) });
      api<VenueList>('GET', `/api/v1/admin/venues?${qs}`).then(
        (r) => {
          if (mine !== seq.current) return;
          setPage(r);
          setError(undefined);
        },
        (e: unknown) => mine === seq.current && setError(messageOf(e)),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, offset, tick]);

  const last = page ? Math.min(page.offset + page.venues.length, page.total) : 0;
  return (
    <section class="card" aria-labelledby="venues-directory-title">
      <h2 id="venues-directory-title">{t('venues.directoryTitle')}</h2>
      <div class="field">
        <label for="venues-search">{t('venues.search')}</label>
        <input
          id="venues-search"
          type="search"
          value={q}
          maxLength={SEARCH_MAX}
          aria-describedby="venues-search-hint"
          onInput={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <span id="venues-search-hint" class="hint">
          {t('venues.searchHint')}
        </span>
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {!page ? (
        <p>{t('common.loading')}</p>
      ) : page.total === 0 ? (
        <p class="hint" role="status">
          {t('venues.noPlaces')}
        </p>
      ) : (
        <>
          <p role="status" data-testid="venues-count">
            {t('venues.range', { first: formatNumber(page.offset + 1, lang), last: formatNumber(last, lang), total: formatNumber(page.total, lang) })}
          </p>
          <div class="coo-table-wrap">
            <table class="coo-table">
              <caption class="visually-hidden">{t('venues.directoryTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('venues.fields.nom')}</th>
                  <th scope="col">{t('venues.fields.commune')}</th>
                  <th scope="col">{t('venues.fields.code_postal')}</th>
                  <th scope="col">{t('venues.sourceColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {page.venues.map((v) => (
                  <tr key={v.id} data-venue={v.id} aria-current={selected === v.id ? 'true' : undefined}>
                    <td>
                      <button type="button" class="coo-linkbtn" aria-label={t('venues.editPlace', { name: v.nom })} onClick={() => setSelected(v.id)}>
                        {v.nom}
                      </button>
                    </td>
                    <td>{v.commune}</td>
                    <td dir="ltr">{v.code_postal}</td>
                    <td>{v.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="row" aria-label={t('venues.pages')}>
            <button type="button" class="btn" disabled={page.offset === 0} onClick={() => setOffset(Math.max(0, page.offset - PAGE))}>
              {t('venues.previous')}
            </button>
            <button type="button" class="btn" disabled={last >= page.total} onClick={() => setOffset(page.offset + PAGE)}>
              {t('venues.next')}
            </button>
          </nav>
        </>
      )}
      {selected && (
        <VenueEditor
          key={selected}
          id={selected}
          onClose={(deleted) => {
            // Back to the place's line in the list, where the keyboard left it (to the search once it is deleted).
            const row = deleted ? null : document.querySelector<HTMLButtonElement>(`tr[data-venue="${CSS.escape(selected)}"] button`);
            setSelected(undefined);
            (row ?? document.getElementById('venues-search'))?.focus();
          }}
          onChanged={() => setTick((x) => x + 1)}
        />
      )}
    </section>
  );
}
