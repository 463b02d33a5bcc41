import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { api, me, messageOf } from '../lib/api.ts';
import { useStructures } from './useStructures.ts';

interface UserView {
  id: string;
  email: string;
  role: 'admin' | 'coordinator';
  structureIds: string[];
}

/** Accounts (admins only): the list, and inviting a coordinator with a one-time password. */
export function UsersPage() {
  const { t } = useT('coordination');
  const [structures] = useStructures();
  const [users, setUsers] = useState<UserView[]>();
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [invited, setInvited] = useState<{ email: string; password: string }>();
  const [error, setError] = useState<string>();
  const reload = () => api<{ users: UserView[] }>('GET', '/api/v1/admin/users').then((r) => setUsers(r.users), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  if (me.value?.role !== 'admin') return <p class="notice notice--warn">{t('users.adminOnly')}</p>;

  const names = new Map((structures ?? []).map((s) => [s.id, s.name]));
  const invite = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api<UserView & { password: string }>('POST', '/api/v1/admin/users', { email, role: 'coordinator', structureIds: chosen });
      setInvited({ email: r.email, password: r.password });
      setEmail('');
      setChosen([]);
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div>
      <h1>{t('users.title')}</h1>
      <section class="card">
        <h2>{t('users.invite')}</h2>
        <p>{t('users.inviteHelp')}</p>
        <form onSubmit={invite}>
          <div class="field">
            <label for="u-email">{t('login.email')}</label>
            <input id="u-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <fieldset class="coo-fieldset">
            <legend>{t('users.structures')}</legend>
            {structures?.map((s) => (
              <label key={s.id} class="coo-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={() => setChosen(chosen.includes(s.id) ? chosen.filter((x) => x !== s.id) : [...chosen, s.id])}
                />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
          <button class="btn btn-primary" type="submit" disabled={chosen.length === 0}>
            {t('users.inviteButton')}
          </button>
        </form>
        {error && (
          <p class="notice notice--error" role="alert">
            {error}
          </p>
        )}
        {invited && (
          <div class="coo-code" role="status">
            <p>{t('users.invited', { email: invited.email })}</p>
            <strong class="coo-code__value coo-code__value--small" dir="ltr">
              {invited.password}
            </strong>
            <p class="hint">{t('users.passwordOnce')}</p>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{t('users.list')}</h2>
        <ul class="coo-list">
          {users?.map((u) => (
            <li key={u.id} class="coo-list__item">
              <span>
                <strong>{u.email}</strong> · {t(u.role === 'admin' ? 'users.roleAdmin' : 'users.roleCoordinator')}
              </span>
              <span class="hint">{u.role === 'admin' ? t('users.allStructures') : u.structureIds.map((id) => names.get(id) ?? id).join(', ')}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
