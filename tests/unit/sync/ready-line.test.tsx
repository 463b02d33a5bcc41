// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { ReadyLine } from '../../../src/app/features/sync/ReadyLine.tsx';
import { saveActivity } from '../../../src/app/db/activities.ts';
import { updateSyncStatus } from '../../../src/app/db/settings.ts';
import { applyVenuePage } from '../../../src/app/db/venues.ts';
import { i18next } from '../../../src/app/i18n/index.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { givenEmptyDevice, givenFrenchInterface, renderInApp } from '../activities/helpers.tsx';
import { aVenue } from '../venues/helpers.ts';

// Issue #14, item 6: "Prêt pour le terrain ?" — the app cached, the places on the device and
// from when, the portal's date, what waits to be sent; read from the device only.

/** The text as read (Intl puts no-break spaces in "il y a 1 h"). */
const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\s/g, ' ');

function aRecord(): LocalActivity {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    revision: 1,
    type: 'individuel',
    date: '2026-11-20',
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: [],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

describe('ready for the field', () => {
  beforeAll(async () => {
    await givenFrenchInterface();
    await i18next.loadNamespaces(['sync']);
  });
  beforeEach(givenEmptyDevice);
  afterEach(cleanup);

  it('on a fresh device: not cached, no places, default portal, nothing waiting', async () => {
    renderInApp(<ReadyLine />);
    const line = await screen.findByTestId('ready-line');
    expect(line.dataset.ready).toBe('0');
    expect(screen.getByTestId('ready-cached').textContent).toContain('pas encore enregistrée');
    expect(screen.getByTestId('ready-places').textContent).toBe('Aucun lieu enregistré : synchronisez avant de partir');
    expect(screen.getByTestId('ready-portal').textContent).toBe('Portail par défaut (pas encore reçu du hub)');
    expect(screen.getByTestId('ready-pending').textContent).toBe("Rien en attente d'envoi");
  });

  it('counts the stored places and says from when, the portal date and what waits, live', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await applyVenuePage({ venues: [aVenue({ id: 'v1' }), aVenue({ id: 'v2' }), aVenue({ id: 'v3' })], deleted: [], cursor: 'c1', hasMore: false });
    await updateSyncStatus({ venuesPulledAt: hourAgo, portalPulledAt: hourAgo });
    renderInApp(<ReadyLine />);
    await waitFor(() => expect(text('ready-places')).toBe('3 lieux enregistrés à jour il y a 1 h'));
    expect(text('ready-portal')).toBe('Portail à jour il y a 1 h');
    await saveActivity(aRecord());
    await saveActivity(aRecord());
    await waitFor(() => expect(screen.getByTestId('ready-pending').textContent).toBe('2 modifications à envoyer'));
  });

  it('has its strings in English and Arabic too', async () => {
    for (const lng of ['en', 'ar']) {
      await i18next.loadLanguages(lng);
      await i18next.loadNamespaces('sync');
      for (const key of ['title', 'cached', 'notCached', 'placesFrom', 'noPlaces', 'portal', 'portalDefault', 'nothingWaiting']) {
        expect(i18next.exists(`sync:ready.${key}`, { lng }), `${lng} ${key}`).toBe(true);
      }
      expect(i18next.t('sync:ready.waiting', { lng, count: 2 })).not.toContain('ready.');
    }
  });
});
