import type { Table } from 'dexie';
import { get, type UseStore } from 'idb-keyval';
import type { KvRow } from './index.ts';

// Small values (settings, cursors, device identity, the portal catalogue) live in the `kv`
// table of the app's database, rows `{ key, value }`. Reads go through idb-keyval on that same
// object store, without Dexie: the first screens (home, portal, kiosk) read their settings
// without downloading Dexie's 30 kB. Dexie owns the schema: this module opens the database as
// it is, never creates or upgrades it, and steps aside when Dexie upgrades it. Writes, rarer
// and never on a first screen, go through Dexie (see kvSet).

const DB_NAME = 'kariole';
const STORE = 'kv';

/** The database does not exist yet (nothing was ever stored on this device). */
const ABSENT = Symbol('absent');

let opening: Promise<IDBDatabase | typeof ABSENT> | undefined;

function openExisting(): Promise<IDBDatabase | typeof ABSENT> {
  opening ??= new Promise<IDBDatabase | typeof ABSENT>((resolve, reject) => {
    let absent = false;
    const req = indexedDB.open(DB_NAME);
    // No database yet: abort rather than create one Dexie would then have to fight.
    req.onupgradeneeded = () => {
      absent = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => {
      const db = req.result;
      // Dexie opening a newer version must not wait for this connection.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      db.onclose = () => (opening = undefined);
      if (db.objectStoreNames.contains(STORE)) return resolve(db);
      db.close();
      reject(new Error(`no ${STORE} store in ${DB_NAME}`));
    };
    req.onerror = () => (absent ? resolve(ABSENT) : reject(req.error ?? new Error(`cannot open ${DB_NAME}`)));
  }).then(
    (db) => {
      if (db === ABSENT) opening = undefined; // look again next time: Dexie may have created it since
      return db;
    },
    (e: unknown) => {
      opening = undefined;
      throw e;
    },
  );
  return opening;
}

/** idb-keyval's store, on the app database's kv table (its rows carry their key inline). */
const kvStore: UseStore = (mode, callback) =>
  openExisting().then((db) => {
    if (db === ABSENT) throw ABSENT;
    return callback(db.transaction(STORE, mode).objectStore(STORE));
  });

/** Through Dexie, when the direct path fails (a connection closed by an upgrade, say). */
async function viaDexie<T>(run: (table: Table<KvRow, string>) => Promise<T>): Promise<T> {
  const { db } = await import('./index.ts');
  return run(db.kv);
}

/** True when the app's database exists (something was stored on this device), without creating it. */
export async function appDatabaseExists(): Promise<boolean> {
  try {
    return (await openExisting()) !== ABSENT;
  } catch {
    return true;
  }
}

/** Reads a small value (settings, cursors, device identity) from the key-value table. */
export async function kvGet<T>(key: string): Promise<T | undefined> {
  try {
    return (await get<KvRow>(key, kvStore))?.value as T | undefined;
  } catch (e) {
    if (e === ABSENT) return undefined;
    return (await viaDexie((t) => t.get(key)))?.value as T | undefined;
  }
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  // Writes go through Dexie: it creates the database when needed and tells its live queries
  // (the sync status, the enrolment) in every tab. idb-keyval's `set` would pass the key out of
  // line, which a store with inline keys refuses.
  await viaDexie((t) => t.put({ key, value }));
}

export async function kvDelete(key: string): Promise<void> {
  await viaDexie((t) => t.delete(key));
}
