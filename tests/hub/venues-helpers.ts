import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { TestHub } from '../helpers/hub.ts';
import { createEnrolmentCode, enrolDevice } from '../../src/hub/repositories/devices.ts';
import { sha256 } from '../../src/hub/lib/crypto.ts';
import { importVenues, type ImportReport } from '../../src/hub/repositories/venue-import.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';
import { VenuePageSchema, type Venue } from '../../src/shared/venues/schema.ts';
import { findBySourceId } from '../../src/hub/repositories/venues.ts';

// Domain helpers of the venue directory tests.

// Files inside the repository, found from this file (any checkout, any working directory).
export const SAMPLE_JSON = fileURLToPath(new URL('../../data-demo/hub-du-sud-2023-05-17.json', import.meta.url));
export const OFFICIAL_CSV = fileURLToPath(new URL('../fixtures/exemple-valide-v1.0.2.csv', import.meta.url));

export interface Tablet {
  auth: Record<string, string>;
  deviceId: string;
}

/** A device enrolled in the structure (its bearer header). */
export async function givenTablet(hub: TestHub, structure: Structure): Promise<Tablet> {
  const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: null });
  const token = randomBytes(24).toString('base64url');
  const r = await enrolDevice(hub.database.db, { candidates: [code], tokenHash: sha256(token), deviceLabel: 'Tablette', now: new Date().toISOString() });
  if (!r.ok) throw new Error(`enrolment failed: ${r.reason}`);
  return { auth: { authorization: `Bearer ${token}` }, deviceId: r.enrolment.deviceId };
}

/** Imports a text (CSV or JSON) as the CLI does, in small pieces to exercise streaming. */
export async function importText(
  hub: TestHub,
  text: string,
  opts: { departements?: string[]; batchSize?: number; source?: string; full?: boolean } = {},
): Promise<ImportReport> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += 97) pieces.push(text.slice(i, i + 97));
  return importVenues(hub.database.db, Readable.from(pieces.map((p) => Buffer.from(p))), { source: 'tests', full: true, ...opts });
}

/** A CSV of the national standard from rows (only the given columns), with a separator and line ending. */
export function csvOf(rows: Record<string, string>[], opts: { sep?: string; eol?: string; bom?: boolean } = {}): string {
  const sep = opts.sep ?? ',';
  const eol = opts.eol ?? '\n';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [cols.join(sep), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(sep))];
  return (opts.bom ? '\ufeff' : '') + lines.join(eol) + eol;
}

/** A valid place of the standard with the required fields; override what the test is about. */
export function aPlace(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id: `lieu-${randomBytes(4).toString('hex')}`,
    pivot: '43493312300029',
    nom: 'Espace numérique du port',
    commune: 'Marseille',
    code_postal: '13002',
    adresse: '12 quai du Port',
    date_maj: '2024-03-01',
    ...overrides,
  };
}

export interface PulledPage {
  venues: Venue[];
  deleted: string[];
  cursor: string;
  hasMore: boolean;
  restart?: 'start' | 'territory';
}

export async function pull(hub: TestHub, tablet: Tablet, since?: string, limit?: number): Promise<PulledPage> {
  const qs = new URLSearchParams();
  if (since !== undefined) qs.set('since', since);
  if (limit !== undefined) qs.set('limit', String(limit));
  const res = await hub.app.inject({ method: 'GET', url: `/api/v1/sync/venues?${qs}`, headers: tablet.auth });
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
  // the page is sent as stored: its contract is checked here
  return VenuePageSchema.parse(res.json());
}

/** Pulls until hasMore is false, applying pages to a device-like map; returns the last cursor. */
export async function pullAll(hub: TestHub, tablet: Tablet, store: Map<string, Venue>, since?: string, limit?: number): Promise<string> {
  let cursor = since;
  for (;;) {
    const page = await pull(hub, tablet, cursor, limit);
    for (const v of page.venues) store.set(v.id, v);
    for (const id of page.deleted) store.delete(id);
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

/** The live place whose id in its source is `sourceId` (undefined when none; an error when two sources have it). */
export async function bySourceId(hub: TestHub, sourceId: string): Promise<Venue | undefined> {
  const found = await findBySourceId(hub.database.db, sourceId);
  if (found.length > 1) throw new Error(`${found.length} sources have a place ${sourceId}`);
  return found[0]?.venue;
}
