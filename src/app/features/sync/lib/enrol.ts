import { enqueueOrphanActivities } from '../../../db/outbox.ts';
import { getDeviceIdentity, saveDeviceIdentity, setFreshStart, updateSyncStatus } from '../../../db/settings.ts';
import { EnrolResponseSchema, normaliseEnrolmentCode } from '../../../../shared/protocol/enrol.ts';
import { hubRequest, SyncFailure } from './http.ts';

export type EnrolResult = { ok: true; structureName: string } | { ok: false; kind: 'code'; message: string } | { ok: false; kind: 'network' | 'rate-limited' | 'server'; retryAfterMs?: number };

/**
 * Enrols this device with a code typed by the mediator. What the hub gives (device id,
 * token, structure, mediator) is stored; records made before enrolment are queued, and
 * a device enrolled again keeps everything it holds and drains its queue.
 */
export async function enrolDevice(code: string, deviceLabel?: string): Promise<EnrolResult> {
  const body: { code: string; deviceLabel?: string } = { code: normaliseEnrolmentCode(code) };
  if (deviceLabel?.trim()) body.deviceLabel = deviceLabel.trim().slice(0, 80);
  try {
    const res = await hubRequest(undefined, '/api/v1/devices/enrol', { method: 'POST', json: body });
    const parsed = EnrolResponseSchema.safeParse(res.body);
    if (!parsed.success) return { ok: false, kind: 'server' };
    const now = new Date().toISOString();
    const previous = await getDeviceIdentity();
    if (previous && previous.structure.id !== parsed.data.structure.id) await setFreshStart(true);
    await saveDeviceIdentity({ ...parsed.data, hubUrl: location.origin, enrolledAt: now });
    await enqueueOrphanActivities(now);
    await updateSyncStatus({ lastError: undefined, nextAttemptAt: undefined });
    return { ok: true, structureName: parsed.data.structure.name };
  } catch (e) {
    if (!(e instanceof SyncFailure)) return { ok: false, kind: 'network' };
    if (e.kind === 'refused' && e.status === 400) return { ok: false, kind: 'code', message: e.detail ?? '' };
    if (e.kind === 'rate-limited') return { ok: false, kind: 'rate-limited', retryAfterMs: e.retryAfterMs };
    if (e.kind === 'network' || e.kind === 'timeout') return { ok: false, kind: 'network' };
    return { ok: false, kind: 'server' };
  }
}
