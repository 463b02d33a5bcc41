import { i18next } from '../../../i18n/index.ts';

// Code labels in the interface language: the activities namespace translates the national codes
// (French labels verbatim in fr); the duration buckets and yes/no are this feature's own.
const ACTIVITY_GROUPS: Record<string, string> = {
  type: 'type',
  themes: 'themes',
  adminThemes: 'adminThemes',
  channel: 'place',
  equipment: 'equipment',
  genre: 'genre',
  ageBand: 'ageBand',
  status: 'status',
  autonomy: 'autonomy',
};

export function codeLabel(breakdown: string, code: string, fallback: string): string {
  const group = ACTIVITY_GROUPS[breakdown];
  const key = group ? `activities:codes.${group}.${code}` : `coordination:codes.${breakdown}.${code}`;
  const text = (i18next.t as (k: string, o: object) => string)(key, { defaultValue: fallback });
  return typeof text === 'string' && text ? text : fallback;
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

export function formatDate(iso: string | null | undefined, lang: string, withTime = false): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
