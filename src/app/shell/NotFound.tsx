import { useT } from '../i18n/use-t.ts';

export function NotFound() {
  const { t } = useT('common');
  return (
    <main id="main" class="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <a class="btn btn-primary" href="/">
        {t('notFound.home')}
      </a>
    </main>
  );
}
