import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { formatNumber } from '../lib/labels.ts';
import type { SeriesPoint } from './types.ts';

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 34, left: 44 };

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / p) * p;
}

/** Accompaniments (bars) and activities (line) per month or per day, in plain SVG. */
export function TimeChart({ byMonth, byDay }: { byMonth: SeriesPoint[]; byDay: SeriesPoint[] }) {
  const { t, lang } = useT('coordination');
  const [grain, setGrain] = useState<'month' | 'day'>(byMonth.length > 1 ? 'month' : 'day');
  const points = grain === 'month' ? byMonth : byDay;
  const max = niceMax(Math.max(0, ...points.map((p) => p.accompaniments)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = points.length ? innerW / points.length : innerW;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const label = (p: string) => (grain === 'month' ? new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${p}-01T00:00:00Z`)) : p.slice(8, 10) + '/' + p.slice(5, 7));
  const every = Math.max(1, Math.ceil(points.length / 12));
  const line = points.map((p, i) => `${PAD.left + step * i + step / 2},${y(p.activities)}`).join(' ');
  return (
    <section class="card coo-chart" aria-labelledby="coo-chart-title">
      <div class="coo-section-head">
        <h2 id="coo-chart-title">{t('chart.title')}</h2>
        <div class="choices no-print" role="group" aria-label={t('chart.grain')}>
          <button type="button" class="choice" aria-pressed={grain === 'month'} onClick={() => setGrain('month')}>
            {t('chart.byMonth')}
          </button>
          <button type="button" class="choice" aria-pressed={grain === 'day'} onClick={() => setGrain('day')}>
            {t('chart.byDay')}
          </button>
        </div>
      </div>
      {points.length === 0 ? (
        <p class="hint">{t('chart.empty')}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="coo-chart-title coo-chart-desc" class="coo-chart__svg">
          <desc id="coo-chart-desc">{t('chart.desc')}</desc>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} class="coo-chart__grid" />
              <text x={PAD.left - 6} y={y(max * f) + 4} class="coo-chart__axis" text-anchor="end">
                {formatNumber(max * f, lang)}
              </text>
            </g>
          ))}
          {points.map((p, i) => (
            <g key={p.period}>
              <rect x={PAD.left + step * i + step * 0.12} width={Math.max(1, step * 0.76)} y={y(p.accompaniments)} height={PAD.top + innerH - y(p.accompaniments)} class="coo-chart__bar">
                <title>{`${p.period} : ${p.accompaniments} ${t('kpi.accompaniments')}, ${p.activities} ${t('kpi.activities')}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={PAD.left + step * i + step / 2} y={H - 12} class="coo-chart__axis" text-anchor="middle">
                  {label(p.period)}
                </text>
              )}
            </g>
          ))}
          <polyline points={line} class="coo-chart__line" />
        </svg>
      )}
      <p class="coo-legend">
        <span class="coo-legend__bar" aria-hidden="true" /> {t('kpi.accompaniments')} <span class="coo-legend__line" aria-hidden="true" /> {t('kpi.activities')}
      </p>
      <table class="visually-hidden">
        <caption>{t('chart.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.period')}</th>
            <th scope="col">{t('kpi.accompaniments')}</th>
            <th scope="col">{t('kpi.activities')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period}>
              <th scope="row">{p.period}</th>
              <td>{p.accompaniments}</td>
              <td>{p.activities}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
