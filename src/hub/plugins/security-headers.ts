import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './auth.ts';

/** One year, as browsers' preload lists ask. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * - Strict-Transport-Security when the request came over TLS: directly, or through a proxy
 *   the hub trusts (TRUST_PROXY) saying X-Forwarded-Proto: https. An untrusted header is
 *   never believed, so plain-HTTP hubs on a local network never pin themselves to HTTPS.
 * - Cache-Control: no-store on every answer to an authenticated API request (a staff session
 *   or a device token), unless the route chose its own caching (ETag revalidation).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    const credentials = Boolean(req.user || req.device || req.headers.authorization || req.cookies?.[SESSION_COOKIE]);
    if (req.url.startsWith('/api/') && credentials && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
