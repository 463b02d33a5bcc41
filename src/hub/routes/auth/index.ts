import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { closeSession, currentSession, openSession } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { findUserForLogin } from '../../repositories/users.ts';
import { verifyPassword } from '../../lib/crypto.ts';

const LoginBody = z.object({
  email: z.string({ error: "L'adresse e-mail est requise." }).min(3, "L'adresse e-mail est requise.").max(320),
  password: z.string({ error: 'Le mot de passe est requis.' }).min(1, 'Le mot de passe est requis.').max(1024),
});

// A fixed hash to spend the same time whether or not the account exists.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export default async function authRoutes(app: FastifyInstance) {
  app.post(
    '/api/v1/auth/login',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const parsed = LoginBody.safeParse(req.body);
      if (!parsed.success) {
        throw new HttpProblem(400, 'Connexion impossible', 'Indiquez une adresse e-mail et un mot de passe.', zodErrors(parsed.error.issues));
      }
      const user = await findUserForLogin(app.db, parsed.data.email);
      const ok = await verifyPassword(parsed.data.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) {
        throw new HttpProblem(401, 'Identifiants incorrects', "L'adresse e-mail ou le mot de passe est incorrect.");
      }
      await openSession(app, req, reply, user.id);
      return reply.code(204).send();
    },
  );

  app.post('/api/v1/auth/logout', async (req, reply) => {
    await closeSession(app, req, reply);
    return reply.code(204).send();
  });

  // Who is logged in, with the CSRF token the page must send back on every change.
  app.get('/api/v1/auth/me', async (req) => {
    const s = await currentSession(app, req);
    if (!s) throw new HttpProblem(401, 'Connexion requise', 'Connectez-vous pour accéder à cette page.');
    return { id: s.user.id, email: s.user.email, role: s.user.role, structureIds: s.user.structureIds, csrfToken: s.csrf };
  });
}
