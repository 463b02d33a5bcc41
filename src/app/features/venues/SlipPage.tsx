import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { PortalLink } from '../../../shared/portal/schema.ts';
import { loadPortalCatalogue } from '../../db/portal.ts';
import { getDeviceIdentity } from '../../db/settings.ts';
import { useT } from '../../i18n/use-t.ts';
import { PATHS } from '../../paths.ts';
import { ROLLS, rollPageRule, usePageSizedTo } from '../../shell/print-size.ts';
import { SlipAccess } from './components/SlipAccess.tsx';
import { SlipHours } from './components/SlipHours.tsx';
import { fullAddress, phoneForPeople } from './lib/format.ts';
import { PRINT_LAYOUTS, getPrintLayout, getSenderPhone, type PrintLayout } from './lib/print-layout.ts';
import { qrDataUrl, qrTarget } from './lib/slip.ts';
import { useVenue } from './lib/use-venue.ts';
import { useAutoPrint } from './lib/auto-print.ts';
import './slip.css';

function checklistOf(link: PortalLink | undefined, lang: string): string[] {
  if (!link) return [];
  const i18n = link.i18n as Record<string, { checklist?: string[] }> | undefined;
  return i18n?.[lang]?.checklist ?? link.checklist ?? [];
}

/** The orientation slip: A4 or a 58/80 mm ticket, with QR code, hours in words and what to bring. */
export function SlipPage() {
  const { params, query } = useRoute();
  const id = decodeURIComponent(params.id ?? '');
  const { t, lang } = useT('venues');
  const venue = useVenue(id);
  const [layout, setLayout] = useState<PrintLayout | undefined>(PRINT_LAYOUTS.find((l) => l === query.format));
  const [links, setLinks] = useState<PortalLink[]>([]);
  const [demarche, setDemarche] = useState<string>(query.demarche ?? '');
  const [structure, setStructure] = useState<string | undefined>();
  const [senderPhone, setSenderPhone] = useState<string | undefined>();
  const [now] = useState(() => new Date());
  const [catalogueRead, setCatalogueRead] = useState(false);
  const slip = useRef<HTMLElement>(null);
  // A roll is one page as tall as the slip (the driver cuts after it); A4 keeps its size.
  usePageSizedTo(
    'slip-page-size',
    () => (layout === '80mm' || layout === '58mm' ? slip.current : null),
    (h) => rollPageRule(ROLLS[layout === '58mm' ? '58' : '80'], h, layout === '58mm' ? 'slip-58' : 'slip-80'),
    [layout, venue, demarche, links, structure, senderPhone],
  );

  useEffect(() => {
    if (!layout) void getPrintLayout().then(setLayout);
    void loadPortalCatalogue()
      .then(
        (c) => setLinks(c.links.filter((l) => !l.hidden && (l.checklist?.length ?? 0) > 0)),
        () => setLinks([]),
      )
      .finally(() => setCatalogueRead(true));
    void getDeviceIdentity().then((i) => setStructure(i?.structure.name));
    void getSenderPhone().then(setSenderPhone);
  }, []);

  const target = useMemo(() => (venue ? qrTarget(venue) : undefined), [venue]);
  const qr = useMemo(() => (target ? qrDataUrl(target.url) : undefined), [target]);
  useAutoPrint(query.imprimer === '1', !!venue && !!layout && catalogueRead);
  if (venue === undefined || !layout) return <main id="main" class="page" />;
  if (venue === null) {
    return (
      <main id="main" class="page">
        <p class="notice notice--warn">{t('detail.notFound')}</p>
      </main>
    );
  }
  const link = links.find((l) => l.id === demarche);
  const checklist = checklistOf(link, lang);
  const linkName = (l: PortalLink) => (l.i18n as Record<string, { name?: string }> | undefined)?.[lang]?.name ?? l.name;

  return (
    <main id="main" class="page slip-page">
      <div class="slip-controls card">
        <p>
          <a href={`${PATHS.venues}/${encodeURIComponent(venue.id)}`}>{t('slip.back')}</a>
        </p>
        <fieldset class="choices" aria-label={t('slip.layout')}>
          <legend class="visually-hidden">{t('slip.layout')}</legend>
          {PRINT_LAYOUTS.map((l) => (
            <button key={l} type="button" class="choice" aria-pressed={layout === l} data-layout={l} onClick={() => setLayout(l)}>
              {t(`slip.layouts.${l}`)}
            </button>
          ))}
        </fieldset>
        {links.length > 0 && (
          <div class="field">
            <label for="slip-demarche">{t('slip.demarche')}</label>
            <select id="slip-demarche" value={demarche} onChange={(e) => setDemarche((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('slip.noDemarche')}</option>
              {links.map((l) => (
                <option key={l.id} value={l.id}>
                  {linkName(l)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" class="btn btn-primary btn-big" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </div>

      <article ref={slip} class={`slip slip--${layout}`} data-testid="slip" aria-label={t('slip.title')}>
        <header class="slip__head">
          <p class="slip__kicker">{t('slip.title')}</p>
          <h1 class="slip__name">{venue.nom}</h1>
        </header>
        <div class="slip__body">
          <div class="slip__info">
            <p>
              <strong>{t('slip.address')}</strong>
              {t('slip.colon')}
              <bdi>{fullAddress(venue)}</bdi>
            </p>
            {venue.telephone && (
              <p>
                <strong>{t('slip.phone')}</strong>
                {t('slip.colon')}
                <bdi dir="ltr" data-testid="slip-phone">{phoneForPeople(venue.telephone)}</bdi>
              </p>
            )}
            <h2 class="slip__h">{t('slip.hours')}</h2>
            <SlipHours raw={venue.horaires} now={now} />
            <SlipAccess venue={venue} />
            {link && (
              <>
                <h2 class="slip__h">
                  {t('slip.toBring')} — {linkName(link)}
                </h2>
                <ul class="slip__checklist" data-testid="slip-checklist">
                  {checklist.map((c) => (
                    <li key={c}>☐ {c}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {qr && target && (
            <figure class="slip__qr">
              <img src={qr} alt="" />
              <figcaption>{t(target.kind === 'booking' ? 'slip.qrBooking' : target.kind === 'website' ? 'slip.qrWebsite' : 'slip.qrMap')}</figcaption>
            </figure>
          )}
        </div>
        <footer class="slip__foot">
          {structure && (
            <p data-testid="slip-sender">
              {t('slip.orientedBy', { name: structure })}
              {senderPhone && (
                <>
                  {' · '}
                  <bdi dir="ltr">{senderPhone}</bdi>
                </>
              )}
            </p>
          )}
          <p>{t('slip.printedOn', { date: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(now) })}</p>
        </footer>
      </article>
    </main>
  );
}
