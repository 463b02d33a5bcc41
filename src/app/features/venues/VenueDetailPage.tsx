import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Venue } from '../../../shared/venues/schema.ts';
import { distanceKm, venuePoint } from '../../../shared/venues/geo.ts';
import { useT } from '../../i18n/use-t.ts';
import { useMinuteClock } from './lib/clock.ts';
import { PATHS } from '../../paths.ts';
import { HoursBlock } from './components/HoursBlock.tsx';
import { ReportForm } from './components/ReportForm.tsx';
import { standardValue } from './lib/standard-values.ts';
import { distanceInWords, fullAddress, ltr, phoneForPeople, updateDate } from './lib/format.ts';
import { useVenue } from './lib/use-venue.ts';
import { orientHref, origin } from './lib/view-state.ts';
import { FromFormNotice } from './components/FromFormNotice.tsx';
import './venues.css';

const NEED_OF_SERVICE: Record<string, 'apprentissage' | 'demarches' | 'materiel'> = {
  'Aide aux démarches administratives': 'demarches',
  'Accès internet et matériel informatique': 'materiel',
  'Acquisition de matériel informatique à prix solidaire': 'materiel',
};

function List({ items }: { items: string[] }) {
  return (
    <ul class="ven-tags">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function Services({ venue }: { venue: Venue }) {
  const { t } = useT('venues');
  const groups = new Map<string, string[]>();
  for (const s of venue.services) {
    const g = NEED_OF_SERVICE[s] ?? 'apprentissage';
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  if (groups.size === 0) return null;
  return (
    <section class="card">
      <h2>{t('detail.services')}</h2>
      {(['demarches', 'apprentissage', 'materiel'] as const)
        .filter((g) => groups.has(g))
        .map((g) => (
          <div key={g}>
            <h3>{t(`filters.options.${g}`)}</h3>
            <List items={groups.get(g)!.map((v) => standardValue(v, t))} />
          </div>
        ))}
    </section>
  );
}

function HowTo({ venue }: { venue: Venue }) {
  const { t } = useT('venues');
  const tr = (v: string) => standardValue(v, t);
  const rows: [string, string[]][] = [
    [t('detail.publics'), venue.publics_specifiquement_adresses.length ? venue.publics_specifiquement_adresses.map(tr) : [t('detail.allPublics')]],
    [t('detail.access'), venue.modalites_acces.map(tr)],
    [t('detail.support'), venue.modalites_accompagnement.map(tr)],
    [t('detail.fees'), venue.frais_a_charge.map(tr)],
    [t('detail.specific'), venue.prise_en_charge_specifique.map(tr)],
    [t('detail.programmes'), [...venue.dispositif_programmes_nationaux, ...venue.formations_labels, ...venue.autres_formations_labels]],
  ];
  return (
    <section class="card">
      <h2>{t('detail.howTo')}</h2>
      <dl class="ven-dl">
        {rows
          .filter(([, items]) => items.length > 0)
          .map(([label, items]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <List items={items} />
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function Contact({ venue }: { venue: Venue }) {
  const { t } = useT('venues');
  const [copied, setCopied] = useState(false);
  const address = fullAddress(venue);
  return (
    <section class="card">
      <h2>{t('detail.contact')}</h2>
      <p>
        <strong>{t('detail.address')} : </strong>
        <bdi>{address}</bdi>{' '}
        <button
          type="button"
          class="btn btn-ghost"
          onClick={() =>
            void navigator.clipboard?.writeText(address).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('detail.copyAddress')}
        </button>
        {copied && <span role="status"> {t('detail.copied')}</span>}
      </p>
      <div class="row">
        {venue.telephone && (
          <a class="btn btn-primary" href={`tel:${venue.telephone}`}>
            {t('detail.call', { phone: ltr(phoneForPeople(venue.telephone)) })}
          </a>
        )}
        {venue.prise_rdv && (
          <a class="btn" href={venue.prise_rdv} target="_blank" rel="noopener noreferrer">
            {t('detail.booking')}
          </a>
        )}
      </div>
      <ul class="ven-links">
        {venue.courriels.map((c) => (
          <li key={c}>
            <a href={`mailto:${c}`}>{c}</a>
          </li>
        ))}
        {venue.site_web.map((s) => (
          <li key={s}>
            <a href={s} target="_blank" rel="noopener noreferrer">
              {t('detail.website')} : {s.replace(/^https?:\/\//, '')}
            </a>
          </li>
        ))}
        {venue.fiche_acces_libre && (
          <li>
            <a href={venue.fiche_acces_libre} target="_blank" rel="noopener noreferrer">
              {t('detail.accessibility')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

/** A place as the national map shows it, with "Orienter ici", the slip and "Signaler une erreur". */
export function VenueDetailPage() {
  const { params } = useRoute();
  const id = decodeURIComponent(params.id ?? '');
  const { t, lang } = useT('venues');
  const venue = useVenue(id);
  const now = useMinuteClock();
  if (venue === undefined) return <main id="main" class="page" />;
  if (venue === null) {
    return (
      <main id="main" class="page page--narrow">
        <p class="notice notice--warn">{t('detail.notFound')}</p>
        <a href={PATHS.venues}>{t('detail.back')}</a>
      </main>
    );
  }
  const point = venuePoint(venue);
  const from = origin.value;
  const updated = updateDate(venue.date_maj, lang);
  return (
    <main id="main" class="page page--narrow ven-detail">
      <p>
        <a href={PATHS.venues}>{t('detail.back')}</a>
      </p>
      <h1>{venue.nom}</h1>
      <FromFormNotice />
      <p class="lead">
        {venue.commune} (<bdi dir="ltr">{venue.code_postal}</bdi>){from && point && ` · ${distanceInWords(distanceKm(from.point, point), t, lang)}`}
        {venue.itinerance.includes('Itinérant') && <span class="badge"> {t('detail.itinerant')}</span>}
      </p>
      <div class="row ven-actions">
        <a class="btn btn-primary btn-big" href={orientHref(venue.id, PATHS.activities)} data-testid="orient-here">
          {t('detail.orient')}
        </a>
        <a class="btn btn-big" href={`${PATHS.venues}/${encodeURIComponent(venue.id)}/fiche`}>
          {t('detail.slip')}
        </a>
      </div>
      <section class="card">
        <HoursBlock raw={venue.horaires} now={now} table />
      </section>
      <Services venue={venue} />
      <HowTo venue={venue} />
      {(venue.presentation_resume || venue.presentation_detail) && (
        <section class="card">
          <h2>{t('detail.about')}</h2>
          {venue.presentation_resume && <p>{venue.presentation_resume}</p>}
          {venue.presentation_detail && <p class="ven-pre">{venue.presentation_detail}</p>}
        </section>
      )}
      <Contact venue={venue} />
      <p class="hint">
        {updated ? t('detail.updated', { date: updated }) : t('detail.updatedUnknown')}
        {venue.source && ` · ${t('detail.source', { source: venue.source })}`}
      </p>
      <ReportForm venueId={venue.id} />
    </main>
  );
}
