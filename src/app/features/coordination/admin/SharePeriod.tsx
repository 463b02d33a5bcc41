import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { fetchFilterOptions } from '../lib/api.ts';
import { DATE_MIN } from '../../../../shared/stats/window.ts';
import { monthsPeriod, sharePresets } from '../../../../shared/stats/public-period.ts';
import { DEFAULT_TIME_ZONE, zonedDay } from '../../../../shared/time/zoned-date.ts';

/** The whole months a share link covers (docs/public-figures.md): a first and a last month, or a ready-made month, quarter or year. */
export function SharePeriod(props: { from?: string | undefined; to?: string | undefined; structureId?: string | string[] | undefined; onChange: (p: { from: string; to: string }) => void }) {
  const { t } = useT('coordination');
  const [zone, setZone] = useState(DEFAULT_TIME_ZONE);
  useEffect(() => {
    void fetchFilterOptions().then(
      (o) => {
        const ids = props.structureId === undefined ? [] : [props.structureId].flat();
        const chosen = ids.length === 1 ? o.structures.find((s) => s.id === ids[0])?.timeZone : undefined;
        setZone(chosen ?? o.timeZone ?? DEFAULT_TIME_ZONE);
      },
      () => undefined,
    );
  }, []);
  const thisMonth = zonedDay(new Date(), zone).slice(0, 7);
  const clampMonth = (m: string | undefined) => (m && m >= DATE_MIN.slice(0, 7) && m <= thisMonth ? m : thisMonth);
  const [fromMonth, setFromMonth] = useState(clampMonth(props.from?.slice(0, 7)));
  const [toMonth, setToMonth] = useState(clampMonth(props.to?.slice(0, 7)));
  useEffect(() => props.onChange(monthsPeriod(fromMonth <= toMonth ? fromMonth : toMonth, fromMonth <= toMonth ? toMonth : fromMonth)), [fromMonth, toMonth]);

  return (
    <fieldset class="stack" data-testid="share-period">
      <legend>{t('share.period')}</legend>
      <p class="hint">{t('share.periodHelp')}</p>
      <div class="row">
        <label>
          {t('share.fromMonth')}
          <input type="month" min={DATE_MIN.slice(0, 7)} max={thisMonth} value={fromMonth} required onInput={(e) => setFromMonth(clampMonth((e.target as HTMLInputElement).value))} data-testid="share-from" />
        </label>
        <label>
          {t('share.toMonth')}
          <input type="month" min={DATE_MIN.slice(0, 7)} max={thisMonth} value={toMonth} required onInput={(e) => setToMonth(clampMonth((e.target as HTMLInputElement).value))} data-testid="share-to" />
        </label>
      </div>
      <div class="row" role="group" aria-label={t('share.presets')}>
        {sharePresets(zonedDay(new Date(), zone)).map((p) => (
          <button
            key={p.key}
            type="button"
            class="btn"
            aria-pressed={fromMonth === p.fromMonth && toMonth === p.toMonth}
            onClick={() => {
              setFromMonth(p.fromMonth);
              setToMonth(p.toMonth);
            }}
          >
            {t(`share.preset.${p.key}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
