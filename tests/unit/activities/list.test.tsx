// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ActivityList } from '../../../src/app/features/activities/list/ActivityList.tsx';
import { applyActivityResults, deleteActivity, saveActivity } from '../../../src/app/db/activities.ts';
import { takeActivityBatch } from '../../../src/app/db/outbox.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { today, addDays } from '../../../src/app/features/activities/lib/dates.ts';
import { givenEmptyDevice, givenFrenchInterface, givenStructureSettings, pressed, renderInApp } from './helpers.tsx';

let n = 0;
function aRecord(over: Partial<LocalActivity> = {}): LocalActivity {
  n++;
  return {
    id: `0190b2a4-1c2d-7e3f-8a4b-${String(n).padStart(12, '0')}`,
    revision: 1,
    type: 'individuel',
    date: today(),
    durationMin: 30,
    place: { kind: 'lieu_activite', venueId: 'venue-moulins' },
    equipment: [],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: {}, ageBand: {}, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    createdAt: new Date(Date.now() - 1000 * (100 - n)).toISOString(),
    updatedAt: new Date().toISOString(),
    ...over,
  };
}

const aWorkshop = (over: Partial<LocalActivity> = {}) =>
  aRecord({ type: 'collectif', durationMin: 90, workshop: { title: 'Atelier smartphone', level: 'debutant' }, beneficiaries: { total: 6, alreadyAccompanied: 2, genre: {}, ageBand: {}, status: {} }, ...over });

async function openList() {
  renderInApp(<ActivityList />);
  await screen.findByRole('heading', { level: 1, name: 'Mes accompagnements' });
}

beforeAll(givenFrenchInterface);
beforeEach(async () => {
  await givenEmptyDevice();
  await givenStructureSettings();
});
afterEach(cleanup);

describe('"Mes accompagnements"', () => {
  it('groups records by day with the day’s totals, newest day first', async () => {
    await saveActivity(aRecord({ date: addDays(today(), -1), durationMin: 45 }));
    await saveActivity(aRecord());
    await saveActivity(aWorkshop());
    await openList();
    await waitFor(() => expect(screen.getAllByTestId('activity-day')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('activity-day');
    expect(within(first!).getByTestId('day-totals').textContent).toBe('2 accompagnements · 7 pers. · 2 h');
    expect(within(first!).getByText('Atelier smartphone')).toBeTruthy();
    expect(within(second!).getByTestId('day-totals').textContent).toBe('1 accompagnement · 1 pers. · 45 min');
  });

  it('filters by type and by period', async () => {
    await saveActivity(aRecord({ date: addDays(today(), -20) }));
    await saveActivity(aRecord());
    await saveActivity(aWorkshop());
    await openList();
    // the last 7 days by default: the record of 20 days ago is not shown
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('filter-collectif'));
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(1));
    expect(pressed(screen.getByTestId('filter-collectif'))).toBe(true);
    fireEvent.click(screen.getByTestId('filter-all'));
    fireEvent.click(screen.getByTestId('period-all'));
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(3));
    fireEvent.click(screen.getByTestId('period-today'));
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(2));
  });

  it('shows each record’s sync state, with the hub’s reasons for one to correct', async () => {
    const sent = aRecord();
    const refused = aRecord();
    const waiting = aRecord();
    for (const r of [sent, refused]) await saveActivity(r);
    const batch = await takeActivityBatch({ limit: 500 });
    await saveActivity(waiting);
    await applyActivityResults(
      [
        { id: sent.id, status: 'created', revision: 1 },
        { id: refused.id, status: 'rejected', errors: [{ path: 'place.venueId', message: "Lieu d'activité : ce lieu n'appartient pas à la structure." }] },
      ],
      [sent, refused].map(({ id }) => batch.seqs[batch.rows.findIndex((r) => r.id === id)]!),
    );
    await openList();
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(3));
    const states = screen.getAllByTestId('activity-sync-state').map((b) => b.textContent);
    expect(states.sort()).toEqual(['En attente d\'envoi', 'Envoyé', 'À corriger'].sort());
    expect(screen.getByText("Lieu d'activité : ce lieu n'appartient pas à la structure.")).toBeTruthy();
    expect(screen.getByTestId('sync-counts').textContent).toContain("1 accompagnement en attente d'envoi");
    expect(screen.getByTestId('sync-counts').textContent).toContain('1 accompagnement à corriger');
  });

  it('hides deleted records and does not count their tombstones as waiting records', async () => {
    const kept = aRecord();
    const gone = aRecord();
    await saveActivity(kept);
    await saveActivity(gone);
    await deleteActivity(gone.id);
    await openList();
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(1));
    expect(screen.getByTestId('activity-item').getAttribute('data-id')).toBe(kept.id);
    await waitFor(() => expect(screen.getByTestId('sync-counts').textContent).toBe("1 accompagnement en attente d'envoi"));
  });

  it('offers to edit and to duplicate each record', async () => {
    const r = aRecord();
    await saveActivity(r);
    await openList();
    const item = await screen.findByTestId('activity-item');
    expect(within(item).getByTestId('edit-activity').getAttribute('href')).toBe(`/accompagnements/${r.id}`);
    expect(within(item).getByTestId('duplicate-activity').getAttribute('href')).toBe(`/accompagnements/nouveau?dupliquer=${r.id}`);
  });
});
