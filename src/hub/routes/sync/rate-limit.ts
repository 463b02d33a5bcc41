import type { FastifyRequest } from 'fastify';
import { sha256 } from '../../lib/crypto.ts';

/** Per-device request budget (keyed by the token's hash, so tokens are not kept in memory). */
export function deviceRateLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => {
      const auth = req.headers.authorization;
      return auth ? `device:${sha256(auth)}` : `ip:${req.ip}`;
    },
  };
}
