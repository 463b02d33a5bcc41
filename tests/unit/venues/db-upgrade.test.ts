import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { KarioleDB } from '../../../src/app/db/index.ts';
import { aVenue } from './helpers.ts';

describe('IndexedDB upgrade to version 30 (venue indexes dropped)', () => {
  it('keeps the places, pending reports and outbox of a version 1 database', async () => {
    const name = `kariole-upgrade-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores({
      activities: 'id, date, syncState, type, updatedAt',
      drafts: 'id, updatedAt',
      outbox: 'key, kind, enqueuedAt',
      venues: 'id, code_postal, departement',
      venueReports: 'id, createdAt',
      kv: 'key',
    });
    await old.table('venues').bulkPut([aVenue({ id: 'a' }), aVenue({ id: 'b' })]);
    await old.table('venueReports').put({ id: 'r1', venueId: 'a', field: 'nom', proposed: 'X', createdAt: '2026-01-01', state: 'pending' });
    await old.table('outbox').put({ key: 'venueReport:r1', kind: 'venueReport', id: 'r1', enqueuedAt: '2026-01-01' });
    await old.table('kv').put({ key: 'venues.cursor', value: '2.abcdef12' });
    old.close();

    const db = new KarioleDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(30);
    expect((await db.venues.toArray()).map((v) => v.id)).toEqual(['a', 'b']);
    expect(await db.outbox.get('venueReport:r1')).toMatchObject({ kind: 'venueReport' });
    expect(await db.venueReports.get('r1')).toMatchObject({ state: 'pending' });
    expect((await db.kv.get('venues.cursor'))?.value).toBe('2.abcdef12');
    db.close();
  });
});
