import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../../shared/admin-api/account-bounds.ts';
import type { Account, AccountList } from '../../../../shared/admin-api/accounts.ts';
import { api, me, messageOf } from '../lib/api.ts';
import { formatDate } from '../lib/labels.ts';
import { useStructures } from './useStructures.ts';

type Pending = { id: string; action: 'disable' | 'reset' | 'revoke' };

/** Moves the keyboard focus to an element when it appears (a stable ref: called on mount only). */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/** An e-mail inside a sentence, isolated so that it reads right in Arabic (right to left) too. */
const isolate = (s: string) => `\u2068${s}\u2069`;

/**
 * Accounts. Admins: the list (role, structures, status, last login), inviting a coordinator,
 * disabling / re-enabling, changing structures, resetting a password (shown once), ending every
 * session. Everybody: changing its own password.
 */
export function UsersPage() {
  const { t } = useT('coordination');
  const isAdmin = me.value?.role === 'admin';
  return (
    <div>
      <h1>{t(isAdmin ? 'users.title' : 'users.myAccount')}</h1>
      {isAdmin && <AccountsAdmin />}
      <OwnPassword />
    </div>
  );
}

function AccountsAdmin() {
  const { t, lang } = useT('coordination');
  const [structures] = useStructures();
  const [users, setUsers] = useState<Account[]>();
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [invited, setInvited] = useState<{ email: string; password: string }>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const [editing, setEditing] = useState<{ id: string; structureIds: string[] }>();
  const [reset, setReset] = useState<{ id: string; password: string }>();
  const reload = () => api<AccountList>('GET', '/api/v1/admin/users').then((r) => setUsers(r.users), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);

  const names = new Map((structures ?? []).map((s) => [s.id, s.name]));
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const run = async (action: () => Promise<void>, message?: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setPending(undefined);
      if (message) setDone(message);
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const path = (u: Account, action: string) => `/api/v1/admin/users/${encodeURIComponent(u.id)}/${action}`;

  const invite = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<Account & { password: string }>('POST', '/api/v1/admin/users', { email, role: 'coordinator', structureIds: chosen });
      setInvited({ email: r.email, password: r.password });
      setEmail('');
      setChosen([]);
    });
  };
  const confirm = (u: Account) => {
    if (!pending || pending.id !== u.id) return;
    if (pending.action === 'disable') void run(() => api('POST', path(u, 'disable')), t('users.disabledDone', { email: isolate(u.email) }));
    if (pending.action === 'revoke')
      void run(async () => {
        const r = await api<{ revoked: number }>('POST', path(u, 'revoke-sessions'));
        setDone(t('users.revokedDone', { email: isolate(u.email), count: r.revoked }));
      });
    if (pending.action === 'reset')
      void run(async () => {
        const r = await api<{ password: string }>('POST', path(u, 'reset-password'));
        setReset({ id: u.id, password: r.password });
      });
  };
  const saveStructures = (u: Account) => {
    if (!editing) return;
    void run(async () => {
      await api('PUT', path(u, 'structures'), { structureIds: editing.structureIds });
      setEditing(undefined);
    }, t('users.structuresDone', { email: isolate(u.email) }));
  };

  return (
    <>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">{done && <p class="notice notice--ok">{done}</p>}</div>
      <section class="card">
        <h2>{t('users.list')}</h2>
        {!users ? (
          <p>{t('common.loading')}</p>
        ) : (
          <ul class="coo-list coo-accounts">
            {users.map((u) => {
              const self = u.id === me.value?.id;
              const asking = pending?.id === u.id ? pending.action : undefined;
              return (
                <li key={u.id} class="coo-account" data-account={u.email}>
                  <h3 class="coo-account__email">
                    <bdi>{u.email}</bdi>
                  </h3>
                  <dl class="coo-account__facts">
                    <dt>{t('users.role')}</dt>
                    <dd>{t(u.role === 'admin' ? 'users.roleAdmin' : 'users.roleCoordinator')}</dd>
                    <dt>{t('users.structures')}</dt>
                    <dd>{u.role === 'admin' ? t('users.allStructures') : u.structureIds.map((id) => names.get(id) ?? id).join(', ') || '—'}</dd>
                    <dt>{t('users.status')}</dt>
                    <dd>
                      <span class={u.disabledAt ? 'badge badge--warn' : 'badge'}>{t(u.disabledAt ? 'users.disabled' : 'users.active')}</span>
                    </dd>
                    <dt>{t('users.lastLogin')}</dt>
                    <dd>{u.lastLoginAt ? formatDate(u.lastLoginAt, lang, true) : t('users.unknown')}</dd>
                  </dl>
                  {reset?.id === u.id && (
                    <ShownOnce password={reset.password} title={t('users.resetDone', { email: isolate(u.email) })} onClose={() => setReset(undefined)} />
                  )}
                  {editing?.id === u.id ? (
                    <fieldset class="coo-fieldset">
                      <legend>{t('users.structuresOf', { email: isolate(u.email) })}</legend>
                      {structures?.map((s) => (
                        <label key={s.id} class="coo-check">
                          <input
                            type="checkbox"
                            checked={editing.structureIds.includes(s.id)}
                            onChange={() => setEditing({ id: u.id, structureIds: toggle(editing.structureIds, s.id) })}
                          />{' '}
                          {s.name}
                        </label>
                      ))}
                      <div class="row">
                        <button type="button" class="btn btn-primary" disabled={editing.structureIds.length === 0} onClick={() => saveStructures(u)}>
                          {t('users.saveStructures')}
                        </button>
                        <button type="button" class="btn" onClick={() => setEditing(undefined)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </fieldset>
                  ) : asking ? (
                    <div class="notice notice--warn coo-confirm" role="group" aria-label={t(`users.confirm.${asking}`, { email: isolate(u.email) })}>
                      <p>{t(`users.confirm.${asking}`, { email: isolate(u.email) })}</p>
                      <div class="row">
                        <button type="button" class="btn btn-danger" onClick={() => confirm(u)}>
                          {t(`users.confirmButton.${asking}`)}
                        </button>
                        <button type="button" class="btn" ref={focusOnMount} onClick={() => setPending(undefined)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <div class="row coo-account__actions">
                      {u.role === 'coordinator' && (
                        <button type="button" class="btn" onClick={() => setEditing({ id: u.id, structureIds: u.structureIds })}>
                          {t('users.changeStructures')}
                        </button>
                      )}
                      <button type="button" class="btn" onClick={() => setPending({ id: u.id, action: 'reset' })}>
                        {t('users.resetPassword')}
                      </button>
                      {!self && (
                        <button type="button" class="btn" onClick={() => setPending({ id: u.id, action: 'revoke' })}>
                          {t('users.revokeSessions')}
                        </button>
                      )}
                      {!self &&
                        (u.disabledAt ? (
                          <button type="button" class="btn" onClick={() => void run(() => api('POST', path(u, 'enable')), t('users.enabledDone', { email: isolate(u.email) }))}>
                            {t('users.enable')}
                          </button>
                        ) : (
                          <button type="button" class="btn btn-danger" onClick={() => setPending({ id: u.id, action: 'disable' })}>
                            {t('users.disable')}
                          </button>
                        ))}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t('users.invite')}</h2>
        <p>{t('users.inviteHelp')}</p>
        <form onSubmit={invite}>
          <div class="field">
            <label for="u-email">{t('login.email')}</label>
            <input id="u-email" type="email" required maxLength={320} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <fieldset class="coo-fieldset">
            <legend>{t('users.structures')}</legend>
            {structures?.map((s) => (
              <label key={s.id} class="coo-check">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => setChosen(toggle(chosen, s.id))} /> {s.name}
              </label>
            ))}
          </fieldset>
          <button class="btn btn-primary" type="submit" disabled={chosen.length === 0}>
            {t('users.inviteButton')}
          </button>
        </form>
        {invited && <ShownOnce password={invited.password} title={t('users.invited', { email: invited.email })} onClose={() => setInvited(undefined)} />}
      </section>
    </>
  );
}

/** A generated password, shown once, with a copy button and the warning that it will not come back. */
function ShownOnce({ password, title, onClose }: { password: string; title: string; onClose: () => void }) {
  const { t } = useT('coordination');
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div class="coo-code" role="status" data-testid="password-once">
      <p>{title}</p>
      <strong class="coo-code__value coo-code__value--small" dir="ltr" data-testid="password-value">
        {password}
      </strong>
      <p class="notice notice--warn">{t('users.passwordOnce')}</p>
      <div class="row coo-code__actions">
        <button type="button" class="btn btn-primary" ref={focusOnMount} onClick={() => void copy()}>
          {t('users.copy')}
        </button>
        <button type="button" class="btn" onClick={onClose}>
          {t('users.hidePassword')}
        </button>
      </div>
      <p class="hint" aria-live="polite">
        {copied === true ? t('users.copied') : copied === false ? t('users.copyFailed') : ''}
      </p>
    </div>
  );
}

/** Its own password: the current one, then the new one twice; the other sessions end. */
function OwnPassword() {
  const { t } = useT('coordination');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const mismatch = again !== '' && again !== next;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    if (next.length < PASSWORD_MIN || next.length > PASSWORD_MAX) return setError(t('users.own.bounds', { min: PASSWORD_MIN, max: PASSWORD_MAX }));
    if (mismatch) return setError(t('users.own.mismatch'));
    try {
      await api('POST', '/api/v1/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section class="card">
      <h2>{t('users.own.title')}</h2>
      <p>{t('users.own.help', { min: PASSWORD_MIN })}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="own-current">{t('users.own.current')}</label>
          <input id="own-current" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="own-new">{t('users.own.new')}</label>
          <input
            id="own-new"
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            aria-describedby="own-new-hint"
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
          <p class="hint" id="own-new-hint">
            {t('users.own.bounds', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          </p>
        </div>
        <div class="field">
          <label for="own-again">{t('users.own.again')}</label>
          <input
            id="own-again"
            type="password"
            autoComplete="new-password"
            required
            maxLength={PASSWORD_MAX}
            aria-invalid={mismatch ? 'true' : undefined}
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value)}
          />
        </div>
        <button class="btn btn-primary" type="submit">
          {t('users.own.submit')}
        </button>
      </form>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">{done && <p class="notice notice--ok">{t('users.own.done')}</p>}</div>
    </section>
  );
}
