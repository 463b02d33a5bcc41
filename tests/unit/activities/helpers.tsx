import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { db } from '../../../src/app/db/index.ts';
import { saveDeviceSettings } from '../../../src/app/db/settings.ts';
import { initI18n, i18next } from '../../../src/app/i18n/index.ts';
import type { DeviceSettings } from '../../../src/shared/protocol/settings.ts';

/** The app's translations in French, as on a mediator's tablet. */
export async function givenFrenchInterface(): Promise<void> {
  localStorage.setItem('kariole.lang', 'fr');
  if (!i18next.isInitialized) await initI18n();
  await i18next.changeLanguage('fr');
  await i18next.loadNamespaces(['activities', 'common']);
}

export async function givenEmptyDevice(): Promise<void> {
  await Promise.all(db.tables.map((t) => t.clear()));
}

/** The structure's settings as the hub sends them (places of activity, tags, communes). */
export async function givenStructureSettings(over: Partial<DeviceSettings> = {}): Promise<DeviceSettings> {
  const settings: DeviceSettings = {
    structure: { id: 's1', name: 'Centre social des Moulins' },
    placesOfActivity: [
      { venueId: 'venue-moulins', name: 'Centre social des Moulins', communeInsee: '59350' },
      { venueId: 'venue-marche', name: 'Marché de Wazemmes', communeInsee: '59350' },
    ],
    tags: [{ id: 'tag-permanence', label: 'Permanence CAF' }],
    kioskIdleSeconds: 120,
    kioskPinHash: null,
    languages: ['fr', 'en', 'ar'],
    communes: [
      { insee: '59350', name: 'Lille', postcodes: ['59000', '59160', '59260', '59777', '59800'] },
      { insee: '59512', name: 'Roubaix', postcodes: ['59100'] },
    ],
    ...over,
  };
  await saveDeviceSettings(settings);
  return settings;
}

export function renderInApp(ui: ComponentChildren) {
  return render(<LocationProvider>{ui}</LocationProvider>);
}

/** The toggle button of a choice, by its visible label. */
export function pressed(el: HTMLElement): boolean {
  return el.getAttribute('aria-pressed') === 'true';
}
