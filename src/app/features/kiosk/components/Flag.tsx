const FLAGS: Record<string, string> = { fr: 'fr', en: 'gb', ar: 'ma', es: 'es', pt: 'pt', tr: 'tr', uk: 'ua' };

/** A bundled flag picture (emoji flags do not show on many tablets); decorative. */
export function Flag({ lang }: { lang: string }) {
  return <img class="flag" src={`/pictos/flag-${FLAGS[lang] ?? 'fr'}.svg`} alt="" width={48} height={32} />;
}
