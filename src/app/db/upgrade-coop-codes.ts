import type { Transaction } from 'dexie';
import { upgradeFormCodes, upgradeRecordCodes } from '../../shared/activity/legacy-codes.ts';

// Database version 31: the Coop's codes (taxonomy.md). Stored records, form drafts and any
// record an outbox entry carries are converted in place by the one mapping the hub's
// migration 006 uses, so a record queued before the upgrade is sent once, in the new codes,
// and one the hub already holds is answered "unchanged". Revisions, sync states and outbox
// entries are kept as they were: nothing is re-queued, nothing is dropped.

export async function upgradeToCoopCodes(tx: Transaction): Promise<void> {
  await tx
    .table('activities')
    .toCollection()
    .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
      ref.value = upgradeRecordCodes(row);
    });
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
