import type { FastifyInstance, FastifyReply } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { HUB_VERSION } from '../version.ts';
import { renderOpenApiHtml, type OpenApiDoc } from './openapi-html.ts';

// The hub's API contracts: routes that declare zod schemas (params, querystring, body,
// response) are validated and serialised by fastify-type-provider-zod and described by
// @fastify/swagger. Routes without a `tags` entry stay out of the document (hideUntagged), so
// the admin routes can adopt schemas one by one.
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
  }
}

/** Registers the document generator; call before the routes are registered. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const documented: { method: string; url: string }[] = [];
  app.decorate('documentedRoutes', documented);
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { tags?: string[]; hide?: boolean } | undefined;
    if (!schema?.tags?.length || schema.hide) return;
    for (const m of [route.method].flat()) if (m !== 'HEAD') documented.push({ method: m.toLowerCase(), url: route.url });
  });
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

  app.get('/api/docs/openapi.json', (_req, reply) => send(reply, hubDocument(app)));
  app.get('/api/docs', (_req, reply) => html(reply, hubDocument(app), '/api/docs/openapi.json'));
  app.get(`${COOP_PREFIX}/openapi`, (req, reply) => send(reply, coopDocument(app, origin(req.protocol, req.host))));
  app.get(`${COOP_PREFIX}/documentation`, (req, reply) => html(reply, coopDocument(app, origin(req.protocol, req.host)), `${COOP_PREFIX}/openapi`));
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
  scope.setSerializerCompiler(opts.validateResponses ? serializerCompiler : () => (data) => JSON.stringify(data));
}
