import { randomUUID } from 'node:crypto';
import type { TestHub } from '../helpers/hub.ts';
import { createEnrolmentCode } from '../../src/hub/repositories/devices.ts';
import type { Structure } from '../../src/hub/repositories/structures.ts';

// Domain helpers of the sync tests: an enrolled device, activity records, pushes.

export interface EnrolledDevice {
  deviceId: string;
  token: string;
  mediatorId: string;
  structureId: string;
  auth: Record<string, string>;
}

export async function givenEnrolledDevice(hub: TestHub, structure: Structure, opts: { mediatorLabel?: string; ip?: string } = {}): Promise<EnrolledDevice> {
  const { code } = await createEnrolmentCode(hub.database.db, { structureId: structure.id, mediatorLabel: opts.mediatorLabel ?? null });
  const res = await hub.app.inject({ method: 'POST', url: '/api/v1/devices/enrol', payload: { code, deviceLabel: 'Tablette test' }, remoteAddress: opts.ip ?? '10.0.0.1' });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { deviceId: string; token: string; mediatorId: string; structure: { id: string } };
  return { deviceId: body.deviceId, token: body.token, mediatorId: body.mediatorId, structureId: body.structure.id, auth: { authorization: `Bearer ${body.token}` } };
}

/** A valid individual session of the national taxonomy. */
export function anActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    revision: 1,
    type: 'individuel',
    date: '2026-11-20',
    durationMin: 30,
    place: { kind: 'a_distance' },
    equipment: ['telephone'],
    themes: ['email'],
    adminThemes: [],
    portalLinkIds: [],
    autonomy: 'autonome',
    beneficiaries: { total: 1, alreadyAccompanied: 0, genre: { feminin: 1 }, ageBand: { 'vingt_cinq_trente_neuf': 1 }, status: {} },
    aidantsConnect: false,
    passNumerique: 0,
    tags: [],
    ...overrides,
  };
}

export async function push(hub: TestHub, device: EnrolledDevice, records: unknown[]) {
  return hub.app.inject({ method: 'POST', url: '/api/v1/sync/activities', headers: device.auth, payload: { records } });
}

export async function pushResults(hub: TestHub, device: EnrolledDevice, records: unknown[]) {
  const res = await push(hub, device, records);
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { results: { id: string; status: string; revision?: number; errors?: { path: string; message: string }[] }[] }).results;
}
