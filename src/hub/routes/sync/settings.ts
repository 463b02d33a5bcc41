import type { FastifyInstance } from 'fastify';
import { sha256 } from '../../lib/crypto.ts';
import { nowIso } from '../../lib/time.ts';
import { requireDevice } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { recordDeviceSync } from '../../repositories/devices.ts';
import { getStructure } from '../../repositories/structures.ts';
import { DeviceSettingsSchema, type DeviceSettings } from '../../../shared/protocol/settings.ts';
import { json, noContent, problems } from '../../../shared/admin-api/problem.ts';
import { communesOf } from './communes.ts';
import { placesOfActivity } from './places.ts';
import { deviceRateLimit } from './rate-limit.ts';

/** `GET /api/v1/sync/settings`: what the structure decides for its devices, with an ETag. */
export default async function settingsRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/sync/settings',
    {
      onRequest: requireDevice,
      config: { rateLimit: deviceRateLimit(120) },
      schema: {
        tags: ['Synchronisation'],
        summary: "les réglages de la structure de l'appareil (ETag, 304 quand ils n'ont pas changé)",
        description: "L'en-tête x-kariole-pending (entier) dit combien de changements l'appareil garde encore ; le tableau de bord l'affiche.",
        security: [{ DeviceAuth: [] }],
        response: { 200: json('les réglages', DeviceSettingsSchema), 304: noContent("l'appareil a déjà ces réglages"), ...problems(401, 404, 429) },
      },
    },
    async (req, reply) => {
      const device = req.device!;
      const structure = await getStructure(app.db, device.structureId);
      if (!structure) throw new HttpProblem(404, 'Introuvable', "La structure de cet appareil n'existe plus.");
      // The device says how many changes it still holds (shown on the dashboard).
      const pendingHeader = Number(req.headers['x-kariole-pending']);
      const pending = Number.isInteger(pendingHeader) && pendingHeader >= 0 && pendingHeader < 1e9 ? pendingHeader : undefined;
      await recordDeviceSync(app.db, device.deviceId, { at: nowIso(), pending });

      const s = structure.settings;
      const body: DeviceSettings = {
        structure: { id: structure.id, name: structure.name },
        placesOfActivity: await placesOfActivity(app.db, s.placesOfActivity),
        tags: s.tags.map((t) => ({ id: t.id, label: t.label })),
        kioskIdleSeconds: s.kioskIdleSeconds,
        kioskPinHash: s.kioskPinHash,
        languages: s.languages,
        communes: communesOf(structure.departements),
      };
      const json = JSON.stringify(body);
      const etag = `"${sha256(json).slice(0, 32)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}
