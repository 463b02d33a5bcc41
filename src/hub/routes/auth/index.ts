import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closeSession, currentSession, openSession } from '../../plugins/auth.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { LoginBodySchema, MeSchema } from '../../../shared/admin-api/auth.ts';
import { noContent, problems } from '../../../shared/admin-api/problem.ts';
import { findUserForLogin } from '../../repositories/users.ts';
import { dummyHash, needsRehash, verifyPassword } from '../../lib/crypto.ts';
import { recordLogin, rehashPassword } from '../../repositories/user-lifecycle.ts';
import { LOGIN_ACCOUNT, LOGIN_ADDRESS, attemptWait, clearFailures, recordFailure } from '../../repositories/auth-attempts.ts';
import { normaliseEmail } from '../../repositories/users.ts';

const tooMany = (seconds: number, detail: string) =>
  new HttpProblem(429, 'Trop de tentatives', `${detail} Réessayez dans ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}.`, undefined, {
    'retry-after': String(seconds),
  });

const tags = ['Comptes'];

// A fixed hash (today's parameters) to spend the same time whether or not the account exists.
const DUMMY_HASH = dummyHash();

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Failures are counted in the database (every instance shares them): per address and per
  // account, with growing delays on the account. A successful login is never counted.
  app.post(
    '/api/v1/auth/login',
    {
      config: { invalid: { title: 'Connexion impossible', detail: 'Indiquez une adresse e-mail et un mot de passe.' } },
      schema: {
        tags,
        summary: 'ouvre une session (cookie HttpOnly kariole_session)',
        body: LoginBodySchema,
        response: { 204: noContent('connecté : le cookie de session est posé'), ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const email = normaliseEmail(req.body.email);
      const addressWait = await attemptWait(app.db, 'login-ip', req.ip);
      if (addressWait > 0) throw tooMany(addressWait, 'Trop de mots de passe erronés depuis cette connexion.');
      const accountWait = await attemptWait(app.db, 'login-account', email);
      if (accountWait > 0) throw tooMany(accountWait, 'Trop de mots de passe erronés pour ce compte : il est bloqué un moment.');
      const user = await findUserForLogin(app.db, email);
      const ok = await verifyPassword(req.body.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) {
        await recordFailure(app.db, 'login-ip', req.ip, LOGIN_ADDRESS);
        await recordFailure(app.db, 'login-account', email, LOGIN_ACCOUNT);
        throw new HttpProblem(401, 'Identifiants incorrects', "L'adresse e-mail ou le mot de passe est incorrect.");
      }
      await clearFailures(app.db, 'login-account', email);
      if (user.disabled_at) throw new HttpProblem(403, 'Compte désactivé', 'Ce compte a été désactivé. Adressez-vous à un administrateur du hub.');
      // A hash made with older scrypt parameters is replaced now that the password is known.
      if (needsRehash(user.password_hash)) await rehashPassword(app.db, user.id, user.password_hash, req.body.password);
      await recordLogin(app.db, user.id);
      await openSession(app, req, reply, user.id);
      return reply.code(204).send(null);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'ferme la session', response: { 204: noContent('session fermée') } } }, async (req, reply) => {
    await closeSession(app, req, reply);
    return reply.code(204).send(null);
  });

  // Who is logged in, with the CSRF token the page must send back on every change.
  app.get(
    '/api/v1/auth/me',
    { schema: { tags, summary: 'le compte connecté et son jeton CSRF', security: [{ StaffSession: [] }], response: { 200: MeSchema, ...problems(401) } } },
    async (req) => {
      const s = await currentSession(app, req);
      if (!s) throw new HttpProblem(401, 'Connexion requise', 'Connectez-vous pour accéder à cette page.');
      return { id: s.user.id, email: s.user.email, role: s.user.role, structureIds: s.user.structureIds, csrfToken: s.csrf };
    },
  );
}
