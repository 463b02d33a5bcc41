import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { API_CLIENT_NAME_MAX, API_SCOPES, type ApiScope } from '../../../../shared/coop-api/scopes.ts';
import { api, call, messageOf } from '../lib/api.ts';
import type { ApiClientView } from '../../../../shared/admin-api/api-clients.ts';
import { formatDate } from '../lib/labels.ts';

/** Clients of the Coop-compatible API (docs/coop-api.md): create (secret shown once), list, revoke. Admins only. */
export function ApiClientsPage() {
  const { t, lang } = useT('coordination');
  const [clients, setClients] = useState<ApiClientView[]>();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['activites', 'statistiques']);
  const [created, setCreated] = useState<{ id: string; secret: string }>();
  const [confirming, setConfirming] = useState<string>();
  const [error, setError] = useState<string>();

  const reload = () => call('ApiClientListSchema', 'GET', '/api/v1/admin/api-clients').then((r) => setClients(r.clients), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);

  const create = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await call('CreatedApiClientSchema', 'POST', '/api/v1/admin/api-clients', { name: name.trim(), scopes });
      setCreated({ id: r.client.id, secret: r.secret });
      setName('');
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const revoke = async (id: string) => {
    try {
      await api('POST', `/api/v1/admin/api-clients/${encodeURIComponent(id)}/revoke`);
      setConfirming(undefined);
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const toggle = (s: ApiScope) => setScopes((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  return (
    <div>
      <h1>{t('apiClients.title')}</h1>
      <p>{t('apiClients.lead')}</p>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <section class="card">
        <h2>{t('apiClients.createTitle')}</h2>
        <form onSubmit={create}>
          <div class="field">
            <label for="ac-name">{t('apiClients.name')}</label>
            <input id="ac-name" value={name} maxLength={API_CLIENT_NAME_MAX} required onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <fieldset class="field">
            <legend>{t('apiClients.scopes')}</legend>
            {API_SCOPES.map((s) => (
              <label key={s} class="row">
                <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} /> <span>{t(`apiClients.scope.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          <button class="btn btn-primary" type="submit" disabled={!name.trim() || scopes.length === 0}>
            {t('apiClients.create')}
          </button>
        </form>
        {created && (
          <div class="coo-code" role="status" data-testid="api-client-secret">
            <p>{t('apiClients.secretOnce')}</p>
            <p>
              {t('apiClients.id')} <code dir="ltr">{created.id}</code>
            </p>
            <p>
              {t('apiClients.secret')} <code dir="ltr">{created.secret}</code>
            </p>
            <p>
              {t('apiClients.header')} <code dir="ltr">Authorization: Bearer {created.id}:{created.secret}</code>
            </p>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{t('apiClients.listTitle')}</h2>
        {!clients ? (
          <p>{t('common.loading')}</p>
        ) : clients.length === 0 ? (
          <p class="hint">{t('apiClients.none')}</p>
        ) : (
          <div class="coo-table-wrap">
            <table class="coo-table">
              <thead>
                <tr>
                  <th scope="col">{t('apiClients.name')}</th>
                  <th scope="col">{t('apiClients.scopes')}</th>
                  <th scope="col">{t('apiClients.createdAt')}</th>
                  <th scope="col">{t('apiClients.lastUsedAt')}</th>
                  <th scope="col">{t('apiClients.status')}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id} data-api-client={c.id}>
                    <td>{c.name}</td>
                    <td>{c.scopes.map((s) => t(`apiClients.scope.${s}`)).join(', ')}</td>
                    <td>{formatDate(c.createdAt, lang, true)}</td>
                    <td>{c.lastUsedAt ? formatDate(c.lastUsedAt, lang, true) : '—'}</td>
                    <td>
                      {c.revokedAt ? (
                        <span class="badge">{t('apiClients.revoked')}</span>
                      ) : confirming === c.id ? (
                        <span class="row">
                          <button type="button" class="btn btn-danger" onClick={() => revoke(c.id)}>
                            {t('apiClients.confirmRevoke', { name: c.name })}
                          </button>
                          <button type="button" class="btn" onClick={() => setConfirming(undefined)}>
                            {t('common.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button type="button" class="btn btn-danger" onClick={() => setConfirming(c.id)}>
                          {t('apiClients.revoke', { name: c.name })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
