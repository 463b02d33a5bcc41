import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { nowIso } from '../../lib/time.ts';
import { requireDevice } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { ingestActivities, type IngestItem } from '../../repositories/activities.ts';
import { checkWireItem } from '../../../shared/activity/record.ts';
import { PUSH_MAX_RECORDS, PushRequestSchema, PushResponseSchema, type PushResult } from '../../../shared/protocol/push.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { deviceRateLimit } from './rate-limit.ts';
import { getStructure } from '../../repositories/structures.ts';
import { venueIdsOfTerritory } from '../../repositories/venue-territory.ts';
import { outsideWindow, utcToday } from '../../../shared/stats/window.ts';

function idOf(item: unknown): string {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 200) : '';
}

/** `POST /api/v1/sync/activities`: per-record results, committed before the answer (protocol.md). */
export default async function pushRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/v1/sync/activities',
    {
      onRequest: requireDevice,
      // too many records: a 413 naming the limit, before the envelope's schema
      preValidation: async (req: FastifyRequest) => {
        const records = (req.body as { records?: unknown } | null)?.records;
        if (Array.isArray(records) && records.length > PUSH_MAX_RECORDS) {
          throw new HttpProblem(413, 'Envoi trop volumineux', `Envoyez au plus ${PUSH_MAX_RECORDS} accompagnements par requête (reçu : ${records.length}).`, [
            { path: 'records', message: `${PUSH_MAX_RECORDS} accompagnements au plus par envoi.` },
          ]);
        }
      },
      config: {
        rateLimit: deviceRateLimit(120),
        bodyCheckedPerItem: true,
        invalid: { title: 'Envoi invalide', detail: 'Le corps doit être { "records": [ ... ] } avec 1 à 500 accompagnements.' },
      },
      schema: {
        tags: ['Synchronisation'],
        summary: 'envoie des accompagnements (anonymisés) ; un résultat par accompagnement, dans l’ordre (protocol.md)',
        security: [{ DeviceAuth: [] }],
        body: PushRequestSchema,
        response: { 200: PushResponseSchema, ...problems(400, 401, 413, 429) },
      },
    },
    async (req) => {
      const device = req.device!;
      const items = req.body.records;
      const results: PushResult[] = new Array<PushResult>(items.length);
      const valid: IngestItem[] = [];
      const today = utcToday();
      items.forEach((raw, index) => {
        const checked = checkWireItem(raw);
        if (!checked.ok) {
          results[index] = { id: idOf(raw), status: 'rejected', errors: checked.errors.map((e) => ({ ...e, path: e.path || '(accompagnement)' })) };
          return;
        }
        const rec = checked.record as Record<string, unknown> & { id: string; revision: number; deleted?: true; date?: string };
        const late = rec.date ? outsideWindow(rec.date, "Date de l'accompagnement", today) : undefined;
        if (late) {
          results[index] = { id: rec.id, status: 'rejected', errors: [{ path: 'date', message: late }] };
          return;
        }
        valid.push({ index, id: rec.id, revision: rec.revision, deleted: rec.deleted === true, record: rec.deleted ? null : rec });
      });
      const accepted = await keepPlacesOfTerritory(app, device.structureId, valid, results);
      const now = nowIso();
      // The device's sync is counted in the records' transaction (one commit per push group).
      const { results: stored } = await ingestActivities(app.db, app.dialect, device, accepted, now, { recordSync: true });
      for (const [index, r] of stored) results[index] = r;
      return { results };
    },
  );
}

/** Records naming a place of activity outside the device's territory (or nowhere) are rejected, naming place.venueId. */
async function keepPlacesOfTerritory(app: FastifyInstance, structureId: string, items: IngestItem[], results: PushResult[]): Promise<IngestItem[]> {
  const venueOf = (i: IngestItem) => (i.record?.place as { venueId?: string } | undefined)?.venueId;
  const named = items.map(venueOf).filter((v): v is string => Boolean(v));
  if (named.length === 0) return items;
  const departements = (await getStructure(app.db, structureId))?.departements ?? [];
  const known = await venueIdsOfTerritory(app.db, named, departements);
  return items.filter((i) => {
    const venueId = venueOf(i);
    if (!venueId || known.has(venueId)) return true;
    results[i.index] = {
      id: i.id,
      status: 'rejected',
      errors: [{ path: 'place.venueId', message: "Lieu d'activité : ce lieu n'est pas dans l'annuaire du territoire de votre structure. Choisissez un lieu de la liste." }],
    };
    return false;
  });
}
