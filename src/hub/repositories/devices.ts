import { randomUUID } from 'node:crypto';
import type { DB } from '../db/schema.ts';
import { ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH } from '../../shared/protocol/enrol.ts';
import type { AdminDevice } from '../../shared/admin-api/devices.ts';

export interface DeviceIdentity {
  deviceId: string;
  structureId: string;
  mediatorId: string;
}

/** The active (not revoked) device holding this token hash. */
export async function findActiveDeviceByTokenHash(db: DB, tokenHash: string): Promise<DeviceIdentity | undefined> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'structure_id', 'mediator_id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { deviceId: row.id, structureId: row.structure_id, mediatorId: row.mediator_id } : undefined;
}

// The alphabet is shared with the app, which normalises what a person types.
export { ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH } from '../../shared/protocol/enrol.ts';

export interface EnrolmentCode {
  code: string;
  structureId: string;
  mediatorLabel: string | null;
  expiresAt: string;
}

/** Issues a single-use enrolment code for a structure (72 h by default). */
export async function createEnrolmentCode(
  db: DB,
  input: { structureId: string; mediatorLabel?: string | null; ttlHours?: number; conseillerNumerique?: boolean | undefined },
): Promise<EnrolmentCode> {
  const { randomInt } = await import('node:crypto');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (input.ttlHours ?? 72) * 3600_000).toISOString();
  for (;;) {
    let code = '';
    for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += ENROLMENT_ALPHABET[randomInt(ENROLMENT_ALPHABET.length)];
    const clash = await db.selectFrom('enrolment_codes').select('code').where('code', '=', code).executeTakeFirst();
    if (clash) continue;
    await db
      .insertInto('enrolment_codes')
      .values({
        code,
        structure_id: input.structureId,
        mediator_label: input.mediatorLabel ?? null,
        ...(input.conseillerNumerique === undefined ? {} : { mediator_conseiller_numerique: input.conseillerNumerique ? 1 : 0 }),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    return { code, structureId: input.structureId, mediatorLabel: input.mediatorLabel ?? null, expiresAt };
  }
}

export type EnrolmentFailure = 'unknown' | 'used' | 'expired';

export interface Enrolment {
  deviceId: string;
  structure: { id: string; name: string };
  mediatorId: string;
}

/**
 * Spends one of the candidate codes (the typed code and its look-alike readings) and enrols
 * a device holding `tokenHash`. A code is spent at most once, even by concurrent requests.
 */
export async function enrolDevice(
  db: DB,
  input: { candidates: string[]; tokenHash: string; deviceLabel: string | null; now: string },
): Promise<{ ok: true; enrolment: Enrolment } | { ok: false; reason: EnrolmentFailure }> {
  if (input.candidates.length === 0) return { ok: false, reason: 'unknown' };
  return db.transaction().execute(async (trx) => {
    const codes = await trx
      .selectFrom('enrolment_codes')
      .innerJoin('structures', 'structures.id', 'enrolment_codes.structure_id')
      .select(['enrolment_codes.code', 'enrolment_codes.structure_id', 'enrolment_codes.mediator_label', 'enrolment_codes.mediator_conseiller_numerique', 'enrolment_codes.expires_at', 'enrolment_codes.used_at', 'structures.name'])
      .where('enrolment_codes.code', 'in', input.candidates)
      .execute();
    if (codes.length === 0) return { ok: false as const, reason: 'unknown' as const };
    const usable = codes.find((c) => c.used_at === null && c.expires_at > input.now);
    if (!usable) return { ok: false as const, reason: codes.some((c) => c.used_at === null) ? ('expired' as const) : ('used' as const) };
    const spent = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: input.now })
      .where('code', '=', usable.code)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) return { ok: false as const, reason: 'used' as const };

    // A named mediator keeps one pseudonymous id across re-enrolments of their tablet.
    let mediatorId: string | undefined;
    if (usable.mediator_label) {
      const known = await trx
        .selectFrom('mediators')
        .select('id')
        .where('structure_id', '=', usable.structure_id)
        .where('label', '=', usable.mediator_label)
        .orderBy('created_at')
        .executeTakeFirst();
      mediatorId = known?.id;
    }
    if (!mediatorId) {
      mediatorId = randomUUID();
      await trx
        .insertInto('mediators')
        .values({
          id: mediatorId,
          structure_id: usable.structure_id,
          label: usable.mediator_label,
          created_at: input.now,
          conseiller_numerique: Number(usable.mediator_conseiller_numerique ?? 0) === 1 ? 1 : 0,
        })
        .execute();
    } else if (usable.mediator_conseiller_numerique !== null && usable.mediator_conseiller_numerique !== undefined) {
      // A code that says it sets the flag of the mediator it re-enrols.
      await trx
        .updateTable('mediators')
        .set({ conseiller_numerique: Number(usable.mediator_conseiller_numerique) === 1 ? 1 : 0 })
        .where('id', '=', mediatorId)
        .execute();
    }
    const deviceId = randomUUID();
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        structure_id: usable.structure_id,
        mediator_id: mediatorId,
        label: input.deviceLabel,
        token_hash: input.tokenHash,
        enrolled_at: input.now,
        last_sync_at: null,
        pending_count: null,
        revoked_at: null,
      })
      .execute();
    return { ok: true as const, enrolment: { deviceId, structure: { id: usable.structure_id, name: usable.name }, mediatorId } };
  });
}

