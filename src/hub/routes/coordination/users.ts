import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../../plugins/auth.ts';
import { HttpProblem, zodErrors } from '../../plugins/problem.ts';
import { generatePassword } from '../../lib/crypto.ts';
import { getStructure } from '../../repositories/structures.ts';
import { DuplicateEmailError, createUser, listUsers } from '../../repositories/users.ts';

const InviteBody = z.strictObject({
  email: z.string().trim().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Adresse e-mail invalide.'),
  role: z.enum(['admin', 'coordinator']).default('coordinator'),
  structureIds: z.array(z.string().min(1).max(200)).max(200).default([]),
});

// Accounts are managed by admins only (coordinators get 403: a role, not an object, is refused).
export default async function userRoutes(app: FastifyInstance) {
  const admin = requireStaff('admin');

  app.get('/api/v1/admin/users', { preHandler: admin }, async () => ({ users: await listUsers(app.db) }));

  // Invites a coordinator: the account is created with a one-time password shown to the admin,
  // who hands it over; the hub sends no e-mail.
  app.post('/api/v1/admin/users', { preHandler: admin }, async (req, reply) => {
    const body = InviteBody.safeParse(req.body);
    if (!body.success) throw new HttpProblem(400, 'Invitation impossible', 'Vérifiez l’adresse e-mail et les structures.', zodErrors(body.error.issues));
    const { email, role, structureIds } = body.data;
    if (role === 'coordinator' && structureIds.length === 0) {
      throw new HttpProblem(400, 'Invitation impossible', 'Choisissez au moins une structure pour ce coordinateur.', [{ path: 'structureIds', message: 'Au moins une structure.' }]);
    }
    for (const id of structureIds) {
      if (!(await getStructure(app.db, id))) throw new HttpProblem(400, 'Invitation impossible', `La structure ${id} n'existe pas.`, [{ path: 'structureIds', message: 'Structure inconnue.' }]);
    }
    const password = generatePassword();
    try {
      const user = await createUser(app.db, { email, password, role, structureIds: role === 'admin' ? [] : structureIds });
      return reply.code(201).send({ ...user, password });
    } catch (e) {
      if (e instanceof DuplicateEmailError) throw new HttpProblem(409, 'Compte existant', e.message, [{ path: 'email', message: 'Déjà utilisée.' }]);
      throw e;
    }
  });
}
