import { db } from './index.ts';
import type { VenueReportRow, VenueRow } from './rows/venues.ts';
import type { ReportableField, VenuePage } from '../../shared/venues/schema.ts';

const CURSOR_KEY = 'venues.cursor';
const listeners = new Set<() => void>();

/** Called after each applied page, so an open search index refreshes. */
export function onVenuesChanged(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** Stores one page of `GET /api/v1/sync/venues` (rows, deletions and cursor in one transaction). */
export async function applyVenuePage(page: VenuePage): Promise<void> {
  await db.transaction('rw', db.venues, db.kv, async () => {
    if (page.venues.length) await db.venues.bulkPut(page.venues);
    if (page.deleted.length) await db.venues.bulkDelete(page.deleted);
    await db.kv.put({ key: CURSOR_KEY, value: page.cursor });
  });
  for (const cb of listeners) cb();
}

/**
 * Replaces every place on the device with `venues` (a pull the hub restarted: new territory,
 * new enrolment, reset) and stores the cursor, in one transaction: no stale place stays
 * searchable, and readers never see an empty directory in between.
 */
export async function replaceVenues(venues: VenueRow[], cursor: string): Promise<void> {
  await db.transaction('rw', db.venues, db.kv, async () => {
    await db.venues.clear();
    if (venues.length) await db.venues.bulkPut(venues);
    await db.kv.put({ key: CURSOR_KEY, value: cursor });
  });
  for (const cb of listeners) cb();
}

/** The cursor to send as `since` (undefined = from the start). */
export async function getVenueCursor(): Promise<string | undefined> {
  return (await db.kv.get(CURSOR_KEY))?.value as string | undefined;
}

export async function getVenue(id: string): Promise<VenueRow | undefined> {
  return db.venues.get(id);
}

/** Every place on the device (the search index is built from them). */
export async function getAllVenues(): Promise<VenueRow[]> {
  return db.venues.toArray();
}

export async function countVenues(): Promise<number> {
  return db.venues.count();
}

export interface NewVenueReport {
  venueId: string;
  field: ReportableField;
  proposed: string;
  comment?: string;
}

/** Saves a field report and its outbox entry in one transaction; returns its id. */
export async function saveVenueReport(report: NewVenueReport): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const row: VenueReportRow = {
    id,
    venueId: report.venueId,
    field: report.field,
    proposed: report.proposed.trim(),
    ...(report.comment?.trim() ? { comment: report.comment.trim() } : {}),
    createdAt: now,
    state: 'pending',
  };
  await db.transaction('rw', db.venueReports, db.outbox, async () => {
    await db.venueReports.put(row);
    await db.outbox.put({ key: `venueReport:${id}`, kind: 'venueReport', id, enqueuedAt: now });
  });
  return id;
}

/** The body of `POST /api/v1/sync/venue-reports` for a stored report. */
export async function getVenueReportPayload(
  id: string,
): Promise<{ id: string; venueId: string; field: ReportableField; proposed: string; comment?: string } | undefined> {
  const r = await db.venueReports.get(id);
  if (!r) return undefined;
  return { id: r.id, venueId: r.venueId, field: r.field, proposed: r.proposed, ...(r.comment ? { comment: r.comment } : {}) };
}

/** The hub has the report: drop its outbox entry and mark it sent. */
export async function markVenueReportSent(id: string): Promise<void> {
  await db.transaction('rw', db.venueReports, db.outbox, async () => {
    await db.outbox.delete(`venueReport:${id}`);
    await db.venueReports.update(id, { state: 'sent', sentAt: new Date().toISOString() });
  });
}

/** The hub refused the report (4xx): it leaves the outbox (no longer pending) and shows the hub's reason. */
export async function markVenueReportRefused(id: string, reason: string | undefined): Promise<void> {
  await db.transaction('rw', db.venueReports, db.outbox, async () => {
    await db.outbox.delete(`venueReport:${id}`);
    await db.venueReports.update(id, { state: 'refused', refusedAt: new Date().toISOString(), ...(reason ? { refusedReason: reason } : {}) });
  });
}

/** Drops a report the hub refused (the mediator read the reason). Reports still pending or sent are kept. */
export async function dismissVenueReport(id: string): Promise<boolean> {
  return db.transaction('rw', db.venueReports, db.outbox, async () => {
    const r = await db.venueReports.get(id);
    if (!r || r.state !== 'refused') return false;
    await db.venueReports.delete(id);
    await db.outbox.delete(`venueReport:${id}`);
    return true;
  });
}

/** Reports the hub refused, newest first (shown on the directory page until dismissed). */
export async function listRefusedVenueReports(): Promise<VenueReportRow[]> {
  const rows = await db.venueReports.filter((r) => r.state === 'refused').toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Reports about one place, newest first. */
export async function listVenueReports(venueId: string): Promise<VenueReportRow[]> {
  const rows = await db.venueReports.filter((r) => r.venueId === venueId).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