function deviceQuery(db: DB) {
  return db
    .selectFrom('devices')
    .innerJoin('structures', 'structures.id', 'devices.structure_id')
    .innerJoin('mediators', 'mediators.id', 'devices.mediator_id')
    .select([
      'devices.id',
      'devices.label',
      'devices.structure_id',
      'structures.name as structure_name',
      'devices.mediator_id',
      'mediators.label as mediator_label',
      'devices.enrolled_at',
      'devices.last_sync_at',
      'devices.records_received',
      'devices.pending_count',
      'devices.revoked_at',
    ]);
}

type DeviceListRow = Awaited<ReturnType<ReturnType<typeof deviceQuery>['executeTakeFirstOrThrow']>>;

function toAdminDevice(r: DeviceListRow): AdminDevice {
  return {
    id: r.id,
    label: r.label,
    structure: { id: r.structure_id, name: r.structure_name },
    mediator: { id: r.mediator_id, label: r.mediator_label },
    enrolledAt: r.enrolled_at,
    lastSyncAt: r.last_sync_at,
    recordsReceived: Number(r.records_received),
    pendingCount: r.pending_count === null ? null : Number(r.pending_count),
    revoked: r.revoked_at !== null,
    revokedAt: r.revoked_at,
  };
}

/** Devices of the given structures (all when `structureIds` is undefined), most recent first. */
export async function listDevices(db: DB, structureIds?: string[]): Promise<AdminDevice[]> {
  let q = deviceQuery(db).orderBy('devices.enrolled_at', 'desc');
  if (structureIds) {
    if (structureIds.length === 0) return [];
    q = q.where('devices.structure_id', 'in', structureIds);
  }
  return (await q.execute()).map(toAdminDevice);
}

export async function getDevice(db: DB, id: string): Promise<AdminDevice | undefined> {
  const row = await deviceQuery(db).where('devices.id', '=', id).executeTakeFirst();
  return row ? toAdminDevice(row) : undefined;
}

/** Revokes a device's token (idempotent: the first revocation time is kept). */
export async function revokeDevice(db: DB, id: string, now: string): Promise<void> {
  await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Keeps the device's last sync time and how many records it delivered (the dashboard shows them). */
export async function recordDeviceSync(db: DB, deviceId: string, input: { at: string; received?: number; pending?: number }): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => ({
      last_sync_at: input.at,
      ...(input.received ? { records_received: eb('records_received', '+', input.received) } : {}),
      ...(input.pending !== undefined ? { pending_count: input.pending } : {}),
    }))
    .where('id', '=', deviceId)
    .execute();
}
