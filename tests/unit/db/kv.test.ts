import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/app/db/index.ts';
import { appDatabaseExists, kvDelete, kvGet, kvSet } from '../../../src/app/db/kv.ts';

// Settings are read through idb-keyval on the app database's kv table, without Dexie, and
// without ever creating or holding up the database Dexie owns.

const names = async () => (await indexedDB.databases()).map((d) => d.name);

afterAll(async () => {
  await db.open();
});

describe('kv reads without Dexie', () => {
  it('reads nothing and creates no database on a first visit', async () => {
    db.close();
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase('kariole');
      req.onsuccess = resolve;
      req.onerror = () => reject(req.error);
    });
    expect(await names()).not.toContain('kariole');
    expect(await kvGet('device.identity')).toBeUndefined();
    expect(await appDatabaseExists()).toBe(false);
    expect(await names()).not.toContain('kariole');
  });

  it('reads what Dexie wrote, and sees a deletion', async () => {
    await db.open();
    await kvSet('portal.etag', 'W/"7"');
    expect(await appDatabaseExists()).toBe(true);
    expect(await kvGet('portal.etag')).toBe('W/"7"');
    await db.kv.put({ key: 'portal.etag', value: 'W/"8"' });
    expect(await kvGet('portal.etag')).toBe('W/"8"');
    await kvDelete('portal.etag');
    expect(await kvGet('portal.etag')).toBeUndefined();
  });

  it('steps aside when the database is upgraded, then reads again', async () => {
    await kvSet('sync.freshStart', true);
    expect(await kvGet('sync.freshStart')).toBe(true);
    const version = db.verno;
    db.close();
    // Another connection upgrades the database while kv's connection is open: not blocked.
    const upgraded = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open('kariole', Math.round(version * 10) + 1);
      req.onblocked = () => reject(new Error('blocked by an open connection'));
      req.onsuccess = () => {
        const v = req.result.version;
        req.result.close();
        resolve(v);
      };
      req.onerror = () => reject(req.error);
    });
    expect(upgraded).toBe(Math.round(version * 10) + 1);
    expect(await kvGet('sync.freshStart')).toBe(true);
  });
});
