import fs from 'node:fs';
import path from 'node:path';
import { createRng } from './random.ts';
import { CACHE_DIR, generateVenues, type StandardVenueRow } from './venues.ts';

// A synthetic national directory as the aggregate of many sources (issue 13): each source
// numbers its places 1, 2, 3… (local ids overlap across sources), and a share of places are
// published by two sources (same SIRET and postcode, another local id) — the duplicates the
// import must link rather than merge or lose.

export const NATIONAL_SOURCES = [
  'hub-du-sud',
  'hub-bretagne',
  'hub-hauts-de-france',
  'hub-occitanie',
  'hub-grand-est',
  'hub-auvergne-rhone-alpes',
  'hub-nouvelle-aquitaine',
  'hub-normandie',
  'hub-bourgogne-franche-comte',
  'hub-centre-val-de-loire',
  'hub-pays-de-la-loire',
  'hub-ile-de-france',
  'france-services',
  'conseiller-numerique',
  'aidants-connect',
  'departement-du-nord',
  'france-tiers-lieux',
] as const;

export interface NationalFile {
  rows: StandardVenueRow[];
  /** rows per source, duplicates included */
  perSource: Record<string, number>;
  /** rows that repeat a place already published by an earlier source */
  duplicates: number;
}

/** `count` distinct places spread over the sources, plus `duplicateShare` of them published again by another source. */
export function generateNationalVenues(count: number, opts: { seed?: number | string; sources?: number; duplicateShare?: number } = {}): NationalFile {
  const sources = NATIONAL_SOURCES.slice(0, Math.max(2, Math.min(opts.sources ?? NATIONAL_SOURCES.length, NATIONAL_SOURCES.length)));
  const rng = createRng(`national:${opts.seed ?? 1}`);
  const places = generateVenues(count, opts.seed ?? 1);
  const next: Record<string, number> = Object.fromEntries(sources.map((s) => [s, 0]));
  const rows: StandardVenueRow[] = [];
  const take = (source: string, row: StandardVenueRow) => {
    next[source]! += 1;
    rows.push({ ...row, id: String(next[source]), source });
  };
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    // Every place a real-looking SIRET of its own (the generator's placeholders would link nothing).
    p.pivot = String(10_000_000_000_000 + i * 7919);
    take(sources[i % sources.length]!, p);
  }
  const duplicates = Math.round(places.length * (opts.duplicateShare ?? 0.03));
  for (let d = 0; d < duplicates; d++) {
    const i = rng.int(0, places.length - 1);
    const owner = sources[i % sources.length]!;
    const other = sources[(sources.indexOf(owner) + 1 + rng.int(0, sources.length - 2)) % sources.length]!;
    take(other, { ...places[i]!, nom: `${places[i]!.nom}`.toUpperCase() });
  }
  // Duplicates picked twice for the same other source are still one row each: count what was written.
  return { rows, perSource: { ...next }, duplicates };
}

/** Writes the national file once per (count, seed) under bench/.cache/ and returns its path. */
export function writeNationalFile(count: number, seed: number | string = 1): { json: string; file: NationalFile } {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = generateNationalVenues(count, { seed });
  const json = path.join(CACHE_DIR, `national-venues-${count}-${seed}.json`);
  fs.writeFileSync(json, JSON.stringify(file.rows));
  return { json, file };
}
