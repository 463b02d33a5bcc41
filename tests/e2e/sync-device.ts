import type { Page } from 'playwright-core';

// Browser-side helpers of the sync tests: what a mediator does on /synchro, and the records a
// day of work leaves on the tablet (written as the activities feature writes them: the record
// and its outbox entry in one IndexedDB transaction).

export async function enrolThroughScreen(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(`${baseUrl}/synchro`);
  await page.locator('#sync-code').waitFor();
  // Typed as people do: lower case, with a space in the middle.
  await page.locator('#sync-code').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
  await page.locator('#sync-label').fill('Tablette de l’accueil');
  await page.locator('[data-testid="sync-enrol-submit"]').click();
  await page.locator('[data-testid="sync-state"]').waitFor({ timeout: 20_000 });
}

export interface QueuedRecord {
  id: string;
  revision: number;
}

/**
 * The records are written straight into IndexedDB; the page is then reloaded (as after a day of
 * work) so the app reads them fresh instead of from its in-memory query cache.
 */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await page.locator('[data-testid="sync-state"], #sync-code').first().waitFor();
}

/** Writes `count` sessions (with private notes and local timestamps) and their outbox entries. */
export async function queueSessionsOffline(page: Page, count: number, opts: { startDay?: number } = {}): Promise<QueuedRecord[]> {
  return page.evaluate(
    async ({ count, startDay }) => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('kariole');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const idb = await open();
      const out: { id: string; revision: number }[] = [];
      const tx = idb.transaction(['activities', 'outbox', 'kv'], 'readwrite');
      // The outbox sequence counter the app advances on every change (db/outbox.ts).
      let seq = await new Promise<number>((resolve) => {
        const g = tx.objectStore('kv').get('outbox.seq');
        g.onsuccess = () => resolve(Number((g.result as { value?: number } | undefined)?.value ?? 0));
      });
      for (let i = 0; i < count; i++) {
        const id = crypto.randomUUID();
        const day = new Date(Date.UTC(2026, 9, 1 + ((startDay + i) % 50)));
        const stamp = new Date(day.getTime() + (9 * 60 + i) * 60_000).toISOString();
        const collective = i % 7 === 0;
        tx.objectStore('activities').put({
          id,
          revision: 1,
          type: collective ? 'collectif' : 'individuel',
          date: day.toISOString().slice(0, 10),
          durationMin: [15, 30, 45, 60, 90][i % 5],
          place: { kind: 'a_distance' },
          equipment: ['telephone'],
          themes: ['email', 'aide_aux_demarches_administratives'],
          adminThemes: ['social_sante'],
          portalLinkIds: [],
          ...(collective
            ? { workshop: { title: 'Atelier messagerie', level: 'debutant' }, beneficiaries: { total: 6, alreadyAccompanied: 1, genre: {}, ageBand: {}, status: {} } }
            : { autonomy: 'entierement_accompagne', beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: { 'soixante_soixante_neuf': 1 }, status: { retraite: 1 } } }),
          aidantsConnect: false,
          passNumerique: 0,
          tags: [],
          notes: `Mme Dupont (06 12 34 56 78) ${i}`,
          createdAt: stamp,
          updatedAt: stamp,
          syncState: 'pending',
        });
        tx.objectStore('outbox').put({ key: `activity:${id}`, kind: 'activity', id, enqueuedAt: stamp, seq: ++seq });
        out.push({ id, revision: 1 });
      }
      tx.objectStore('kv').put({ key: 'outbox.seq', value: seq });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      idb.close();
      return out;
    },
    { count, startDay: opts.startDay ?? 0 },
  );
}

/** Sync state of every record on the device, and the outbox size. */
export async function deviceState(page: Page): Promise<{ rows: { id: string; revision: number; syncState: string }[]; outbox: number }> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kariole');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const r = idb.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
      });
    const rows = (await all<{ id: string; revision: number; syncState: string }>('activities')).map((r) => ({ id: r.id, revision: r.revision, syncState: r.syncState }));
    const outbox = (await all<unknown>('outbox')).length;
    idb.close();
    return { rows, outbox };
  });
}

/** Waits until the status screen shows nothing pending. */
export async function waitAllSynced(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="sync-state"]')?.getAttribute('data-pending') === '0', undefined, { timeout, polling: 250 });
}

/** The device id the tablet received at enrolment. */
export async function enrolledDeviceId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('kariole');
      r.onsuccess = () => resolve(r.result);
    });
    const id = await new Promise<string>((resolve) => {
      const g = idb.transaction('kv').objectStore('kv').get('device.identity');
      g.onsuccess = () => resolve((g.result as { value: { deviceId: string } }).value.deviceId);
    });
    idb.close();
    return id;
  });
}
