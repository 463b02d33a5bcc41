import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { api, me, messageOf } from '../lib/api.ts';
import { BASE } from '../Layout.tsx';
import { useStructures } from './useStructures.ts';

/** The user's structures; admins create new ones. */
export function StructuresPage() {
  const { t } = useT('coordination');
  const [structures, reload] = useStructures();
  const [name, setName] = useState('');
  const [deps, setDeps] = useState('');
  const [error, setError] = useState<string>();
  const create = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api('POST', '/api/v1/admin/structures', { name, departements: deps.split(/[\s,;]+/).filter(Boolean) });
      setName('');
      setDeps('');
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div>
      <h1>{t('structures.title')}</h1>
      <ul class="tile-grid">
        {structures?.map((s) => (
          <li key={s.id}>
            <a class="tile" href={`${BASE}/structures/${s.id}`}>
              <span class="tile__title">{s.name}</span>
              <span class="tile__hint">
                {t('structures.departements')} : {s.departements.join(', ') || '—'} · {t('structures.places', { count: s.settings.placesOfActivity.length })}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {me.value?.role === 'admin' && (
        <form class="card coo-form-row row" onSubmit={create}>
          <h2 class="coo-full">{t('structures.create')}</h2>
          <div class="field">
            <label for="s-name">{t('structures.name')}</label>
            <input id="s-name" required minLength={2} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="s-deps">{t('structures.departements')}</label>
            <input id="s-deps" placeholder="13, 84" value={deps} onInput={(e) => setDeps(e.currentTarget.value)} />
          </div>
          <button class="btn btn-primary" type="submit">
            {t('structures.createButton')}
          </button>
          {error && (
            <p class="notice notice--error coo-full" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
