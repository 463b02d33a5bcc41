import { useEffect, useState } from 'preact/hooks';
import type * as Hours from '../../../../shared/venues/hours.ts';

// The opening-hours module (and the LGPL `opening_hours` package) in its own lazy chunk.
export type HoursModule = typeof Hours;

let loaded: HoursModule | undefined;
let loading: Promise<HoursModule> | undefined;

export function loadHours(): Promise<HoursModule> {
  loading ??= import('../../../../shared/venues/hours.ts').then((m) => (loaded = m));
  return loading;
}

/** The hours module once loaded (undefined meanwhile); `when` false keeps it unloaded. */
export function useHoursModule(when = true): HoursModule | undefined {
  const [mod, setMod] = useState<HoursModule | undefined>(loaded);
  useEffect(() => {
    if (when && !mod) void loadHours().then(setMod);
  }, [when]);
  return mod;
}
