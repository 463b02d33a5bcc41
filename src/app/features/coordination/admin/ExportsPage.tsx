import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { api, call, fetchFilterOptions, figuresXlsxUrl, messageOf } from '../lib/api.ts';
import { filtersFromUrl, toQuery, type Filters } from '../lib/filters.ts';
import { describeLine } from '../lib/describe.ts';
import { formatDate } from '../lib/labels.ts';
import { BASE } from '../Layout.tsx';
import type { FilterOptions } from '../dashboard/types.ts';
import type { ShareLinkView } from '../../../../shared/admin-api/share-links.ts';
import { SharePeriod } from './SharePeriod.tsx';


/** A stored link's filters in the dashboard's shape (one value → a list of one). */
function linkFilters(l: ShareLinkView): Filters {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(l.filters)) for (const x of [v].flat()) if (typeof x === 'string' && x) sp.append(k, x);
  const f = filtersFromUrl(`?${sp.toString()}`);
  // The structures a link covers are its scope, even when its filters name none.
  if (!f.structureId?.length && l.structureIds?.length) f.structureId = l.structureIds;
  return f;
}

/** A link follows the structure filter when it covers one of the chosen structures. */
function followsStructures(l: ShareLinkView, chosen: string[] | undefined): boolean {
  if (!chosen?.length) return true;
  return l.structureIds !== null && l.structureIds.some((id) => chosen.includes(id));
}

/** CSV downloads (Kariole and national layouts) and public share links for the current filters. */
/** The national layout first: it is the one the State asks for. */
const EXPORT_LAYOUTS = ['national', 'kariole'] as const;

export function ExportsPage() {
  const { t, lang } = useT('coordination');
  const { url } = useLocation();
  const filters = filtersFromUrl(url);
  const [options, setOptions] = useState<FilterOptions>();
  const [links, setLinks] = useState<ShareLinkView[]>([]);
  const [created, setCreated] = useState<string>();
  const [error, setError] = useState<string>();
  const [sharePeriod, setSharePeriod] = useState<{ from: string; to: string }>();

  const reload = () => call('ShareLinkListSchema', 'GET', '/api/v1/admin/share-links').then((r) => setLinks(r.links), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  useEffect(() => void fetchFilterOptions().then(setOptions, (e: unknown) => setError(messageOf(e))), []);
  const names = { structures: options?.structures, mediators: options?.mediators };
  const shown = links.filter((l) => followsStructures(l, filters.structureId));

  const share = async () => {
    setError(undefined);
    try {
      const { mediatorId: _drop, ...publicFilters } = filters;
      const link = await call('ShareLinkViewSchema', 'POST', '/api/v1/admin/share-links', { filters: { ...publicFilters, ...sharePeriod } });
      setCreated(link.url);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const revoke = async (id: string) => {
    try {
      await api('POST', `/api/v1/admin/share-links/${id}/revoke`);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div>
      <h1>{t('exports.title')}</h1>
      <p class="lead">
        {t('exports.forFilters')} <strong><span data-testid="exports-filters">{describeLine(filters, names, lang)}</span></strong> — <a href={`${BASE}${toQuery(filters)}`}>{t('exports.changeFilters')}</a>
      </p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <section class="card">
        <h2>{t('exports.csvTitle')}</h2>
        <p>{t('exports.csvHelp')}</p>
        <div class="stack">
          {EXPORT_LAYOUTS.map((layout) => (
            <div class="row" key={layout}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <a
                  key={format}
                  class={layout === 'national' ? 'btn btn-primary' : 'btn'}
                  href={`/api/v1/exports/activities.${format}${toQuery(filters, { layout })}`}
                  download
                  data-testid={format === 'csv' ? `export-${layout}` : `export-${layout}-xlsx`}
                >
                  {t(format === 'csv' ? `exports.${layout}` : `exports.${layout}Xlsx`)}
                </a>
              ))}
            </div>
          ))}
          <div class="row">
            <a class="btn" href={figuresXlsxUrl(filters)} download data-testid="export-figures-xlsx">
              {t('dashboard.figuresXlsx')}
            </a>
          </div>
        </div>
      </section>
      <section class="card">
        <h2>{t('share.title')}</h2>
        <p>{t('share.help')}</p>
        {filters.mediatorId && <p class="notice notice--warn">{t('share.noMediator')}</p>}
        <SharePeriod from={filters.from} to={filters.to} structureId={filters.structureId} onChange={setSharePeriod} />
        <button type="button" class="btn btn-primary" onClick={share}>
          {t('share.create')}
        </button>
        {created && (
          <p class="notice notice--ok" role="status">
            {t('share.created')}{' '}
            <a href={created} target="_blank" rel="noopener" class="coo-url">
              {created}
            </a>
          </p>
        )}
        <h3 class="coo-subhead">{t('share.list')}</h3>
        {shown.length === 0 ? (
          <p class="hint">{t('share.none')}</p>
        ) : (
          <ul class="coo-list">
            {shown.map((l) => (
              <li key={l.id} class="coo-list__item">
                <div>
                  <a href={l.url} target="_blank" rel="noopener" class="coo-url">
                    {l.url}
                  </a>
                  <div class="hint">
                    {describeLine(linkFilters(l), names, lang)} · {t('share.createdAt', { date: formatDate(l.createdAt, lang) })}
                  </div>
                </div>
                {l.revokedAt ? (
                  <span class="badge">{t('share.revoked')}</span>
                ) : (
                  <button type="button" class="btn btn-danger" onClick={() => revoke(l.id)}>
                    {t('share.revoke')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
