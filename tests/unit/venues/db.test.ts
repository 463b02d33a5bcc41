import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import {
  applyVenuePage,
  getVenue,
  getVenueCursor,
  getVenueReportPayload,
  listVenueReports,
  markVenueReportSent,
  saveVenueReport,
} from '../../../src/app/db/venues.ts';
import { aVenue } from './helpers.ts';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('venues on the device', () => {
  it('stores a pulled page, its deletions and its cursor together', async () => {
    const a = aVenue({ id: 'a' });
    const b = aVenue({ id: 'b' });
    await applyVenuePage({ venues: [a, b], deleted: [], cursor: '2.abcdef12', hasMore: false });
    expect(await getVenueCursor()).toBe('2.abcdef12');
    await applyVenuePage({ venues: [{ ...a, nom: 'Renommé' }], deleted: ['b'], cursor: '4.abcdef12', hasMore: false });
    expect((await getVenue('a'))?.nom).toBe('Renommé');
    expect(await getVenue('b')).toBeUndefined();
    expect(await getVenueCursor()).toBe('4.abcdef12');
  });

  it('keeps a field report in the outbox until the hub has it', async () => {
    const id = await saveVenueReport({ venueId: 'a', field: 'telephone', proposed: ' 04 91 00 00 00 ', comment: '' });
    expect(await db.outbox.get(`venueReport:${id}`)).toMatchObject({ kind: 'venueReport', id });
    expect(await getVenueReportPayload(id)).toEqual({ id, venueId: 'a', field: 'telephone', proposed: '04 91 00 00 00' });
    await markVenueReportSent(id);
    expect(await db.outbox.get(`venueReport:${id}`)).toBeUndefined();
    expect((await listVenueReports('a'))[0]).toMatchObject({ id, state: 'sent' });
  });
});
