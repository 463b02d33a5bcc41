import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { nowIso } from '../../lib/time.ts';
import { assertStructureInScope, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { createEnrolmentCode, getDevice, listDevices, revokeDevice } from '../../repositories/devices.ts';
import { getStructure } from '../../repositories/structures.ts';
import { EnrolmentCodeRequestSchema } from '../../../shared/protocol/enrol.ts';
import { AdminDeviceSchema, DeviceListQuerySchema, DeviceListSchema, DeviceParamsSchema, EnrolmentCodeSchema } from '../../../shared/admin-api/devices.ts';
import { problems } from '../../../shared/admin-api/problem.ts';

const NOT_FOUND_DEVICE = { status: 404, title: 'Introuvable', detail: "Cet appareil n'existe pas ou n'appartient pas à l'une de vos structures." };
const notFoundDevice = () => new HttpProblem(NOT_FOUND_DEVICE.status, NOT_FOUND_DEVICE.title, NOT_FOUND_DEVICE.detail);
const tags = ['Appareils'];

// Coordinators act on their structures only (404 outside them); admins on all.
export default async function adminDeviceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const staff = requireStaff('admin', 'coordinator');

  app.post(
    '/api/v1/admin/enrolment-codes',
    {
      onRequest: staff,
      config: { invalid: { title: 'Code non créé', detail: 'Vérifiez la structure et la durée de validité.' } },
      schema: {
        tags,
        summary: "crée un code d'inscription à usage unique pour une structure",
        body: EnrolmentCodeRequestSchema,
        response: { 201: EnrolmentCodeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { structureId, mediatorLabel, ttlHours, conseillerNumerique } = req.body;
      assertStructureInScope(req.user!, structureId);
      if (!(await getStructure(app.db, structureId))) {
        throw new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");
      }
      const code = await createEnrolmentCode(app.db, { structureId, mediatorLabel: mediatorLabel?.trim() || null, ttlHours: ttlHours ?? 72, conseillerNumerique });
      return reply.code(201).send({ code: code.code, expiresAt: code.expiresAt });
    },
  );

  app.get(
    '/api/v1/admin/devices',
    {
      onRequest: staff,
      config: { invalid: { title: 'Requête invalide', detail: 'Le filtre de structure est invalide.' } },
      schema: { tags, summary: 'appareils inscrits (de vos structures)', querystring: DeviceListQuerySchema, response: { 200: DeviceListSchema, ...problems(400, 401, 403, 404) } },
    },
    async (req) => {
      let ids = structureScope(req.user!);
      if (req.query.structureId) {
        assertStructureInScope(req.user!, req.query.structureId);
        ids = [req.query.structureId];
      }
      return { devices: await listDevices(app.db, ids) };
    },
  );

  app.post(
    '/api/v1/admin/devices/:id/revoke',
    {
      onRequest: staff,
      config: { invalidParams: NOT_FOUND_DEVICE },
      schema: { tags, summary: 'révoque un appareil (son jeton cesse de valoir)', params: DeviceParamsSchema, response: { 200: AdminDeviceSchema, ...problems(401, 403, 404) } },
    },
    async (req) => {
      const device = await getDevice(app.db, req.params.id);
      if (!device || structureScope(req.user!)?.includes(device.structure.id) === false) throw notFoundDevice();
      await revokeDevice(app.db, device.id, nowIso());
      return (await getDevice(app.db, device.id))!;
    },
  );
}
