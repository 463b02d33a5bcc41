import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, requireStaff } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { generatePassword, sha256, verifyPassword } from '../../lib/crypto.ts';
import { getStructure } from '../../repositories/structures.ts';
import { findUserForLogin, getUser } from '../../repositories/users.ts';
import { revokeUserSessions, setUserDisabled, setUserPassword, setUserStructures } from '../../repositories/user-lifecycle.ts';

const StructuresBody = z.strictObject({ structureIds: z.array(z.string().min(1).max(200)).max(200) });
const OwnPasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'Le mot de passe actuel est requis.').max(1024),
  newPassword: z.string().min(12, 'Au moins 12 caractères.').max(1024, 'Au plus 1024 caractères.'),
});

const notFound = () => new HttpProblem(404, 'Compte introuvable', "Ce compte n'existe pas.");
const ownSession = (req: FastifyRequest) => {
  const token = req.cookies[SESSION_COOKIE];
  return token ? sha256(token) : undefined;
};

/** Admins manage accounts; every staff member changes only its own password. */
export default async function userLifecycleRoutes(app: FastifyInstance) {
  const admin = requireStaff('admin');
  const staff = requireStaff('admin', 'coordinator');

  const target = async (req: FastifyRequest) => {
    const { id } = req.params as { id: string };
    const user = await getUser(app.db, id);
    if (!user) throw notFound();
    return user;
  };

  app.post('/api/v1/admin/users/:id/disable', { preHandler: admin }, async (req) => {
    const user = await target(req);
    if (user.id === req.user!.id) throw new HttpProblem(409, 'Action impossible', 'Vous ne pouvez pas désactiver votre propre compte.');
    await setUserDisabled(app.db, user.id, true);
    return getUser(app.db, user.id);
  });

  app.post('/api/v1/admin/users/:id/enable', { preHandler: admin }, async (req) => {
    const user = await target(req);
    await setUserDisabled(app.db, user.id, false);
    return getUser(app.db, user.id);
  });

  app.put('/api/v1/admin/users/:id/structures', { preHandler: admin }, async (req) => {
    const user = await target(req);
    const body = StructuresBody.safeParse(req.body);
    if (!body.success) throw new HttpProblem(400, 'Structures non enregistrées', 'Envoyez { structureIds: [...] }.', zodErrors(body.error.issues));
    if (user.role === 'coordinator' && body.data.structureIds.length === 0) {
      throw new HttpProblem(400, 'Structures non enregistrées', 'Un coordinateur a au moins une structure.', [{ path: 'structureIds', message: 'Au moins une structure.' }]);
    }
    for (const id of body.data.structureIds) {
      if (!(await getStructure(app.db, id))) throw new HttpProblem(400, 'Structures non enregistrées', `La structure ${id} n'existe pas.`, [{ path: 'structureIds', message: 'Structure inconnue.' }]);
    }
    await setUserStructures(app.db, user.id, user.role === 'admin' ? [] : body.data.structureIds);
    return getUser(app.db, user.id);
  });

  // A generated password, shown once to the admin; every session of the account ends.
  app.post('/api/v1/admin/users/:id/reset-password', { preHandler: admin }, async (req) => {
    const user = await target(req);
    const password = generatePassword();
    await setUserPassword(app.db, user.id, password, user.id === req.user!.id ? ownSession(req) : undefined);
    return { password };
  });

  app.post('/api/v1/admin/users/:id/revoke-sessions', { preHandler: admin }, async (req) => {
    const user = await target(req);
    return { revoked: await revokeUserSessions(app.db, user.id) };
  });

  // Anyone logged in: its own password, the current one required; its other sessions end.
  app.post('/api/v1/auth/password', { preHandler: staff }, async (req, reply) => {
    const body = OwnPasswordBody.safeParse(req.body);
    if (!body.success) throw new HttpProblem(400, 'Mot de passe non changé', 'Vérifiez les champs signalés.', zodErrors(body.error.issues));
    const row = await findUserForLogin(app.db, req.user!.email);
    if (!row || !(await verifyPassword(body.data.currentPassword, row.password_hash))) {
      throw new HttpProblem(400, 'Mot de passe non changé', 'Le mot de passe actuel est incorrect.', [{ path: 'currentPassword', message: 'Mot de passe incorrect.' }]);
    }
    await setUserPassword(app.db, row.id, body.data.newPassword, ownSession(req));
    return reply.code(204).send();
  });
}
