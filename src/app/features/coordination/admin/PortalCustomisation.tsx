import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { PortalCustomisation as Custom } from '../../../../shared/portal/schema.ts';
import { call, messageOf } from '../lib/api.ts';
import type { PortalView } from '../../../../shared/admin-api/portal.ts';

const slug = (s: string) =>
  `local-${s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50)}`;

/** The structure's portal (POR's API): hide or pin entries, add its own sites. */
export function PortalCustomisation({ structureId }: { structureId: string }) {
  const { t } = useT('coordination');
  const [view, setView] = useState<PortalView>();
  const [custom, setCustom] = useState<Custom>();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [category, setCategory] = useState('local');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const url0 = `/api/v1/admin/structures/${structureId}/portal`;

  const show = (v: PortalView) => (setView(v), setCustom(v.customisation));
  useEffect(() => void call('PortalViewSchema', 'GET', url0).then(show, (e: unknown) => setStatus({ ok: false, text: messageOf(e) })), [structureId]);

  const save = async (next: Custom) => {
    setStatus(undefined);
    try {
      show(await call('PortalViewSchema', 'PUT', url0, next));
      setStatus({ ok: true, text: t('common.saved') });
    } catch (e) {
      setStatus({ ok: false, text: messageOf(e) });
    }
  };
  if (!view || !custom) return <section class="card">{status?.text ?? t('common.loading')}</section>;
  const toggle = (list: 'hidden' | 'pinned', id: string) =>
    setCustom({ ...custom, [list]: custom[list].includes(id) ? custom[list].filter((x) => x !== id) : [...custom[list], id] });
  const add = () => {
    const cat = view.catalogue.categories.find((c) => c.id === category);
    const link = { id: slug(name), name: name.trim(), url: url.trim(), category: category as Custom['added'][number]['category'], pictogram: cat?.pictogram ?? 'local', audience: 'public' as const };
    setCustom({ ...custom, added: [...custom.added.filter((l) => l.id !== link.id), link] });
    setName('');
    setUrl('');
  };
  return (
    <section class="card" aria-labelledby="portal-title">
      <h2 id="portal-title">{t('portal.title')}</h2>
      <p>{t('portal.help')}</p>
      <div class="coo-table-wrap">
        <table class="coo-table">
          <thead>
            <tr>
              <th scope="col">{t('portal.entry')}</th>
              <th scope="col">{t('portal.hide')}</th>
              <th scope="col">{t('portal.pin')}</th>
            </tr>
          </thead>
          <tbody>
            {view.catalogue.links.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.name} <span class="hint">{new URL(l.url).host}</span>
                </td>
                <td>
                  <input type="checkbox" aria-label={`${t('portal.hide')} : ${l.name}`} checked={custom.hidden.includes(l.id)} onChange={() => toggle('hidden', l.id)} />
                </td>
                <td>
                  <input type="checkbox" aria-label={`${t('portal.pin')} : ${l.name}`} checked={custom.pinned.includes(l.id)} onChange={() => toggle('pinned', l.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset class="coo-fieldset">
        <legend>{t('portal.add')}</legend>
        <div class="coo-filters__grid">
          <div class="field">
            <label for="pl-name">{t('portal.name')}</label>
            <input id="pl-name" value={name} maxLength={120} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pl-url">{t('portal.url')}</label>
            <input id="pl-url" type="url" placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pl-cat">{t('portal.category')}</label>
            <select id="pl-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
              {view.catalogue.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" class="btn" disabled={!name.trim() || !/^https?:\/\/\S+\.\S+/.test(url)} onClick={add}>
          {t('portal.addButton')}
        </button>
        {custom.added.length > 0 && (
          <ul class="coo-chips">
            {custom.added.map((l) => (
              <li key={l.id}>
                {l.name}{' '}
                <button type="button" class="btn btn-ghost" aria-label={t('portal.remove', { name: l.name })} onClick={() => setCustom({ ...custom, added: custom.added.filter((x) => x.id !== l.id) })}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {status && (
        <p class={`notice ${status.ok ? 'notice--ok' : 'notice--error'}`} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      <button type="button" class="btn btn-primary" onClick={() => save(custom)}>
        {t('portal.save')}
      </button>
    </section>
  );
}
