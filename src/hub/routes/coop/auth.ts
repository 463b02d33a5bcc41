import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateApiClient, touchApiClient, type ApiClient } from '../../repositories/api-clients.ts';
import type { ApiScope } from '../../../shared/coop-api/scopes.ts';
import { CoopError } from './errors.ts';

// `Authorization: Bearer <client-id>:<client-secret>` (La Coop's scheme). 401 without valid
// credentials, 403 when the client lacks the route's scope. Checked on request, before any
// parameter is read.

declare module 'fastify' {
  interface FastifyRequest {
    apiClient?: ApiClient;
  }
  interface FastifyContextConfig {
    /** scope a Coop API route needs; null = any valid client */
    coopScope?: ApiScope | null;
  }
}

const unauthorised = (detail: string) => new CoopError(401, 'Authentification requise', detail);

export function installCoopAuth(scope: FastifyInstance) {
  scope.addHook('onRequest', async (req: FastifyRequest) => {
    const needed = req.routeOptions.config.coopScope;
    if (needed === undefined) return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer ([^\s:]{1,200}):(\S{1,200})$/.exec(header);
    if (!m) throw unauthorised("Donnez l'en-tête Authorization: Bearer <client-id>:<client-secret>.");
    const client = await authenticateApiClient(scope.db, m[1]!, m[2]!);
    if (!client) throw unauthorised("Identifiant ou secret de client d'API inconnu, ou client révoqué.");
    if (needed !== null && !client.scopes.includes(needed)) {
      throw new CoopError(403, 'Accès refusé', `Ce client d'API n'a pas le droit « ${needed} ».`);
    }
    req.apiClient = client;
    await touchApiClient(scope.db, client, new Date());
  });
}
