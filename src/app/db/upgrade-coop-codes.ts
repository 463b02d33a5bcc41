import type { Transaction } from 'dexie';
import { upgradeFormCodes, upgradeRecordCodes } from '../../shared/activity/legacy-codes.ts';

// Database version 31: the Coop's codes (taxonomy.md). Stored records, form drafts and any
// record an outbox entry carries are converted in place by the one mapping the hub's
// migration 006 uses, so a record queued before the upgrade is sent once, in the new codes,
// and one the hub already holds is answered "unchanged". Revisions and outbox entries are
// kept as they were. One exception: a record in the earlier codes that a hub already upgraded
// refused (it was never stored there) goes back in the queue, once, to be sent in the new codes.

export async function upgradeToCoopCodes(tx: Transaction): Promise<void> {
  const requeue: string[] = [];
  await tx
    .table('activities')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      const next = upgradeRecordCodes(row);
      if (row.syncState === 'rejected' && JSON.stringify(next) !== JSON.stringify(row)) {
        const { syncErrors: _errors, ...rest } = next;
        ref.value = { ...rest, syncState: 'pending' };
        if (typeof row.id === 'string') requeue.push(row.id);
      } else {
        ref.value = next;
      }
    });
  const outbox = tx.table('outbox');
  const keys = requeue.map((id) => `activity:${id}`);
  const present = new Set((await outbox.bulkGet(keys)).filter(Boolean).map((r: { key: string }) => r.key));
  const now = new Date().toISOString();
  await outbox.bulkPut(requeue.filter((id) => !present.has(`activity:${id}`)).map((id) => ({ key: `activity:${id}`, kind: 'activity', id, enqueuedAt: now })));
  await tx
    .table('drafts')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = 'state' in row ? { ...row, state: upgradeFormCodes(row.state) } : row;
    });
  await tx
    .table('outbox')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = 'record' in row ? { ...row, record: upgradeRecordCodes(row.record) } : row;
    });
}
