import type { FastifyInstance, FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, ResponseSerializationError, validatorCompiler } from 'fastify-type-provider-zod';
import { safeParse, $ZodType } from 'zod/v4/core';
import { z } from 'zod';
import { download } from '../../shared/admin-api/problem.ts';
import { HUB_VERSION } from '../version.ts';
import { renderOpenApiHtml, type OpenApiDoc } from './openapi-html.ts';

// The hub's API contracts: routes that declare zod schemas (params, querystring, body,
// response) are validated and serialised by fastify-type-provider-zod and described by
// @fastify/swagger. Routes without a `tags` entry stay out of the document (hideUntagged);
// tests/hub/openapi-routes.test.ts fails when a route under /api is not documented.
//
// Every route under /api declares its schemas: the request is checked before the handler
// (a refusal is a problem+json, its title and detail taken from the route's `config.invalid`),
// and a JSON answer goes through its zod schema, which drops the fields it does not name (a
// column added to a table never reaches a client by accident) and refuses a wrong shape (500).
//
// Served documents:
//   /api/docs/openapi.json   every documented route of the hub (full paths)
//   /api/docs                the same, as a readable page (no script, no CDN)
//   /api/v1/openapi          La Coop's path: the Coop-compatible routes only, paths relative to /api/v1
//   /api/v1/documentation    the same, as a readable page

/** Tag of the Coop-compatible routes (docs/coop-api.md). */
export const COOP_TAGS = ['Activités', 'Statistiques', 'Structures', "Lieux d'activité", 'Utilitaires'] as const;
export const COOP_PREFIX = '/api/v1';

declare module 'fastify' {
  interface FastifyInstance {
    /** routes that declare a schema with tags (what the OpenAPI document must describe) */
    documentedRoutes: { method: string; url: string }[];
    /** every route under /api, documented or not (the test compares both lists) */
    apiRoutes: { method: string; url: string }[];
  }
  interface FastifyContextConfig {
    /** title and detail of the 400 answered when the request fails the route's schema */
    invalid?: { title: string; detail: string };
    /** the answer when the route's parameters fail their schema (a 404 that reveals nothing) */
    invalidParams?: { status: number; title: string; detail: string };
  }
}

/** Tag of the routes that serve the documents themselves. */
const DOC_TAG = 'Documentation';

