import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccountParamsSchema,
  AccountSchema,
  OwnPasswordBodySchema,
  ResetPasswordSchema,
  RevokedSessionsSchema,
  StructuresBodySchema,
} from '../../../shared/admin-api/accounts.ts';
import { SESSION_COOKIE, requireStaff } from '../../plugins/auth.ts';
import { useZod } from '../../plugins/openapi.ts';
import { HttpProblem } from '../../plugins/problem.ts';
import { noContent, problems } from '../../../shared/admin-api/problem.ts';
import { generatePassword, sha256, verifyPassword } from '../../lib/crypto.ts';
import { getStructure } from '../../repositories/structures.ts';
import { findUserForLogin, getUser } from '../../repositories/users.ts';
import { revokeUserSessions, setUserDisabled, setUserPassword, setUserStructures } from '../../repositories/user-lifecycle.ts';

const TAGS = ['Comptes'];
const NOT_FOUND = { status: 404, title: 'Compte introuvable', detail: "Ce compte n'existe pas." };
const notFound = () => new HttpProblem(NOT_FOUND.status, NOT_FOUND.title, NOT_FOUND.detail);
const invalidParams = NOT_FOUND;
const ownSession = (req: FastifyRequest) => {
  const token = req.cookies[SESSION_COOKIE];
  return token ? sha256(token) : undefined;
};

/** Admins manage accounts; every staff member changes only its own password. */
export default async function userLifecycleRoutes(app: FastifyInstance) {
  useZod(app, { validateResponses: true });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = requireStaff('admin');
  const staff = requireStaff('admin', 'coordinator');

  const target = async (id: string) => {
    const user = await getUser(app.db, id);
    if (!user) throw notFound();
    return user;
  };
  const account = async (id: string) => (await getUser(app.db, id))!;

  r.post(
    '/api/v1/admin/users/:id/disable',
    { onRequest: admin, config: { invalidParams }, schema: { tags: TAGS, summary: 'désactiver un compte (ses sessions prennent fin)', params: AccountParamsSchema, response: { 200: AccountSchema, ...problems(401, 403, 404, 409) } } },
    async (req) => {
      const user = await target(req.params.id);
      if (user.id === req.user!.id) throw new HttpProblem(409, 'Action impossible', 'Vous ne pouvez pas désactiver votre propre compte.');
      await setUserDisabled(app.db, user.id, true);
      return account(user.id);
    },
  );

  r.post(
    '/api/v1/admin/users/:id/enable',
    { onRequest: admin, config: { invalidParams }, schema: { tags: TAGS, summary: 'réactiver un compte', params: AccountParamsSchema, response: { 200: AccountSchema, ...problems(401, 403, 404, 409) } } },
    async (req) => {
      const user = await target(req.params.id);
      await setUserDisabled(app.db, user.id, false);
      return account(user.id);
    },
  );

  r.put(
    '/api/v1/admin/users/:id/structures',
    {
      onRequest: admin,
      config: { invalidParams },
      schema: { tags: TAGS, summary: "changer les structures d'un compte", params: AccountParamsSchema, body: StructuresBodySchema, response: { 200: AccountSchema, ...problems(400, 401, 403, 404) } },
    },
    async (req) => {
      const user = await target(req.params.id);
      const { structureIds } = req.body;
      if (user.role === 'coordinator' && structureIds.length === 0) {
        throw new HttpProblem(400, 'Structures non enregistrées', 'Un coordinateur a au moins une structure.', [{ path: 'structureIds', message: 'Au moins une structure.' }]);
      }
      for (const id of structureIds) {
        if (!(await getStructure(app.db, id))) throw new HttpProblem(400, 'Structures non enregistrées', `La structure ${id} n'existe pas.`, [{ path: 'structureIds', message: 'Structure inconnue.' }]);
      }
      await setUserStructures(app.db, user.id, user.role === 'admin' ? [] : structureIds);
      return account(user.id);
    },
  );

  // A generated password, shown once to the admin; every session of the account ends.
  r.post(
    '/api/v1/admin/users/:id/reset-password',
    { onRequest: admin, config: { invalidParams }, schema: { tags: TAGS, summary: 'nouveau mot de passe généré (affiché une seule fois)', params: AccountParamsSchema, response: { 200: ResetPasswordSchema, ...problems(401, 403, 404) } } },
    async (req) => {
      const user = await target(req.params.id);
      const password = generatePassword();
      await setUserPassword(app.db, user.id, password, user.id === req.user!.id ? ownSession(req) : undefined);
      return { password };
    },
  );

  r.post(
    '/api/v1/admin/users/:id/revoke-sessions',
    { onRequest: admin, config: { invalidParams }, schema: { tags: TAGS, summary: "fermer toutes les sessions d'un compte", params: AccountParamsSchema, response: { 200: RevokedSessionsSchema, ...problems(401, 403, 404) } } },
    async (req) => {
      const user = await target(req.params.id);
      return { revoked: await revokeUserSessions(app.db, user.id) };
    },
  );

  // Anyone logged in: its own password, the current one required; its other sessions end.
  r.post(
    '/api/v1/auth/password',
    {
      onRequest: staff,
      schema: {
        tags: TAGS,
        summary: 'changer son propre mot de passe (les autres sessions prennent fin)',
        security: [{ StaffSession: [] }],
        body: OwnPasswordBodySchema,
        response: { 204: noContent('mot de passe changé'), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const row = await findUserForLogin(app.db, req.user!.email);
      if (!row || !(await verifyPassword(req.body.currentPassword, row.password_hash))) {
        throw new HttpProblem(400, 'Mot de passe non changé', 'Le mot de passe actuel est incorrect.', [{ path: 'currentPassword', message: 'Mot de passe incorrect.' }]);
      }
      await setUserPassword(app.db, row.id, req.body.newPassword, ownSession(req));
      return reply.code(204).send(null);
    },
  );
}
