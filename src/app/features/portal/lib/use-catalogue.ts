import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPortalCatalogue, takePreloadedPortalCatalogue } from '../../../db/portal.ts';
import type { PortalCatalogue } from '../../../../shared/portal/schema.ts';

/**
 * The device's portal catalogue (pulled, else bundled); undefined while it loads. Read again
 * when `reload` changes. On first mount it takes the read the route preload started, so the
 * tiles are in the first render of a cold start.
 */
export function useCatalogue(reload: unknown = 0): PortalCatalogue | undefined {
  const first = useRef(takePreloadedPortalCatalogue());
  const [catalogue, setCatalogue] = useState<PortalCatalogue | undefined>(first.current?.value);
  useEffect(() => {
    const preload = first.current;
    first.current = undefined;
    // The first render already had the preloaded catalogue. (Its value may also have arrived
    // between that render and this effect: then `catalogue` is still unset and it is read below.)
    if (preload && catalogue) return;
    let live = true;
    void (preload?.promise ?? loadPortalCatalogue()).catch(loadPortalCatalogue).then((c) => live && setCatalogue(c));
    return () => {
      live = false;
    };
  }, [reload]);
  return catalogue;
}
