import { useT } from '../../../i18n/use-t.ts';
import { PATHS } from '../../../paths.ts';
import type { ActivityRow } from '../../../db/activities.ts';
import type { DeviceSettings } from '../../../../shared/protocol/settings.ts';
import { formatDuration } from '../lib/format.ts';
import { Icon } from '../components/icons.tsx';
import { SyncBadge, SyncReasons } from '../components/SyncState.tsx';

const MAX_THEMES = 3;

/** One record in "Mes accompagnements": what, where, how long, its sync state, and what to do with it. */
export function ActivityItem({ row, settings }: { row: ActivityRow; settings: DeviceSettings | undefined }) {
  const { t } = useT('activities');
  const place = row.place;
  const venue = place.venueId ? settings?.placesOfActivity.find((p) => p.venueId === place.venueId)?.name : undefined;
  const commune = place.communeInsee ? (settings?.communes.find((c) => c.insee === place.communeInsee)?.name ?? place.communeInsee) : undefined;
  const where = venue ?? commune ?? t(`codes.place.${place.kind}`);
  const themes = [...row.adminThemes.map((c) => t(`codes.adminThemes.${c}`)), ...row.themes.filter((c) => c !== 'aide_aux_demarches_administratives' || row.adminThemes.length === 0).map((c) => t(`codes.themes.${c}`))];

  return (
    <li class="act-item" data-testid="activity-item" data-id={row.id}>
      <div class="act-item__icon" aria-hidden="true">
        <Icon name={row.type} size={32} />
      </div>
      <div class="act-item__body">
        <p class="act-item__title">
          <strong>{row.type === 'collectif' && row.workshop ? row.workshop.title : t(`codes.type.${row.type}`)}</strong>
          {row.type === 'collectif' && <span class="hint"> · {t('list.participants', { count: row.beneficiaries.total })}</span>}
        </p>
        <p class="act-item__meta">
          {formatDuration(row.durationMin, t)} · {where}
        </p>
        <p class="act-item__themes">
          {themes.slice(0, MAX_THEMES).join(' · ')}
          {themes.length > MAX_THEMES ? ` · +${themes.length - MAX_THEMES}` : ''}
        </p>
        <p class="act-item__state">
          <SyncBadge row={row} />
          {row.notes && (
            <span class="hint act-item__notes">
              <Icon name="lock" size={18} /> {t('list.hasNotes')}
            </span>
          )}
        </p>
        <SyncReasons row={row} />
      </div>
      <div class="act-item__actions">
        <a class="btn" href={`${PATHS.activities}/${row.id}`} data-testid="edit-activity">
          <Icon name="edit" size={20} /> {t('list.editItem')}
        </a>
        <a class="btn" href={`${PATHS.activities}/nouveau?dupliquer=${row.id}`} data-testid="duplicate-activity">
          <Icon name="copy" size={20} /> {t('list.duplicate')}
        </a>
      </div>
    </li>
  );
}
