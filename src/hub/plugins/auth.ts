import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, sha256 } from '../lib/crypto.ts';
import { HttpProblem } from './problem.ts';
import { findActiveDeviceByTokenHash, type DeviceIdentity } from '../repositories/devices.ts';
import { createSession, deleteSession, findSession, getUser, type Role, type User } from '../repositories/users.ts';

export const SESSION_COOKIE = 'kariole_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceIdentity;
    user?: User;
  }
}

const unauthorisedDevice = () =>
  new HttpProblem(401, 'Appareil non reconnu', "Cet appareil n'est pas (ou plus) inscrit auprès du hub. Inscrivez-le de nouveau avec un code d'inscription.");

/** preHandler: a device authenticated by `Authorization: Bearer <token>`. */
export async function requireDevice(this: FastifyInstance, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) throw unauthorisedDevice();
  const device = await findActiveDeviceByTokenHash(this.db, sha256(m[1]));
  if (!device) throw unauthorisedDevice();
  req.device = device;
}

async function loadUser(app: FastifyInstance, req: FastifyRequest): Promise<{ user: User; csrf: string } | undefined> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return undefined;
  const session = await findSession(app.db, sha256(token));
  if (!session) return undefined;
  const user = await getUser(app.db, session.user_id);
  // A disabled account's sessions stop at once (its next request answers 401).
  return user && !user.disabledAt ? { user, csrf: session.csrf_token } : undefined;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** preHandler factory: a logged-in staff member with one of `roles`; CSRF checked on changes. */
export function requireStaff(...roles: Role[]) {
  const allowed = roles.length ? roles : (['admin', 'coordinator'] as Role[]);
  return async function (this: FastifyInstance, req: FastifyRequest): Promise<void> {
    const found = await loadUser(this, req);
    if (!found) throw new HttpProblem(401, 'Connexion requise', 'Connectez-vous pour accéder à cette page.');
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== found.csrf) {
      throw new HttpProblem(403, 'Jeton de sécurité manquant', 'La page a expiré : rechargez-la puis recommencez.');
    }
    if (!allowed.includes(found.user.role)) {
      throw new HttpProblem(403, 'Accès refusé', "Votre rôle ne permet pas cette action.");
    }
    req.user = found.user;
  };
}

/** Whether the logged-in user may see this structure (admins see all). */
export function canSeeStructure(user: User, structureId: string): boolean {
  return user.role === 'admin' || user.structureIds.includes(structureId);
}

/** The structure ids a user is limited to, or undefined for "all" (admin). */
export function structureScope(user: User): string[] | undefined {
  return user.role === 'admin' ? undefined : user.structureIds;
}

/** 404 (not 403) outside the scope, so a coordinator cannot probe what exists elsewhere. */
export function assertStructureInScope(user: User, structureId: string): void {
  if (!canSeeStructure(user, structureId)) {
    throw new HttpProblem(404, 'Introuvable', "Cette structure n'existe pas ou ne fait pas partie de vos structures.");
  }
}

/** Opens a session: sets the HttpOnly cookie and returns the CSRF token for the page. */
export async function openSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, userId: string): Promise<string> {
  const token = randomToken();
  const csrf = randomToken(24);
  await createSession(app.db, { idHash: sha256(token), userId, csrfToken: csrf });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: 12 * 3600,
  });
  return csrf;
}

export async function closeSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) await deleteSession(app.db, sha256(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function currentSession(app: FastifyInstance, req: FastifyRequest) {
  return loadUser(app, req);
}
