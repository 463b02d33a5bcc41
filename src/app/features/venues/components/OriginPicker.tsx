import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadCommuneIndex } from '../../activities/lib/commune-index.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';
import { useT } from '../../../i18n/use-t.ts';
import { communePoints } from '../lib/results.ts';
import { origin } from '../lib/view-state.ts';

/** Where distances are measured from: the device's position, or a commune of the directory (offline). */
export function OriginPicker({ venues }: { venues: Map<string, Venue> }) {
  const { t } = useT('venues');
  const [locating, setLocating] = useState(false);
  const [denied, setDenied] = useState(false);
  // Official commune names (lazy chunk): "AIX EN PROVENCE", "Aix-en-Provence" → one Aix-en-Provence.
  const [official, setOfficial] = useState<Map<string, string>>();
  useEffect(() => void loadCommuneIndex().then((index) => setOfficial(new Map(index.map((c) => [c.insee, c.name]))), () => undefined), []);
  const communes = useMemo(() => communePoints(venues.values(), official), [venues, official]);
  const current = origin.value;

  const locate = () => {
    if (!('geolocation' in navigator)) return setDenied(true);
    setLocating(true);
    setDenied(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        origin.value = { kind: 'position', label: t('distance.located'), point: { lat: pos.coords.latitude, lon: pos.coords.longitude } };
      },
      () => {
        setLocating(false);
        setDenied(true);
      },
      { maximumAge: 300_000, timeout: 15_000 },
    );
  };

  return (
    <div class="ven-origin">
      <span class="ven-origin__label">{t('distance.from')}</span>
      <button type="button" class="choice" aria-pressed={current?.kind === 'position'} onClick={locate} disabled={locating}>
        {locating ? t('distance.locating') : t('distance.myPosition')}
      </button>
      <label class="visually-hidden" for="ven-commune">
        {t('distance.chooseCommune')}
      </label>
      <select
        id="ven-commune"
        value={current?.kind === 'commune' ? (communes.find((c) => c.label === current.label)?.key ?? '') : ''}
        onChange={(e) => {
          const key = (e.currentTarget as HTMLSelectElement).value;
          const c = communes.find((x) => x.key === key);
          origin.value = c ? { kind: 'commune', label: c.label, point: c.point } : undefined;
        }}
      >
        <option value="">{current ? t('distance.none') : t('distance.chooseCommune')}</option>
        {communes.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      {denied && (
        <p class="hint" role="status">
          {t('distance.denied')}
        </p>
      )}
    </div>
  );
}
