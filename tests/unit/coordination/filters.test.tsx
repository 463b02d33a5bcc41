// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { initI18n, i18next } from '../../../src/app/i18n/index.ts';
import { activeCount, departementOf, filtersFromUrl, toQuery, withValues, zoneOf } from '../../../src/app/features/coordination/lib/filters.ts';
import { describeLine } from '../../../src/app/features/coordination/lib/describe.ts';
import { MultiSelect } from '../../../src/app/features/coordination/dashboard/MultiSelect.tsx';

// The dashboard's filters (issue #16): several values per filter, all in the URL, in words for
// the print header and the exports page, chosen in an accessible checkbox list.

beforeAll(async () => {
  localStorage.setItem('kariole.lang', 'fr');
  if (!i18next.isInitialized) await initI18n();
  await i18next.changeLanguage('fr');
  await i18next.loadNamespaces(['coordination', 'activities']);
});
afterEach(cleanup);

describe('dashboard filters in the URL', () => {
  it('reads repeated parameters as lists and writes them back in the same order', () => {
    const f = filtersFromUrl('/coordination?from=2026-06-01&to=2026-11-28&theme=email&theme=sante&structureId=s1&conseillerNumerique=oui&layout=x');
    expect(f).toEqual({ from: '2026-06-01', to: '2026-11-28', structureId: ['s1'], theme: ['email', 'sante'], conseillerNumerique: 'oui' });
    expect(toQuery(f)).toBe('?from=2026-06-01&to=2026-11-28&structureId=s1&theme=email&theme=sante&conseillerNumerique=oui');
    expect(toQuery(f, { layout: 'national' })).toMatch(/&layout=national$/);
    expect(toQuery({})).toBe('');
  });

  it('keeps an old one-value link working', () => {
    expect(filtersFromUrl('/coordination?type=collectif&mediatorId=m1')).toEqual({ type: ['collectif'], mediatorId: ['m1'] });
    expect(filtersFromUrl('/coordination')).toEqual({});
  });

  it('replaces one filter and drops it when emptied; counts the chosen values', () => {
    const f = withValues({ from: '2026-01-01', theme: ['email'] }, 'commune', ['13055', '84007']);
    expect(f).toEqual({ from: '2026-01-01', theme: ['email'], commune: ['13055', '84007'] });
    expect(activeCount({ ...f, conseillerNumerique: 'non' })).toBe(4);
    expect(withValues(f, 'theme', [])).toEqual({ from: '2026-01-01', commune: ['13055', '84007'] });
  });

  it('takes the time zone of the chosen structures when they share one', () => {
    const options = { timeZone: 'Europe/Paris', structures: [{ id: 'a', timeZone: 'Indian/Reunion' }, { id: 'b', timeZone: 'Indian/Reunion' }, { id: 'c', timeZone: 'America/Cayenne' }] };
    expect(zoneOf({ structureId: ['a', 'b'] }, options)).toBe('Indian/Reunion');
    expect(zoneOf({ structureId: ['a', 'c'] }, options)).toBe('Europe/Paris');
    expect(zoneOf({}, options)).toBe('Europe/Paris');
  });

  it('knows the département of an INSEE code, Corsica and overseas included', () => {
    expect(['13055', '2A004', '97411', '01001'].map(departementOf)).toEqual(['13', '2A', '974', '01']);
  });

  it('writes the filters in words, with the names of structures and codes', () => {
    const line = describeLine(
      { from: '2026-06-01', to: '2026-11-28', structureId: ['s1', 's2'], theme: ['email', 'sante'], type: ['collectif'], conseillerNumerique: 'oui' },
      { structures: [{ id: 's1', name: 'Centre social Nord' }, { id: 's2', name: 'Espace Sud' }] },
      'fr',
    );
    expect(line).toContain('Structures : Centre social Nord, Espace Sud');
    expect(line).toContain('Thématiques : E-mail, Santé');
    expect(line).toContain("Type d'accompagnement : Atelier collectif");
    expect(line).toContain('Conseiller numérique : Oui');
    expect(line.startsWith('Période : ')).toBe(true);
  });
});

describe('the multi-value filter control', () => {
  const choices = Array.from({ length: 9 }, (_, i) => ({ value: `v${i}`, label: `Valeur ${i}` }));

  it('says what is chosen, adds and removes values, and clears them', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(<MultiSelect id="f-x" label="Thématique" allLabel="Toutes les thématiques" choices={choices} selected={[]} onChange={onChange} />);
    expect(container.querySelector('summary')!.textContent).toBe('ThématiqueToutes les thématiques');
    const group = screen.getByRole('group', { name: 'Thématique' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Valeur 3' }));
    expect(onChange).toHaveBeenLastCalledWith(['v3']);
    rerender(<MultiSelect id="f-x" label="Thématique" allLabel="Toutes" choices={choices} selected={['v3', 'v5']} onChange={onChange} />);
    expect(container.querySelector('summary')!.textContent).toContain('Valeur 3, Valeur 5');
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Valeur 3' }));
    expect(onChange).toHaveBeenLastCalledWith(['v5']);
    rerender(<MultiSelect id="f-x" label="Thématique" allLabel="Toutes" choices={choices} selected={['v1', 'v3', 'v5']} onChange={onChange} />);
    expect(container.querySelector('summary')!.textContent).toContain('3 choisis');
    fireEvent.click(within(group).getByRole('button', { name: 'Tout décocher (Thématique)' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('keeps a value of an old link that the list no longer offers, so it can be removed', () => {
    const onChange = vi.fn();
    render(<MultiSelect id="f-x" label="Lieu" allLabel="Tous" choices={choices.slice(0, 2)} selected={['ancien:1']} onChange={onChange} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'ancien:1' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('offers a bounded search box from nine values on, and filters the list with it', () => {
    const { rerender } = render(<MultiSelect id="f-x" label="Commune" allLabel="Toutes" choices={choices.slice(0, 8)} selected={[]} onChange={() => undefined} />);
    expect(screen.queryByLabelText('Rechercher dans la liste')).toBeNull();
    rerender(<MultiSelect id="f-x" label="Commune" allLabel="Toutes" choices={choices} selected={[]} onChange={() => undefined} />);
    const search = screen.getByLabelText('Rechercher dans la liste') as HTMLInputElement;
    expect(search.maxLength).toBe(80);
    fireEvent.input(search, { target: { value: 'valeur 7' } });
    expect(screen.getAllByRole('checkbox').map((c) => (c as HTMLInputElement).value)).toEqual(['v7']);
    fireEvent.input(search, { target: { value: 'x'.repeat(81) } });
    expect(screen.getByText('Aucune valeur ne correspond.')).toBeTruthy();
  });

  it('closes on Escape and gives the focus back to its summary', () => {
    const { container } = render(<MultiSelect id="f-x" label="Type" allLabel="Tous" choices={choices.slice(0, 2)} selected={[]} onChange={() => undefined} />);
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent.keyDown(screen.getAllByRole('checkbox')[0]!, { key: 'Escape' });
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(container.querySelector('summary'));
  });
});
