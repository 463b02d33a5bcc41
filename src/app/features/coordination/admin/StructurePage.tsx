import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { useT } from '../../../i18n/use-t.ts';
import { api, call, me, messageOf } from '../lib/api.ts';
import type { StructureDetail } from '../../../../shared/admin-api/structures.ts';
import { BASE } from '../Layout.tsx';
import { PlacesPicker, type Place } from './PlacesPicker.tsx';
import { PortalCustomisation } from './PortalCustomisation.tsx';

type Detail = StructureDetail;

/** One structure's settings: name, territory, places of activity, tags, kiosk, portal. */
export function StructurePage() {
  const { t } = useT('coordination');
  const { params } = useRoute();
  const id = params.id!;
  const [s, setS] = useState<Detail>();
  const [name, setName] = useState('');
  const [deps, setDeps] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const [tags, setTags] = useState<{ id?: string; label: string }[]>([]);
  const [newTag, setNewTag] = useState('');
  const [idle, setIdle] = useState(120);
  const [pin, setPin] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  // The territory is set by an administrator; a coordinator sees it read-only.
  const isAdmin = me.value?.role === 'admin';

  const load = async () => {
    const d = await call('StructureDetailSchema', 'GET', `/api/v1/admin/structures/${id}`);
    setS(d);
    setName(d.name);
    setDeps(d.departements.join(', '));
    setPlaces(d.places);
    setTags(d.settings.tags);
    setIdle(d.settings.kioskIdleSeconds);
  };
  useEffect(() => void load().catch((e: unknown) => setStatus({ ok: false, text: messageOf(e) })), [id]);

  const save = async (e: Event, extra: Record<string, unknown> = {}) => {
    e.preventDefault();
    setStatus(undefined);
    try {
      await api('PATCH', `/api/v1/admin/structures/${id}`, {
        name,
        ...(isAdmin ? { departements: deps.split(/[\s,;]+/).filter(Boolean) } : {}),
        placesOfActivity: places.map((p) => p.id),
        tags,
        kioskIdleSeconds: idle,
        ...extra,
      });
      setPin('');
      await load();
      setStatus({ ok: true, text: t('common.saved') });
    } catch (err) {
      setStatus({ ok: false, text: messageOf(err) });
    }
  };

  if (!s) return <p>{status?.text ?? t('common.loading')}</p>;
  return (
    <div>
      <p class="no-print">
        <a href={`${BASE}/structures`}>← {t('structures.title')}</a>
      </p>
      <h1>{s.name}</h1>
      <form class="card" onSubmit={(e) => save(e, pin ? { kioskPin: pin } : {})}>
        <div class="coo-filters__grid">
          <div class="field">
            <label for="st-name">{t('structures.name')}</label>
            <input id="st-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="st-deps">{t('structures.departements')}</label>
            <input id="st-deps" value={deps} readOnly={!isAdmin} aria-describedby="st-deps-hint" onInput={(e) => setDeps(e.currentTarget.value)} />
            <span class="hint" id="st-deps-hint">{t(isAdmin ? 'structures.departementsHint' : 'structures.departementsAdminOnly')}</span>
          </div>
        </div>
        <PlacesPicker structureId={id} places={places} onChange={setPlaces} />
        <fieldset class="coo-fieldset">
          <legend>{t('structures.tags')}</legend>
          <ul class="coo-chips">
            {tags.map((tag, i) => (
              <li key={tag.id ?? `new-${i}`}>
                {tag.label}{' '}
                <button type="button" class="btn btn-ghost" aria-label={t('structures.removeTag', { name: tag.label })} onClick={() => setTags(tags.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <div class="row">
            <label for="st-tag" class="visually-hidden">
              {t('structures.newTag')}
            </label>
            <input id="st-tag" placeholder={t('structures.newTag')} value={newTag} maxLength={60} onInput={(e) => setNewTag(e.currentTarget.value)} />
            <button type="button" class="btn" disabled={!newTag.trim()} onClick={() => (setTags([...tags, { label: newTag.trim() }]), setNewTag(''))}>
              {t('structures.addTag')}
            </button>
          </div>
        </fieldset>
        <fieldset class="coo-fieldset">
          <legend>{t('structures.kiosk')}</legend>
          <div class="coo-filters__grid">
            <div class="field">
              <label for="st-idle">{t('structures.idle')}</label>
              <input id="st-idle" type="number" min={30} max={3600} step={10} value={idle} onInput={(e) => setIdle(Number(e.currentTarget.value))} />
            </div>
            <div class="field">
              <label for="st-pin">{s.settings.kioskPinSet ? t('structures.pinChange') : t('structures.pinSet')}</label>
              <input id="st-pin" inputMode="numeric" autocomplete="off" pattern="[0-9]{4,8}" value={pin} onInput={(e) => setPin(e.currentTarget.value)} />
              <span class="hint">{s.settings.kioskPinSet ? t('structures.pinIsSet') : t('structures.pinNotSet')}</span>
            </div>
          </div>
          <a class="btn" href={`/api/v1/admin/structures/${id}/kiosk-policy.json`} download>
            {t('structures.policy')}
          </a>{' '}
          <span class="hint">{t('structures.policyHint')}</span>
        </fieldset>
        {status && (
          <p class={`notice ${status.ok ? 'notice--ok' : 'notice--error'}`} role={status.ok ? 'status' : 'alert'}>
            {status.text}
          </p>
        )}
        <button class="btn btn-primary btn-big" type="submit">
          {t('common.save')}
        </button>
      </form>
      <PortalCustomisation structureId={id} />
    </div>
  );
}
