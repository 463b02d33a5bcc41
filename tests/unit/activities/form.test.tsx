// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ActivityForm } from '../../../src/app/features/activities/form/ActivityForm.tsx';
import { getActivity, listActivities, loadDraft, saveActivity, saveDraft } from '../../../src/app/db/activities.ts';
import { initialForm, toggleTheme } from '../../../src/app/features/activities/lib/form-state.ts';
import { today } from '../../../src/app/features/activities/lib/dates.ts';
import type { LocalActivity } from '../../../src/shared/activity/anonymise.ts';
import { flushAll } from '../../../src/app/shell/unsaved.ts';
import { givenEmptyDevice, givenFrenchInterface, givenStructureSettings, pressed, renderInApp } from './helpers.tsx';

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const queryButton = (name: string | RegExp) => screen.queryByRole('button', { name });

async function openNewForm(props = {}) {
  renderInApp(<ActivityForm {...props} />);
  await screen.findByRole('button', { name: 'Enregistrer' });
}

beforeAll(givenFrenchInterface);
beforeEach(async () => {
  await givenEmptyDevice();
  await givenStructureSettings();
});
// the last draft writes of a test land before the next test starts
afterEach(async () => {
  await flushAll();
  cleanup();
});

describe('a new activity form', () => {
  it('starts as an individual session today, 30 min, at the structure’s first place, nothing else chosen', async () => {
    await openNewForm();
    expect(pressed(button('Accompagnement individuel'))).toBe(true);
    expect(pressed(button('Atelier collectif'))).toBe(false);
    expect(pressed(button('30 min'))).toBe(true);
    expect(pressed(button("Lieu d’activité"))).toBe(true);
    expect(pressed(button('Centre social des Moulins'))).toBe(true);
    expect((screen.getByLabelText(/Date de l'accompagnement/) as HTMLInputElement).value).toBe(today());
    expect(pressed(button('Aide aux démarches administratives'))).toBe(false);
  });

  it('shows the administrative themes, the sites and Aidants Connect only with "Aide aux démarches administratives"', async () => {
    await openNewForm();
    expect(queryButton('Social - Santé')).toBeNull();
    expect(screen.queryByText('Aidants Connect utilisé')).toBeNull();
    fireEvent.click(button('Aide aux démarches administratives'));
    fireEvent.click(await screen.findByRole('button', { name: 'Social - Santé' }));
    expect(pressed(button('Social - Santé'))).toBe(true);
    // the sites of the chosen démarche category come first
    const ameli = await screen.findByRole('button', { name: 'ameli' });
    fireEvent.click(ameli);
    expect(pressed(ameli)).toBe(true);
    expect(screen.getByText('Aidants Connect utilisé')).toBeTruthy();
    fireEvent.click(button('Aide aux démarches administratives'));
    expect(queryButton('Social - Santé')).toBeNull();
    // with no theme left, only the "Démarches fréquentes" shortcuts name a site
    const sites = screen.queryAllByRole('button', { name: 'ameli' });
    expect(sites.filter((b) => !(b as HTMLElement).dataset.testid?.startsWith('frequent-'))).toEqual([]);
  });

  it('switches to a workshop: title, level and participant steppers replace autonomy and orientation', async () => {
    await openNewForm();
    expect(screen.getByText("Niveau d'autonomie du bénéficiaire")).toBeTruthy();
    fireEvent.click(button('Atelier collectif'));
    expect(screen.queryByText("Niveau d'autonomie du bénéficiaire")).toBeNull();
    expect(screen.queryByText('Le bénéficiaire est-il orienté vers une autre structure ?')).toBeNull();
    expect(screen.getByLabelText("Titre de l’atelier")).toBeTruthy();
    const total = screen.getByLabelText('Nombre de participants') as HTMLInputElement;
    expect(total.value).toBe('1');
    fireEvent.click(button('Plus : Nombre de participants'));
    fireEvent.click(button('Plus : Nombre de participants'));
    expect(total.value).toBe('3');
    // the "already accompanied" stepper cannot go beyond the participants
    const already = screen.getByLabelText('Déjà accompagnés') as HTMLInputElement;
    for (let i = 0; i < 5; i++) fireEvent.click(button('Plus : Déjà accompagnés'));
    expect(already.value).toBe('3');
    expect((button('Plus : Déjà accompagnés') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the commune when the session was at another place, searching by name or postcode', async () => {
    await openNewForm();
    fireEvent.click(button('Autre lieu'));
    expect(queryButton('Centre social des Moulins')).toBeNull();
    const search = screen.getByLabelText('Commune');
    fireEvent.input(search, { target: { value: '59100' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Choisir Roubaix' }));
    expect(screen.getByText('Roubaix (59100)')).toBeTruthy();
  });

  it('keeps "Pas de matériel" alone', async () => {
    await openNewForm();
    fireEvent.click(button('Tablette'));
    fireEvent.click(button('Pas de matériel'));
    expect(pressed(button('Tablette'))).toBe(false);
    expect(pressed(button('Pas de matériel'))).toBe(true);
  });

  it('marks the notes as staying on the tablet', async () => {
    await openNewForm();
    expect(screen.getByText('Reste sur la tablette')).toBeTruthy();
    expect(screen.getByText(/jamais envoyées/)).toBeTruthy();
  });

  it('writes the draft on every change', async () => {
    await openNewForm();
    fireEvent.click(button('E-mail'));
    await waitFor(async () => expect((await loadDraft('new'))?.state).toMatchObject({ themes: ['email'] }));
    fireEvent.input(screen.getByLabelText(/Notes personnelles/), { target: { value: 'rappeler mardi' } });
    await waitFor(async () => expect((await loadDraft('new'))?.state).toMatchObject({ notes: 'rappeler mardi' }));
  });

  it('restores a draft left by a closed tab', async () => {
    await saveDraft('new', toggleTheme(initialForm({ date: today(), place: {} }), 'sante'));
    await openNewForm();
    expect(screen.getByTestId('draft-restored')).toBeTruthy();
    expect(pressed(button('Santé'))).toBe(true);
    fireEvent.click(button('Recommencer'));
    await waitFor(() => expect(pressed(button('Santé'))).toBe(false));
    expect(await loadDraft('new')).toBeUndefined();
  });

  it('does not save without a theme, says what is missing, then saves and removes the draft', async () => {
    await openNewForm();
    fireEvent.click(button('Enregistrer'));
    const errors = await screen.findByTestId('form-errors');
    expect(within(errors).getByText('Choisissez au moins une thématique.')).toBeTruthy();
    expect(await listActivities()).toEqual([]);
    fireEvent.click(button('E-mail'));
    fireEvent.click(button('Enregistrer'));
    await waitFor(async () => expect(await listActivities()).toHaveLength(1));
    const [saved] = await listActivities();
    expect(saved).toMatchObject({ type: 'individuel', durationMin: 30, themes: ['email'], place: { kind: 'lieu_activite', venueId: 'venue-moulins' }, syncState: 'pending' });
    // A random v4 id: nothing in it dates the session.
    expect(saved!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await loadDraft('new')).toBeUndefined();
  });

  it('duplicates a previous record: same help, today, the person left out', async () => {
    const previous: LocalActivity = {
      id: '0190b2a4-1c2d-7e3f-8a4b-000000000001',
      revision: 1,
      type: 'individuel',
      date: '2026-01-05',
      durationMin: 45,
      place: { kind: 'lieu_activite', venueId: 'venue-marche' },
      equipment: ['telephone'],
      themes: ['aide_aux_demarches_administratives'],
      adminThemes: ['argent_impots'],
      portalLinkIds: ['impots'],
      autonomy: 'entierement_accompagne',
      beneficiaries: { total: 1, alreadyAccompanied: 1, genre: { feminin: 1 }, ageBand: {}, status: {} },
      aidantsConnect: false,
      passNumerique: 0,
      tags: [],
      notes: 'Mme X',
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    };
    await saveActivity(previous);
    await openNewForm({ duplicateId: previous.id });
    expect(pressed(button('45 min'))).toBe(true);
    expect(pressed(button('Marché de Wazemmes'))).toBe(true);
    expect(pressed(button('Argent - Impôts'))).toBe(true);
    expect(pressed(button('Avec guidage'))).toBe(true);
    expect((screen.getByLabelText(/Date de l'accompagnement/) as HTMLInputElement).value).toBe(today());
    expect((screen.getByLabelText(/Notes personnelles/) as HTMLTextAreaElement).value).toBe('');
    expect(pressed(button('Féminin'))).toBe(false);
  });

  it('edits a record and keeps its identity', async () => {
    await saveActivity({
      id: '0190b2a4-1c2d-7e3f-8a4b-000000000002',
      revision: 1,
      type: 'individuel',
      date: '2026-01-05',
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
      createdAt: '2026-01-05T10:00:00.000Z',
      updatedAt: '2026-01-05T10:00:00.000Z',
    });
    renderInApp(<ActivityForm activityId="0190b2a4-1c2d-7e3f-8a4b-000000000002" />);
    await screen.findByRole('button', { name: 'Enregistrer' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Modifier l'accompagnement");
    expect(pressed(button('À distance'))).toBe(true);
    fireEvent.click(button('1 h'));
    fireEvent.click(button('Enregistrer'));
    await waitFor(async () => expect((await getActivity('0190b2a4-1c2d-7e3f-8a4b-000000000002'))?.durationMin).toBe(60));
    expect(await listActivities()).toHaveLength(1);
  });
});

describe('a full disk', () => {
  it('says so in plain words when saving, and loses neither the draft nor what was saved', async () => {
    const { db } = await import('../../../src/app/db/index.ts');
    await openNewForm();
    fireEvent.click(button('E-mail'));
    await waitFor(async () => expect((await loadDraft('new'))?.state).toMatchObject({ themes: ['email'] }));
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', fail);
    try {
      fireEvent.click(button('Enregistrer'));
      const alert = await screen.findByTestId('form-errors');
      expect(alert.textContent).toMatch(/espace de stockage de la tablette est plein/);
    } finally {
      db.outbox.hook('creating').unsubscribe(fail);
    }
    expect(await listActivities()).toEqual([]);
    expect((await loadDraft('new'))?.state).toMatchObject({ themes: ['email'] });
    // once there is room again, the same tap saves it
    fireEvent.click(button('Enregistrer'));
    await waitFor(async () => expect(await listActivities()).toHaveLength(1));
  });
});

describe('the orientation hand-off from the directory', () => {
  it('marks the person as oriented to the venue, on the current draft', async () => {
    await saveDraft('new', toggleTheme(initialForm({ date: today(), place: {} }), 'sante'));
    await openNewForm({ orientationVenueId: 'venue-caf-lille' });
    expect(pressed(button('Santé'))).toBe(true);
    expect(pressed(screen.getByTestId('oriented-yes'))).toBe(true);
    expect(screen.getByTestId('oriented-venue').textContent).toMatch(/Orienté vers/);
    await waitFor(async () => expect((await loadDraft('new'))?.state).toMatchObject({ orientation: { oriented: true, venueId: 'venue-caf-lille' }, themes: ['sante'] }));
  });
});
