import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { nowIso } from '../../lib/time.ts';
import { assertStructureInScope, requireStaff, structureScope } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { createEnrolmentCode, getDevice, listDevices, revokeDevice } from '../../repositories/devices.ts';
import { getStructure } from '../../repositories/structures.ts';
import { EnrolmentCodeRequestSchema } from '../../../shared/protocol/enrol.ts';

const ListQuery = z.object({ structureId: z.string().max(100).optional() });
const DeviceParams = z.object({ id: z.string().min(1).max(100) });

const notFoundDevice = () => new HttpProblem(404, 'Introuvable', "Cet appareil n'existe pas ou n'appartient pas à l'une de vos structures.");

// Coordinators act on their structures only (404 outside them); admins on all.
export default async function adminDeviceRoutes(app: FastifyInstance) {
  const staff = requireStaff('admin', 'coordinator');

  app.post('/api/v1/admin/enrolment-codes', { preHandler: staff }, async (req, reply) => {
    const parsed = EnrolmentCodeRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpProblem(400, 'Code non créé', 'Vérifiez la structure et la durée de validité.', zodErrors(parsed.error.issues));
    }
    const { structureId, mediatorLabel, ttlHours, conseillerNumerique } = parsed.data;
    assertStructureInScope(req.user!, structureId);
    if (!(await getStructure(app.db, structureId))) {
      throw new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");
    }
    const code = await createEnrolmentCode(app.db, { structureId, mediatorLabel: mediatorLabel?.trim() || null, ttlHours: ttlHours ?? 72, conseillerNumerique });
    return reply.code(201).send({ code: code.code, expiresAt: code.expiresAt });
  });

  app.get('/api/v1/admin/devices', { preHandler: staff }, async (req) => {
    const parsed = ListQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpProblem(400, 'Requête invalide', 'Le filtre de structure est invalide.', zodErrors(parsed.error.issues));
    const scope = structureScope(req.user!);
    let ids = scope;
    if (parsed.data.structureId) {
      assertStructureInScope(req.user!, parsed.data.structureId);
      ids = [parsed.data.structureId];
    }
    return { devices: await listDevices(app.db, ids) };
  });

  app.post('/api/v1/admin/devices/:id/revoke', { preHandler: staff }, async (req) => {
    const parsed = DeviceParams.safeParse(req.params);
    if (!parsed.success) throw notFoundDevice();
    const device = await getDevice(app.db, parsed.data.id);
    if (!device || structureScope(req.user!)?.includes(device.structure.id) === false) throw notFoundDevice();
    await revokeDevice(app.db, device.id, nowIso());
    return (await getDevice(app.db, device.id))!;
  });
}
