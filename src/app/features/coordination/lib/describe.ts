import { i18next } from '../../../i18n/index.ts';
import { codeLabel, formatDate } from './labels.ts';
import type { Filters, MultiKey } from './filters.ts';

// The filters in words, for the print header, the exports page and the share list:
// "Période : 1 juin 2026 → 28 nov. 2026 · Structures : Centre social · Thématiques : E-mail, Santé".

/** Names the dashboard knows for ids (structures, mediators, places, communes, tags). */
export interface Names {
  structures?: { id: string; name: string }[];
  mediators?: { id: string; label: string }[];
  venues?: { value: string; label: string }[];
  communes?: { value: string; label: string }[];
  tags?: { value: string; label: string }[];
}

export interface FilterPart {
  /** the filter's name ("Structures") */
  label: string;
  /** its values in words ("Centre social, Maison France Services") */
  text: string;
}

const tr = (key: string, opts: object = {}) => (i18next.t as (k: string, o: object) => string)(`coordination:${key}`, opts);

/** The period, then every filter that has values, in the dashboard's order. */
export function describeFilters(f: Filters, names: Names, lang: string): FilterPart[] {
  const d = (x: string) => formatDate(x, lang);
  const period = f.from && f.to ? tr('describe.range', { from: d(f.from), to: d(f.to) }) : f.from ? tr('describe.since', { from: d(f.from) }) : f.to ? tr('describe.until', { to: d(f.to) }) : tr('exports.allPeriod');
  const parts: FilterPart[] = [{ label: tr('describe.period'), text: period }];
  const find = (list: { value: string; label: string }[] | undefined) => (v: string) => list?.find((x) => x.value === v)?.label ?? v;
  const named: [MultiKey, (v: string) => string][] = [
    ['structureId', (v) => names.structures?.find((s) => s.id === v)?.name ?? v],
    ['mediatorId', (v) => names.mediators?.find((m) => m.id === v)?.label ?? v],
    ['type', (v) => codeLabel('type', v, v)],
    ['theme', (v) => codeLabel('themes', v, v)],
    ['adminTheme', (v) => codeLabel('adminThemes', v, v)],
    ['venueId', find(names.venues)],
    ['commune', find(names.communes)],
    ['departement', (v) => v],
    ['tag', find(names.tags)],
  ];
  for (const [key, label] of named) {
    const values = f[key];
    if (values?.length) parts.push({ label: tr(`describe.${key}`, { count: values.length }), text: values.map(label).join(tr('describe.sep')) });
  }
  if (f.conseillerNumerique) parts.push({ label: tr('filters.conseillerNumerique'), text: tr(f.conseillerNumerique === 'oui' ? 'filters.conumOui' : 'filters.conumNon') });
  return parts;
}

/** One line: "Période : … · Structures : …". */
export function describeLine(f: Filters, names: Names, lang: string): string {
  return describeFilters(f, names, lang)
    .map((p) => tr('describe.pair', { label: p.label, text: p.text }))
    .join(' · ');
}
