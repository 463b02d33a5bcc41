import type { FastifyInstance } from 'fastify';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { nowIso } from '../../lib/time.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { enrolDevice, type EnrolmentFailure } from '../../repositories/devices.ts';
import { EnrolRequestSchema, enrolmentCodeCandidates } from '../../../shared/protocol/enrol.ts';
import { createFailureLimiter } from './failure-limit.ts';
import adminDeviceRoutes from './admin.ts';

const FAILURES: Record<EnrolmentFailure, string> = {
  unknown: "Ce code d'inscription n'existe pas. Vérifiez les 8 caractères (ils ne contiennent jamais 0, O, 1, I ni L) ou demandez un nouveau code à votre coordinateur.",
  used: "Ce code d'inscription a déjà servi à inscrire un appareil. Demandez un nouveau code à votre coordinateur.",
  expired: "Ce code d'inscription a expiré. Demandez un nouveau code à votre coordinateur.",
};

// Devices: enrolment by a single-use code; admin codes, list and revocation (admin.ts).
export default async function devicesRoutes(app: FastifyInstance) {
  const limiter = createFailureLimiter();

  app.post('/api/v1/devices/enrol', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const wait = limiter.retryAfter(req.ip);
    if (wait > 0) {
      throw new HttpProblem(429, 'Trop de codes erronés', `Trop de codes erronés ont été essayés depuis cette connexion. Réessayez dans ${Math.ceil(wait / 60)} min.`, undefined, {
        'retry-after': String(wait),
      });
    }
    const parsed = EnrolRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HttpProblem(400, 'Inscription impossible', "Indiquez le code d'inscription donné par votre coordinateur.", zodErrors(parsed.error.issues));
    }
    const token = randomToken();
    const result = await enrolDevice(app.db, {
      candidates: enrolmentCodeCandidates(parsed.data.code),
      tokenHash: sha256(token),
      deviceLabel: parsed.data.deviceLabel?.trim() || null,
      now: nowIso(),
    });
    if (!result.ok) {
      limiter.fail(req.ip);
      throw new HttpProblem(400, 'Code refusé', FAILURES[result.reason], [{ path: 'code', message: FAILURES[result.reason] }]);
    }
    const { deviceId, structure, mediatorId } = result.enrolment;
    return reply.code(201).send({ deviceId, token, structure, mediatorId });
  });

  await app.register(adminDeviceRoutes);
}
