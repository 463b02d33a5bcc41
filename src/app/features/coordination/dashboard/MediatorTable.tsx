import { useT } from '../../../i18n/use-t.ts';
import { formatNumber } from '../lib/labels.ts';
import type { MediatorFigures } from './types.ts';

/** Activities, accompaniments and hours per mediator (coordinators only; never on a public page). */
export function MediatorTable({ rows }: { rows: MediatorFigures[] }) {
  const { t, lang } = useT('coordination');
  const sorted = [...rows].sort((a, b) => b.accompaniments - a.accompaniments || (a.label ?? '').localeCompare(b.label ?? '', 'fr'));
  const hours = (n: number) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  return (
    <section class="card coo-mediators" aria-labelledby="coo-mediators-title" data-testid="mediator-table">
      <h2 id="coo-mediators-title">{t('mediators.title')}</h2>
      {sorted.length === 0 ? (
        <p class="hint">{t('breakdowns.none')}</p>
      ) : (
        // Scrolls sideways on a phone: focusable so the keyboard can scroll it (axe scrollable-region-focusable).
        <div class="coo-table-wrap" tabIndex={0} role="region" aria-labelledby="coo-mediators-title">
          <table class="coo-table">
            <thead>
              <tr>
                <th scope="col">{t('filters.mediator')}</th>
                <th scope="col">{t('mediators.conum')}</th>
                <th scope="col" class="num">{t('mediators.activities')}</th>
                <th scope="col" class="num">{t('mediators.accompaniments')}</th>
                <th scope="col" class="num">{t('mediators.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((m, i) => (
                <tr key={m.mediatorId} data-mediator={m.mediatorId}>
                  <th scope="row">{m.label ?? t('mediators.unnamed', { n: i + 1 })}</th>
                  <td>{m.conseillerNumerique ? t('filters.conumOui') : t('filters.conumNon')}</td>
                  <td class="num">{formatNumber(m.activities, lang)}</td>
                  <td class="num">{formatNumber(m.accompaniments, lang)}</td>
                  <td class="num">{hours(m.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
