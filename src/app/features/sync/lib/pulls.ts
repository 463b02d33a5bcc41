import { countPending } from '../../../db/outbox.ts';
import { getPortalEtag, savePortalCatalogue } from '../../../db/portal.ts';
import { getSettingsEtag, isFreshStart, saveDeviceSettings, type DeviceIdentity } from '../../../db/settings.ts';
import { applyVenuePage, getVenueCursor, replaceVenues } from '../../../db/venues.ts';
import type { VenueRow } from '../../../db/rows/venues.ts';
import { PortalCatalogueSchema } from '../../../../shared/portal/schema.ts';
import { DeviceSettingsSchema } from '../../../../shared/protocol/settings.ts';
import { VenuePageSchema } from '../../../../shared/venues/schema.ts';
import { hubRequest, SyncFailure } from './http.ts';

const VENUE_PAGE = 1000;
const MAX_VENUE_PAGES = 500;

/** The structure's settings (places of activity, tags, kiosk, communes); the ETag spares unchanged ones. */
export async function pullSettings(identity: DeviceIdentity): Promise<void> {
  const etag = await getSettingsEtag();
  const headers: Record<string, string> = { 'x-kariole-pending': String(await countPending()) };
  if (etag) headers['if-none-match'] = etag;
  const res = await hubRequest(identity, '/api/v1/sync/settings', { headers });
  if (res.status === 304) return;
  const parsed = DeviceSettingsSchema.safeParse(res.body);
  if (!parsed.success) throw new SyncFailure('malformed', res.status);
  await saveDeviceSettings(parsed.data, res.headers.get('etag') ?? undefined);
}

/** The portal catalogue of the structure, only when it changed. */
export async function pullPortal(identity: DeviceIdentity): Promise<void> {
  const etag = (await isFreshStart()) ? undefined : await getPortalEtag();
  const res = await hubRequest(identity, '/api/v1/sync/portal', { headers: etag ? { 'if-none-match': etag } : {} });
  if (res.status === 304) return;
  const parsed = PortalCatalogueSchema.safeParse(res.body);
  if (!parsed.success) throw new SyncFailure('malformed', res.status);
  await savePortalCatalogue(parsed.data, res.headers.get('etag'));
}

/**
 * The directory's changes since the stored cursor, page by page (each page stored with its
 * cursor). When the hub says it restarted the pull (new territory, enrolment, reset), the
 * pages are gathered and replace every place in one transaction at the last page: nothing of
 * the old territory stays, and the directory is never empty in between.
 */
export async function pullVenues(identity: DeviceIdentity): Promise<void> {
  let since = (await isFreshStart()) ? undefined : await getVenueCursor();
  let replacing: Map<string, VenueRow> | undefined;
  for (let page = 0; page < MAX_VENUE_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(VENUE_PAGE) });
    if (since) query.set('since', since);
    const res = await hubRequest(identity, `/api/v1/sync/venues?${query}`);
    const parsed = VenuePageSchema.safeParse(res.body);
    if (!parsed.success) throw new SyncFailure('malformed', res.status);
    const data = parsed.data;
    if (data.restart) replacing = new Map();
    if (replacing) {
      for (const v of data.venues) replacing.set(v.id, v);
      for (const id of data.deleted) replacing.delete(id);
      if (!data.hasMore) await replaceVenues([...replacing.values()], data.cursor);
    } else await applyVenuePage(data);
    if (!data.hasMore) return;
    since = data.cursor;
  }
}
