import { foldText } from '../text.ts';

// A place's identity is (source, id in that source): sources number their places 1, 2, 3…
// and their ids collide. The hub gives each (source, id) its own hub id; places of two
// sources that are the same place (same SIRET, or same name and address) are linked.

/** Longest source name and source id kept (longer ones are refused with a reason). */
export const SOURCE_MAX = 80;
export const SOURCE_ID_MAX = 120;

/** A source name as stored: spaces collapsed, trimmed; undefined when empty. */
export function normaliseSource(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = String(raw).replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/** The source as it appears in hub ids: folded, letters and digits, `-` between words. */
export function sourceSlug(source: string): string {
  const slug = foldText(source)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'source';
}

/** The hub id of a place first seen as `sourceId` in `source`: stable across re-imports. */
export function hubVenueId(source: string, sourceId: string): string {
  return `${sourceSlug(source)}:${sourceId}`;
}

/**
 * The SIRET key that links two sources' places: the SIRET (14 digits, not one repeated digit)
 * and the postcode — files often give every site the SIRET of its parent body, so a SIRET
 * alone would merge places far apart. Null when the pivot is no usable SIRET.
 */
export function pivotKey(pivot: string | undefined, codePostal: string): string | null {
  if (!pivot || !/^\d{14}$/.test(pivot) || /^(\d)\1{13}$/.test(pivot)) return null;
  return `${pivot}|${codePostal}`;
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bbd\b/g, 'boulevard'],
  [/\bav\b/g, 'avenue'],
  [/\bpl\b/g, 'place'],
  [/\bche?m\b/g, 'chemin'],
  [/\brte\b/g, 'route'],
  [/\bst\b/g, 'saint'],
  [/\bste\b/g, 'sainte'],
];

function fold(s: string): string {
  let out = foldText(s).replace(/[^a-z0-9]+/g, ' ');
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out.replace(/\s+/g, ' ').trim();
}

/** Name + address + postcode, folded (accents, case, punctuation, usual abbreviations): the second way to link. */
export function placeKey(v: { nom: string; adresse: string; code_postal: string }): string {
  return `${fold(v.nom)}|${fold(v.adresse)}|${v.code_postal}`;
}
