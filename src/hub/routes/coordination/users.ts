import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccountListSchema, InviteBodySchema, InvitedAccountSchema } from '../../../shared/admin-api/accounts.ts';
import { requireStaff } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { problems } from '../../../shared/admin-api/problem.ts';
import { generatePassword } from '../../lib/crypto.ts';
import { getStructure } from '../../repositories/structures.ts';
import { DuplicateEmailError, createUser, listUsers } from '../../repositories/users.ts';

const TAGS = ['Comptes'];

// Accounts are managed by admins only (coordinators get 403: a role, not an object, is refused).
export default async function userRoutes(app: FastifyInstance) {
  useZod(app, { validateResponses: true });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = requireStaff('admin');

  r.get(
    '/api/v1/admin/users',
    { onRequest: admin, schema: { tags: TAGS, summary: 'liste des comptes', response: { 200: AccountListSchema, ...problems(401, 403) } } },
    async () => ({ users: await listUsers(app.db) }),
  );

  // Invites a coordinator: the account is created with a one-time password shown to the admin,
  // who hands it over; the hub sends no e-mail.
  r.post(
    '/api/v1/admin/users',
    {
      onRequest: admin,
      schema: {
        tags: TAGS,
        summary: 'créer un compte (mot de passe affiché une seule fois)',
        body: InviteBodySchema,
        response: { 201: InvitedAccountSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { email, role, structureIds } = req.body;
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
    },
  );
}
