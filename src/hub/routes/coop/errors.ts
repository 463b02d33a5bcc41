import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { JsonApiErrors } from '../../../shared/coop-api/resources.ts';

// JSON:API errors of the Coop-compatible API: `{ errors: [{ status, title, detail, source }] }`,
// the parameter at fault named in source.parameter. Bad input is a 400, never a 5xx.

export class CoopError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly title: string,
    readonly detail: string,
    readonly parameter?: string,
  ) {
    super(detail);
  }
}

export function sendErrors(reply: FastifyReply, status: number, errors: JsonApiErrors['errors']) {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify({ errors }));
}

interface Issue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** One error per parameter at fault, in French. */
function validationErrors(issues: Issue[]): JsonApiErrors['errors'] {
  const out: JsonApiErrors['errors'] = [];
  for (const i of issues) {
    if (i.keyword === 'unrecognized_keys') {
      for (const k of (i.params?.keys as string[] | undefined) ?? []) {
        out.push({ status: '400', title: 'Paramètre inconnu', detail: `${k} : ce paramètre n'existe pas pour cette ressource.`, source: { parameter: k } });
      }
      continue;
    }
    const parameter = decodeURIComponent((i.instancePath ?? '').replace(/^\//, '').split('/')[0] ?? '') || '(requête)';
    const detail = i.keyword === 'invalid_type' ? `${parameter} : une seule valeur est attendue.` : (i.message ?? `${parameter} : valeur invalide.`);
    out.push({ status: '400', title: 'Paramètre invalide', detail, source: { parameter } });
  }
  return out.length ? out : [{ status: '400', title: 'Requête invalide', detail: 'La requête est invalide.' }];
}

export function installCoopErrorHandler(scope: FastifyInstance) {
  scope.setErrorHandler((err: FastifyError | CoopError, req, reply) => {
    if (err instanceof CoopError) {
      return sendErrors(reply, err.status, [{ status: String(err.status), title: err.title, detail: err.detail, ...(err.parameter ? { source: { parameter: err.parameter } } : {}) }]);
    }
    if (hasZodFastifySchemaValidationErrors(err)) return sendErrors(reply, 400, validationErrors(err.validation as Issue[]));
    const status = err.statusCode ?? 500;
    if (status === 429) return sendErrors(reply, 429, [{ status: '429', title: 'Trop de requêtes', detail: 'Réessayez dans quelques instants.' }]);
    if (status >= 400 && status < 500) return sendErrors(reply, status, [{ status: String(status), title: 'Requête invalide', detail: err.message }]);
    req.log.error({ err }, 'coop api error');
    return sendErrors(reply, 500, [{ status: '500', title: 'Erreur du serveur', detail: "Une erreur inattendue s'est produite. Réessayez plus tard." }]);
  });
}
