import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';
import { countActivitiesBySyncState, watchActivities, type ActivityRow } from '../../../db/activities.ts';
import { getDeviceIdentity, loadDeviceSettings } from '../../../db/settings.ts';
import type { DeviceSettings } from '../../../../shared/protocol/settings.ts';
import type { ActivityType } from '../../../../shared/activity/codes.ts';
import type { SyncState } from '../../../../shared/activity/anonymise.ts';
import { periodRange, type Period } from '../lib/dates.ts';
import { formatDay, formatDuration } from '../lib/format.ts';
import { groupByDay } from '../lib/totals.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import { Icon } from '../components/icons.tsx';
import { DemoNotice } from '../components/DemoNotice.tsx';
import { ActivityItem } from './ActivityItem.tsx';
import '../activities.css';

const PERIODS: Period[] = ['today', 'week', 'month', 'all'];

/** "Mes accompagnements": the records by day with their totals and sync state; filters by period and type. */
export function ActivityList() {
  const { t, lang } = useT('activities');
  const { query } = useLocation();
  const [period, setPeriod] = useState<Period>('week');
  const [type, setType] = useState<ActivityType | undefined>();
  const [rows, setRows] = useState<ActivityRow[]>();
  const [counts, setCounts] = useState<Record<SyncState, number>>();
  const [settings, setSettings] = useState<DeviceSettings>();
  const [enrolled, setEnrolled] = useState(true);
  const notice = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const savedId = query.enregistre;
  const deleted = query.supprime === '1';

  useEffect(() => {
    void loadDeviceSettings().then(setSettings).catch(() => undefined);
    void getDeviceIdentity()
      .then((id) => setEnrolled(!!id && !id.revokedAt))
      .catch(() => undefined);
  }, []);
  useEffect(() => watchActivities({ ...periodRange(period), type }, setRows), [period, type]);
  useEffect(() => void countActivitiesBySyncState({ visibleOnly: true }).then(setCounts), [rows]);
  useEffect(() => {
    if (rows === undefined) return;
    if (savedId || deleted) notice.current?.focus();
    else heading.current?.focus();
  }, [rows === undefined]);

  const days = groupByDay(rows ?? []);
  const toFix = (counts?.rejected ?? 0) + (counts?.conflict ?? 0);

  return (
    <main id="main" class="page act-list-page">
      <div class="act-list-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('title')}
        </h1>
        <a class="btn btn-primary btn-big" href={`${PATHS.activities}/nouveau`} data-testid="new-activity">
          <Icon name="plus" size={24} /> {t('new')}
        </a>
      </div>
      {!enrolled && <DemoNotice />}
      {(savedId || deleted) && (
        <div class="notice notice--ok act-notice" role="status" tabIndex={-1} ref={notice} data-testid="saved-notice">
          <Icon name="check" size={24} />
          <strong>{savedId ? t('saved') : t('deleted')}</strong>
          {savedId && query.fiche && (
            <a
              class="btn btn-primary"
              href={`${PATHS.venues}/${encodeURIComponent(query.fiche)}/fiche?imprimer=1${query.demarche ? `&demarche=${encodeURIComponent(query.demarche)}` : ''}`}
              data-testid="print-slip"
            >
              {t('list.printSlip')}
            </a>
          )}
          {savedId && (
            <a class="btn" href={`${PATHS.activities}/nouveau?dupliquer=${savedId}`}>
              <Icon name="copy" size={20} /> {t('list.duplicate')}
            </a>
          )}
        </div>
      )}
      {counts && (counts.pending > 0 || toFix > 0) && (
        <p class="act-counts" data-testid="sync-counts">
          {counts.pending > 0 && <span class="badge act-sync act-sync--pending">{t('list.waiting', { count: counts.pending })}</span>}
          {toFix > 0 && <span class="badge act-sync act-sync--fix">{t('list.toFix', { count: toFix })}</span>}
        </p>
      )}

      <div class="act-filters">
        <ChoiceGroup id="act-filter-period" legend={t('list.period')}>
          {PERIODS.map((p) => (
            <Choice key={p} pressed={period === p} label={t(`list.periods.${p}`)} onClick={() => setPeriod(p)} testId={`period-${p}`} />
          ))}
        </ChoiceGroup>
        <ChoiceGroup id="act-filter-type" legend={t('list.type')}>
          <Choice pressed={!type} label={t('list.allTypes')} onClick={() => setType(undefined)} testId="filter-all" />
          <Choice pressed={type === 'individuel'} icon="individuel" label={t('codes.type.individuel')} onClick={() => setType('individuel')} testId="filter-individuel" />
          <Choice pressed={type === 'collectif'} icon="collectif" label={t('codes.type.collectif')} onClick={() => setType('collectif')} testId="filter-collectif" />
        </ChoiceGroup>
      </div>

      {rows && days.length === 0 && <p class="act-empty">{t('list.empty')}</p>}
      {days.map((d) => (
        <section key={d.date} class="act-day" aria-labelledby={`day-${d.date}`} data-testid="activity-day">
          <header class="act-day__head">
            <h2 id={`day-${d.date}`}>{formatDay(d.date, lang)}</h2>
            <p class="act-day__totals" data-testid="day-totals">
              {t('list.dayTotals', { count: d.count, people: t('list.people', { count: d.people }), duration: formatDuration(d.minutes, t) })}
            </p>
          </header>
          <ul class="act-items" role="list">
            {d.items.map((r) => (
              <ActivityItem key={r.id} row={r} settings={settings} />
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
