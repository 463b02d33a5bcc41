import { useEffect, useState } from 'preact/hooks';
// Types only: the keys are checked against the French files (i18next.d.ts); no i18next code is bundled.
import type { Namespace, TFunction } from 'i18next';
import { i18next } from './index.ts';

/**
 * The translation function of a namespace, re-rendering on language change.
 * Routes preload their namespaces (see routes.tsx), so `t` is ready on first render.
 */
export function useT<NS extends Namespace>(ns: NS): { t: TFunction<NS>; lang: string } {
  const [, setTick] = useState(0);
  const renderedLang = i18next.language;
  useEffect(() => {
    const bump = () => setTick((x) => x + 1);
    i18next.on('languageChanged', bump);
    i18next.on('loaded', bump);
    const names = (Array.isArray(ns) ? ns : [ns]) as string[];
    if (!names.every((n) => i18next.hasLoadedNamespace(n))) void i18next.loadNamespaces(names).then(bump);
    // The language may have changed between this render and the subscription: catch up.
    if (i18next.language !== renderedLang) bump();
    return () => {
      i18next.off('languageChanged', bump);
      i18next.off('loaded', bump);
    };
  }, [String(ns)]);
  return { t: i18next.getFixedT(null, ns as string | readonly string[]) as unknown as TFunction<NS>, lang: i18next.language };
}