/** Registers the document generator; call before the routes are registered. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const documented: { method: string; url: string }[] = [];
  const api: { method: string; url: string }[] = [];
  app.decorate('documentedRoutes', documented);
  app.decorate('apiRoutes', api);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
    if (route.url.startsWith('/api/')) for (const m of methods) api.push({ method: m.toLowerCase(), url: route.url });
    const schema = route.schema as { tags?: string[]; hide?: boolean; security?: unknown[] } | undefined;
    if (!schema?.tags?.length || schema.hide) return;
    // the staff routes: a session cookie (and the CSRF header on changes)
    if (/^\/api\/v1\/(admin|stats)\b/.test(route.url) && !schema.security) schema.security = [{ StaffSession: [] }];
    for (const m of methods) documented.push({ method: m.toLowerCase(), url: route.url });
  });
  // Every scope validates with zod and serialises through the response schemas (the Coop
  // read API turns the check off for its pages: useZod).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(strippingSerializer);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kariole hub API',
        version: HUB_VERSION,
        description:
          "API du hub Kariole. Les routes /api/v1/activites, /statistiques, /structures, /lieux-activite et /health répondent comme l'API v1 de La Coop de la médiation numérique.",
      },
      components: {
        securitySchemes: {
          ClientAuth: {
            type: 'http',
            scheme: 'bearer',
            description: "Concaténez l'identifiant et le secret du client d'API, séparés par ':'. Exemple : 'monid:monsecret'.",
          },
          DeviceAuth: { type: 'http', scheme: 'bearer', description: "Le jeton donné à l'appareil à son inscription (POST /api/v1/devices/enrol)." },
          StaffSession: {
            type: 'apiKey',
            in: 'cookie',
            name: 'kariole_session',
            description: "La session ouverte par POST /api/v1/auth/login ; chaque modification renvoie aussi l'en-tête x-csrf-token donné par GET /api/v1/auth/me.",
          },
        },
      },
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const send = (reply: FastifyReply, doc: unknown) => reply.type('application/json; charset=utf-8').send(JSON.stringify(doc));
  const html = (reply: FastifyReply, doc: OpenApiDoc, jsonHref: string) =>
    reply.type('text/html; charset=utf-8').send(renderOpenApiHtml(doc, jsonHref));

  const doc = (summary: string, contentType: string) => ({
    schema: { tags: [DOC_TAG], summary, response: { 200: download(summary, contentType, contentType.includes('json') ? z.record(z.string(), z.unknown()) : z.string()) } },
  });
  app.get('/api/docs/openapi.json', doc('ce document (OpenAPI 3.1)', 'application/json'), (_req, reply) => send(reply, hubDocument(app)));
  app.get('/api/docs', doc('ce document, en page lisible', 'text/html'), (_req, reply) => html(reply, hubDocument(app), '/api/docs/openapi.json'));
  app.get(`${COOP_PREFIX}/openapi`, doc("le document de l'API compatible La Coop (chemins relatifs à /api/v1)", 'application/json'), (req, reply) =>
    send(reply, coopDocument(app, origin(req.protocol, req.host))),
  );
  app.get(`${COOP_PREFIX}/documentation`, doc("le document de l'API compatible La Coop, en page lisible", 'text/html'), (req, reply) =>
    html(reply, coopDocument(app, origin(req.protocol, req.host)), `${COOP_PREFIX}/openapi`),
  );
}

/**
 * Serialises a JSON answer through its zod schema: unknown fields are dropped (z.object strips
 * them), a wrong shape is refused (ResponseSerializationError, a 500) instead of reaching a client.
 */
function strippingSerializer({ schema, method, url }: { schema: unknown; method: string; url: string }) {
  const zod = schema instanceof $ZodType ? schema : undefined;
  if (!zod) return (data: unknown) => JSON.stringify(data);
  return (data: unknown) => {
    const result = safeParse(zod, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

function origin(protocol: string, host: string): string {
  return `${protocol}://${host}`;
}

/** The generated document of every documented route. */
export function hubDocument(app: FastifyInstance): OpenApiDoc {
  return app.swagger() as unknown as OpenApiDoc;
}

/** La Coop's document: the Coop-compatible routes, paths relative to the /api/v1 server. */
export function coopDocument(app: FastifyInstance, serverOrigin: string): OpenApiDoc {
  const full = hubDocument(app);
  const paths: OpenApiDoc['paths'] = {};
  for (const [p, ops] of Object.entries(full.paths ?? {})) {
    if (!p.startsWith(`${COOP_PREFIX}/`)) continue;
    const coopOps = Object.fromEntries(Object.entries(ops).filter(([, op]) => op.tags?.some((t) => (COOP_TAGS as readonly string[]).includes(t))));
    if (Object.keys(coopOps).length) paths[p.slice(COOP_PREFIX.length)] = coopOps;
  }
  return {
    ...full,
    info: { ...full.info, title: 'Kariole — API compatible La Coop (v1)' },
    servers: [{ url: `${serverOrigin}${COOP_PREFIX}`, description: 'Ce hub' }],
    paths,
  };
}

/**
 * Makes the routes registered in `scope` (an encapsulated plugin) validate their input with zod.
 * Responses are serialised as plain JSON unless `validateResponses`: checking every page of a
 * million-row crawl against its schema costs more than the query (the tests check responses
 * against the same schemas).
 */
export function useZod(scope: FastifyInstance, opts: { validateResponses?: boolean } = {}): void {
  scope.setValidatorCompiler(validatorCompiler);
  scope.setSerializerCompiler(opts.validateResponses ? strippingSerializer : () => (data) => JSON.stringify(data));
}
