import { kvDelete, kvGet, kvSet } from './kv.ts';
import type { PortalCatalogue } from '../../shared/portal/schema.ts';

// The portal catalogue on the device: the last one pulled from the hub (kv), else the
// default catalogue bundled with the app as its own lazy chunk (demo mode, never synced, offline).
const CATALOGUE_KEY = 'portal.catalogue';
const ETAG_KEY = 'portal.etag';
const LOCAL_PIN_KEY = 'kiosk.localPinHash';

// The schemas (zod, 90 kB) are loaded only to check a stored catalogue: a device that never
// pulled one shows the bundled default without them (a faster cold start on a slow tablet).
const catalogueSchema = () => import('../../shared/portal/schema.ts').then((m) => m.PortalCatalogueSchema);

/** The catalogue to show: the pulled one when valid, else the bundled default. */
export async function loadPortalCatalogue(): Promise<PortalCatalogue> {
  // The default's chunk starts loading beside the stored read (the service worker serves it
  // from its cache), so a device with nothing stored does not wait for one, then the other.
  const fallback = loadDefaultPortalCatalogue();
  fallback.catch(() => undefined);
  const stored = await kvGet<unknown>(CATALOGUE_KEY);
  if (stored) {
    const parsed = (await catalogueSchema()).safeParse(stored);
    if (parsed.success) return parsed.data;
  }
  return fallback;
}

// A read started while the portal's code is still downloading (route preload), so the first
// render already has the tiles. Only a fresh read is reused: another tab may save a newer one.
const PRELOAD_FRESH_MS = 5_000;
let preloaded: { at: number; promise: Promise<PortalCatalogue>; value?: PortalCatalogue } | undefined;

function freshPreload() {
  return preloaded && Date.now() - preloaded.at < PRELOAD_FRESH_MS ? preloaded : undefined;
}

/** Starts reading the catalogue now (idempotent while fresh); never rejects on a storage error. */
export function preloadPortalCatalogue(): Promise<PortalCatalogue | undefined> {
  let entry = freshPreload();
  if (!entry) {
    const started: NonNullable<typeof preloaded> = { at: Date.now(), promise: loadPortalCatalogue() };
    started.promise.then(
      (c) => (started.value = c),
      () => undefined,
    );
    preloaded = entry = started;
  }
  return entry.promise.catch(() => undefined);
}

/** The preloaded catalogue if one was read in the last seconds: its value when already read, else its promise. */
export function takePreloadedPortalCatalogue(): { value?: PortalCatalogue; promise: Promise<PortalCatalogue> } | undefined {
  return freshPreload();
}

/** The catalogue bundled with this version of the app. */
export async function loadDefaultPortalCatalogue(): Promise<PortalCatalogue> {
  const { DEFAULT_CATALOGUE } = await import('../../shared/portal/default-catalogue.ts');
  return DEFAULT_CATALOGUE;
}

/** Stores a catalogue pulled from the hub with its ETag (sent back as If-None-Match). */
export async function savePortalCatalogue(catalogue: PortalCatalogue, etag: string | null | undefined): Promise<void> {
  const valid = (await catalogueSchema()).parse(catalogue);
  preloaded = undefined;
  await kvSet(CATALOGUE_KEY, valid);
  if (etag) await kvSet(ETAG_KEY, etag);
  else await kvDelete(ETAG_KEY);
}

export async function getPortalEtag(): Promise<string | undefined> {
  return kvGet<string>(ETAG_KEY);
}

/** The kiosk exit PIN hash chosen on this device before enrolment (the structure's PIN wins once known). */
export async function getLocalKioskPinHash(): Promise<string | undefined> {
  return kvGet<string>(LOCAL_PIN_KEY);
}

export async function setLocalKioskPinHash(hash: string): Promise<void> {
  await kvSet(LOCAL_PIN_KEY, hash);
}
