import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface FieldError {
  path: string;
  message: string;
}

/** An error that becomes an RFC 9457 problem+json answer in plain words. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

const TYPES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'unavailable',
};

export function sendProblem(reply: FastifyReply, p: { status: number; title: string; detail: string; errors?: FieldError[] }) {
  return reply
    .code(p.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://kariole.fr/problems/${TYPES[p.status] ?? 'error'}`,
      title: p.title,
      status: p.status,
      detail: p.detail,
      ...(p.errors ? { errors: p.errors } : {}),
    });
}

/** Maps every thrown error to problem+json; bad input never turns into a 500. */
export function installProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpProblem, req, reply) => {
    if (err instanceof HttpProblem) {
      if (err.headers) reply.headers(err.headers);
      return sendProblem(reply, err);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // The route's schema refused the request before its handler: the route names the problem.
      const config = req.routeOptions.config;
      if (err.validationContext === 'params' && config.invalidParams) return sendProblem(reply, config.invalidParams);
      const errors = err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean).join('.') || '(corps)', message: v.message ?? 'Valeur invalide.' }));
      // without the route's own words, the detail is the fields' messages themselves
      const { title, detail } = config.invalid ?? { title: 'Requête invalide', detail: [...new Set(errors.map((e) => e.message))].join(' ') };
      return sendProblem(reply, { status: 400, title, detail, errors });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, { status, title: 'Trop de requêtes', detail: 'Trop de tentatives. Réessayez dans quelques instants.' });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, { status: 413, title: 'Envoi trop volumineux', detail: "Le contenu envoyé dépasse la taille autorisée." });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, { status: 415, title: 'Format non pris en charge', detail: 'Envoyez le contenu en JSON (application/json).' });
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || (status >= 400 && status < 500)) {
      // The JSON parser refuses the whole body (bad syntax, or a prototype-poisoning key such
      // as "__proto__"): the problem names the body itself, like a schema error at its root.
      const unreadable =
        err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError || /prototype property/i.test(err.message);
      const detail = unreadable ? "Le corps de la requête n'est pas un JSON valide." : err.message;
      return sendProblem(reply, {
        status: status >= 400 && status < 500 ? status : 400,
        title: 'Requête invalide',
        detail,
        ...(unreadable && status === 400 ? { errors: [{ path: '(corps)', message: detail }] } : {}),
      });
    }
    const pgCode = (err as { code?: unknown }).code;
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode) && 'severity' in err) {
      // PostgreSQL's "data exception" class: a value (U+0000 in a text, a number out of range)
      // that a check upstream missed. The input is at fault, not the hub; logged so the
      // missing check gets written.
      req.log.warn({ err }, 'value refused by PostgreSQL');
      const text = pgCode === '22021' || pgCode === '22P05';
      const detail = text
        ? 'Le texte envoyé contient un caractère invisible non accepté. Retirez-le et réessayez.'
        : 'Une valeur envoyée est hors des limites acceptées. Vérifiez-la et réessayez.';
      return sendProblem(reply, { status: 400, title: 'Requête invalide', detail, errors: [{ path: text ? '(texte)' : '(valeur)', message: detail }] });
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, { status: 500, title: 'Erreur du serveur', detail: "Une erreur inattendue s'est produite. Réessayez plus tard." });
  });
}

/** Turns zod issues into the contract's `errors` list. */
export function zodErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(corps)', message: i.message }));
}
