import { useEffect, useState } from 'preact/hooks';
import { loadActivityHabits, type ActivityHabits } from '../../../db/activities.ts';
import { EMPTY_FORM_HABITS, loadFormHabits, type FormHabits } from '../../../db/habits.ts';
import { getDeviceIdentity, loadDeviceSettings } from '../../../db/settings.ts';
import { loadPortalCatalogue } from '../../../db/portal.ts';
import type { DeviceSettings } from '../../../../shared/protocol/settings.ts';
import type { PortalLink } from '../../../../shared/portal/schema.ts';
import { visibleLinks } from '../../../../shared/portal/localise.ts';
import type { FormState } from '../lib/form-state.ts';

// What the form needs from the rest of the device: the structure's settings (places, tags,
// communes), the portal catalogue (sites used), and the mediator's habits (last place, durations).

export interface FormData {
  settings: DeviceSettings | undefined;
  links: PortalLink[];
  habits: ActivityHabits;
  /** frequent sites and themes, last workshop of each title */
  usual: FormHabits;
  /** false before enrolment: "mode démonstration" */
  enrolled: boolean;
}

const EMPTY_HABITS: ActivityHabits = { frequentDurations: [] };

export async function loadFormData(): Promise<FormData> {
  const [settings, catalogue, habits, identity, usual] = await Promise.all([
    loadDeviceSettings().catch(() => undefined),
    loadPortalCatalogue().catch(() => undefined),
    loadActivityHabits().catch(() => EMPTY_HABITS),
    getDeviceIdentity().catch(() => undefined),
    loadFormHabits().catch(() => EMPTY_FORM_HABITS),
  ]);
  return { settings, links: catalogue ? visibleLinks(catalogue, 'mediator') : [], habits, usual, enrolled: !!identity && !identity.revokedAt };
}

/** Loads the form's data once; undefined while loading. */
export function useFormData(): FormData | undefined {
  const [data, setData] = useState<FormData>();
  useEffect(() => {
    let live = true;
    void loadFormData().then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, []);
  return data;
}

/** The place a new form starts with: the last one used if still valid, else the structure's first place of activity. */
export function defaultPlace(data: FormData): FormState['place'] {
  const places = data.settings?.placesOfActivity ?? [];
  const last = data.habits.lastPlace;
  if (last && (last.kind !== 'lieu_activite' || places.some((p) => p.venueId === last.venueId))) return { ...last };
  if (places[0]) return { kind: 'lieu_activite', venueId: places[0].venueId };
  return {};
}

/** The duration a new form starts with: the most used one, else 30 min. */
export function defaultDuration(data: FormData): number {
  return data.habits.frequentDurations[0] ?? 30;
}
