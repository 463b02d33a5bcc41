import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's own schema refuses control characters item by item (the push of a batch,
     * where one bad record must not sink its neighbours): the body is not scanned here.
     */
    bodyCheckedPerItem?: boolean;
  }
}

const MAX_DEPTH = 64;

/** The path of the first string or key holding U+0000, or undefined. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  // Parsed JSON and query objects only: a stream or a buffer (a file being imported) is read elsewhere.
  if (ArrayBuffer.isView(value) || Symbol.asyncIterator in value) return undefined;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return p;
    const hit = findNul(v, p, depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function nulProblem(path: string): HttpProblem {
  const message = `${path || '(corps)'} : contient un caractère nul (invisible), qui n'est pas accepté.`;
  return new HttpProblem(400, 'Requête invalide', 'Le texte envoyé contient un caractère nul (invisible). Retirez-le et réessayez.', [{ path: path || '(corps)', message }]);
}

/**
 * No text holding U+0000 reaches the database: PostgreSQL refuses it in any text or JSON
 * column, and SQLite would keep it where no screen shows it. Query strings, route parameters
 * and JSON bodies are checked before any handler runs, the same way on both databases.
 */
export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const inUrl = findNul(req.params, '') ?? findNul(req.query, '');
    if (inUrl !== undefined) throw nulProblem(inUrl);
    if (req.routeOptions.config?.bodyCheckedPerItem) return;
    const inBody = findNul(req.body, '');
    if (inBody !== undefined) throw nulProblem(inBody);
  });
}
