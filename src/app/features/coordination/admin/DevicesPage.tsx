import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import type { AdminDevice, EnrolmentCode } from '../../../../shared/admin-api/devices.ts';
import { api, call, fetchMediators, messageOf, patchMediator, type AdminMediator } from '../lib/api.ts';
import { formatDate, formatNumber } from '../lib/labels.ts';
import { useStructures } from './useStructures.ts';

/** Enrolment codes (shown big, with their expiry), the device list, revocation. */
export function DevicesPage() {
  const { t, lang } = useT('coordination');
  const [structures] = useStructures();
  const [devices, setDevices] = useState<AdminDevice[]>();
  const [structureId, setStructureId] = useState('');
  const [mediator, setMediator] = useState('');
  const [conum, setConum] = useState(false);
  const [mediators, setMediators] = useState<AdminMediator[]>();
  const [saved, setSaved] = useState<string>();
  const [ttl, setTtl] = useState('72');
  const [code, setCode] = useState<EnrolmentCode>();
  const [confirming, setConfirming] = useState<string>();
  const [error, setError] = useState<string>();

  const reload = () => call('DeviceListSchema', 'GET', '/api/v1/admin/devices').then((r) => setDevices(r.devices), (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);
  useEffect(() => {
    if (!structureId && structures?.[0]) setStructureId(structures[0].id);
  }, [structures]);
  const reloadMediators = (id: string) => (id ? fetchMediators(id).then(setMediators, (e: unknown) => setError(messageOf(e))) : Promise.resolve(setMediators(structures ? [] : undefined)));
  useEffect(() => {
    setMediators(undefined);
    void reloadMediators(structureId);
  }, [structureId, structures]);

  const createCode = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      setCode(
        await call('EnrolmentCodeSchema', 'POST', '/api/v1/admin/enrolment-codes', {
          structureId,
          ...(mediator.trim() ? { mediatorLabel: mediator.trim() } : {}),
          ...(conum ? { conseillerNumerique: true } : {}),
          ttlHours: Number(ttl),
        }),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const toggleConum = async (m: AdminMediator, on: boolean) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const updated = await patchMediator(m.id, { conseillerNumerique: on });
      setMediators((list) => list?.map((x) => (x.id === m.id ? { ...x, ...updated } : x)));
      setSaved(m.id);
    } catch (err) {
      setError(messageOf(err));
      await reloadMediators(structureId);
    }
  };
  const revoke = async (id: string) => {
    try {
      await api('POST', `/api/v1/admin/devices/${id}/revoke`);
      setConfirming(undefined);
      await reload();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <div>
      <h1>{t('devices.title')}</h1>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <section class="card">
        <h2>{t('devices.codeTitle')}</h2>
        <p>{t('devices.codeHelp')}</p>
        <form class="row coo-form-row" onSubmit={createCode}>
          <div class="field">
            <label for="d-structure">{t('filters.structure')}</label>
            <select id="d-structure" value={structureId} onChange={(e) => setStructureId(e.currentTarget.value)} required>
              {structures?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="d-mediator">{t('devices.mediatorLabel')}</label>
            <input id="d-mediator" value={mediator} maxLength={80} onInput={(e) => setMediator(e.currentTarget.value)} />
          </div>
          <div class="field coo-conum">
            <label class="coo-check" for="d-conum">
              <input id="d-conum" type="checkbox" checked={conum} aria-describedby="d-conum-help" onChange={(e) => setConum(e.currentTarget.checked)} />
              {t('devices.conseillerNumerique')}
            </label>
            <p id="d-conum-help" class="hint">
              {t('devices.conseillerNumeriqueHelp')}
            </p>
          </div>
          <div class="field">
            <label for="d-ttl">{t('devices.ttl')}</label>
            <select id="d-ttl" value={ttl} onChange={(e) => setTtl(e.currentTarget.value)}>
              {['24', '72', '168'].map((h) => (
                <option key={h} value={h}>
                  {t('devices.hours', { count: Number(h) })}
                </option>
              ))}
            </select>
          </div>
          <button class="btn btn-primary" type="submit" disabled={!structureId}>
            {t('devices.createCode')}
          </button>
        </form>
        {code && (
          <div class="coo-code" role="status">
            <p>{t('devices.codeIs')}</p>
            <strong class="coo-code__value" data-testid="enrolment-code" dir="ltr">
              {code.code.slice(0, 4)} {code.code.slice(4)}
            </strong>
            <p>{t('devices.expires', { date: formatDate(code.expiresAt, lang, true) })}</p>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="d-mediators-title" data-testid="mediators">
        <h2 id="d-mediators-title">{t('devices.mediatorsTitle')}</h2>
        <p>{t('devices.mediatorsHelp')}</p>
        {!mediators ? (
          <p>{t('common.loading')}</p>
        ) : mediators.length === 0 ? (
          <p class="hint">{t('devices.mediatorsNone')}</p>
        ) : (
          <div class="coo-table-wrap">
            <table class="coo-table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.mediatorName')}</th>
                  <th scope="col">{t('devices.conseillerNumerique')}</th>
                </tr>
              </thead>
              <tbody>
                {mediators.map((m, i) => {
                  const name = m.label ?? t('mediators.unnamed', { n: i + 1 });
                  return (
                    <tr key={m.id} data-mediator={m.id}>
                      <th scope="row">{name}</th>
                      <td>
                        <label class="coo-toggle">
                          <input type="checkbox" checked={m.conseillerNumerique} onChange={(e) => void toggleConum(m, e.currentTarget.checked)} />
                          <span class="visually-hidden">{t('devices.conumOf', { name })}</span>
                        </label>
                        {saved === m.id && (
                          <span class="hint" role="status">
                            {' '}
                            {t('devices.saved')}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{t('devices.listTitle')}</h2>
        {!devices ? (
          <p>{t('common.loading')}</p>
        ) : devices.length === 0 ? (
          <p class="hint">{t('devices.none')}</p>
        ) : (
          <div class="coo-table-wrap">
            <table class="coo-table">
              <thead>
                <tr>
                  <th scope="col">{t('devices.device')}</th>
                  <th scope="col">{t('filters.structure')}</th>
                  <th scope="col">{t('filters.mediator')}</th>
                  <th scope="col">{t('devices.enrolledAt')}</th>
                  <th scope="col">{t('devices.lastSync')}</th>
                  <th scope="col">{t('devices.records')}</th>
                  <th scope="col">{t('devices.pending')}</th>
                  <th scope="col">{t('devices.status')}</th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.id} data-device={d.id}>
                    <td>{d.label ?? '—'}</td>
                    <td>{d.structure.name}</td>
                    <td>{d.mediator.label ?? '—'}</td>
                    <td>{formatDate(d.enrolledAt, lang, true)}</td>
                    <td>{formatDate(d.lastSyncAt, lang, true)}</td>
                    <td>{formatNumber(d.recordsReceived, lang)}</td>
                    <td>{d.pendingCount === null ? t('devices.unknown') : formatNumber(d.pendingCount, lang)}</td>
                    <td>
                      {d.revoked ? (
                        <span class="badge">{t('devices.revoked')}</span>
                      ) : confirming === d.id ? (
                        <span class="row">
                          <button type="button" class="btn btn-danger" onClick={() => revoke(d.id)}>
                            {t('devices.confirmRevoke')}
                          </button>
                          <button type="button" class="btn" onClick={() => setConfirming(undefined)}>
                            {t('common.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button type="button" class="btn btn-danger" onClick={() => setConfirming(d.id)}>
                          {t('devices.revoke')}
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
