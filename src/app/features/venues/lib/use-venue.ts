import { useEffect, useState } from 'preact/hooks';
import { getVenue } from '../../../db/venues.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';

/** One place read from the device: undefined while loading, null when absent. */
export function useVenue(id: string): Venue | null | undefined {
  const [venue, setVenue] = useState<Venue | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getVenue(id).then((v) => live && setVenue(v ?? null));
    return () => {
      live = false;
    };
  }, [id]);
  return venue;
}
