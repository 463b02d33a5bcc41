import { useT } from '../../../i18n/use-t.ts';
import { codeLabel, formatNumber } from '../lib/labels.ts';
import type { BreakdownEntry } from './types.ts';
import { proportionOf } from '../../../../shared/stats/proportions.ts';

/** One breakdown as horizontal bars (CSS), with counts and shares; long lists show their top 10. */
export function BreakdownBars({ id, title, entries, unit }: { id: string; title: string; entries: BreakdownEntry[]; unit: string }) {
  const { t, lang } = useT('coordination');
  const sum = entries.reduce((n, e) => n + e.count, 0);
  const max = Math.max(1, ...entries.map((e) => e.count));
  // Long code lists (themes, procedures) read best from the most frequent; short ones keep their order.
  const ordered = entries.length > 8 ? [...entries].filter((e) => e.count > 0).sort((a, b) => b.count - a.count) : entries;
  const shown = ordered.length > 12 ? ordered.slice(0, 10) : ordered;
  return (
    <section class="card coo-bars" aria-labelledby={`bd-${id}`} data-breakdown={id}>
      <h3 id={`bd-${id}`}>{title}</h3>
      <p class="hint">{unit}</p>
      {sum === 0 ? (
        <p class="hint">{t('breakdowns.none')}</p>
      ) : (
        <ul class="coo-bars__list">
          {shown.map((e) => (
            <li key={e.key} class="coo-bars__row">
              <span class="coo-bars__label">{codeLabel(id, e.key, e.label)}</span>
              <span class="coo-bars__track" aria-hidden="true">
                <span class="coo-bars__fill" style={{ inlineSize: `${(e.count / max) * 100}%` }} />
              </span>
              <span class="coo-bars__value">
                {formatNumber(e.count, lang)} <span class="hint">({Math.round(proportionOf(e.count, sum))} %)</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length < ordered.length && <p class="hint">{t('breakdowns.more', { count: ordered.length - shown.length })}</p>}
    </section>
  );
}
