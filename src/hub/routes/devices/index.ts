import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { nowIso } from '../../lib/time.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { enrolDevice, type EnrolmentFailure } from '../../repositories/devices.ts';
import { EnrolRequestSchema, EnrolResponseSchema, enrolmentCodeCandidates, normaliseEnrolmentCode } from '../../../shared/protocol/enrol.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { ENROL_ADDRESS, ENROL_CODE, attemptWait, recordFailure } from '../../repositories/auth-attempts.ts';
import adminDeviceRoutes from './admin.ts';

const FAILURES: Record<EnrolmentFailure, string> = {
  unknown: "Ce code d'inscription n'existe pas. Vérifiez les 8 caractères (ils ne contiennent jamais 0, O, 1, I ni L) ou demandez un nouveau code à votre coordinateur.",
  used: "Ce code d'inscription a déjà servi à inscrire un appareil. Demandez un nouveau code à votre coordinateur.",
  expired: "Ce code d'inscription a expiré. Demandez un nouveau code à votre coordinateur.",
};

const tooMany = (wait: number, detail: string) =>
  new HttpProblem(429, 'Trop de codes erronés', `${detail} Réessayez dans ${Math.ceil(wait / 60)} min.`, undefined, { 'retry-after': String(wait) });

// Devices: enrolment by a single-use code; admin codes, list and revocation (admin.ts).
export default async function devicesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Wrong codes are counted in the database (shared by every instance): per address (before
  // the body is even checked), and per code value.
  app.post(
    '/api/v1/devices/enrol',
    {
      preValidation: async (req: FastifyRequest) => {
        const wait = await attemptWait(app.db, 'enrol-ip', req.ip);
        if (wait > 0) throw tooMany(wait, 'Trop de codes erronés ont été essayés depuis cette connexion.');
      },
      config: { invalid: { title: 'Inscription impossible', detail: "Indiquez le code d'inscription donné par votre coordinateur." } },
      schema: {
        tags: ['Appareils'],
        summary: "inscrit un appareil avec un code d'inscription (protocol.md)",
        body: EnrolRequestSchema,
        response: { 201: EnrolResponseSchema, ...problems(400, 429) },
      },
    },
    async (req, reply) => {
      const codeKey = normaliseEnrolmentCode(req.body.code);
      const codeWait = await attemptWait(app.db, 'enrol-code', codeKey);
      if (codeWait > 0) throw tooMany(codeWait, 'Ce code a été essayé trop de fois.');
      const token = randomToken();
      const result = await enrolDevice(app.db, {
        candidates: enrolmentCodeCandidates(req.body.code),
        tokenHash: sha256(token),
        deviceLabel: req.body.deviceLabel?.trim() || null,
        now: nowIso(),
      });
      if (!result.ok) {
        await recordFailure(app.db, 'enrol-ip', req.ip, ENROL_ADDRESS);
        await recordFailure(app.db, 'enrol-code', codeKey, ENROL_CODE);
        throw new HttpProblem(400, 'Code refusé', FAILURES[result.reason], [{ path: 'code', message: FAILURES[result.reason] }]);
      }
      const { deviceId, structure, mediatorId } = result.enrolment;
      return reply.code(201).send({ deviceId, token, structure, mediatorId });
    },
  );

  await app.register(adminDeviceRoutes);
}
