import { useState } from 'preact/hooks';
import { useT } from '../../i18n/use-t.ts';
import { ApiError, login, messageOf } from './lib/api.ts';

export function Login() {
  const { t } = useT('coordination');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(email, password);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="page page--narrow coo">
      <h1>{t('login.title')}</h1>
      <p class="lead">{t('login.lead')}</p>
      <form class="card" onSubmit={submit}>
        <div class="field">
          <label for="coo-email">{t('login.email')}</label>
          <input id="coo-email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="coo-password">{t('login.password')}</label>
          <input
            id="coo-password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button class="btn btn-primary btn-big" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <a href="/">{t('nav.back')}</a>
      </p>
    </main>
  );
}
