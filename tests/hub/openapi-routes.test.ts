import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, type TestHub } from '../helpers/hub.ts';

// Every route under /api is described by the OpenAPI document, with a schema for what it
// answers (success and problems): a route added without its contract fails here.

type Response = { description?: string; content?: Record<string, { schema?: { $ref?: string } }> };
type Operation = { tags?: string[]; parameters?: { name: string; in: string }[]; responses?: Record<string, Response> };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

/** Routes not converted yet (named, so the list can only shrink). */
const PENDING: string[] = [];

describe.each(DIALECTS)('the OpenAPI document covers every /api route on %s', (dialect) => {
  let hub: TestHub;
  let doc: Doc;
  beforeAll(async () => {
    hub = await givenHub(dialect);
    doc = (await hub.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as Doc;
  });
  afterAll(async () => hub?.close());

  const key = (method: string, url: string) => `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;

  it('lists every registered route under /api (printRoutes agrees with the list the test walks)', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    const routes = hub.app.apiRoutes.map((r) => key(r.method, r.url));
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((r) => !documented.has(r)).sort();
    expect(missing).toEqual([...PENDING].sort());
    // the list is the router's own: each route of it is printed by printRoutes
    const printed = hub.app.printRoutes({ commonPrefix: false });
    for (const r of hub.app.apiRoutes) expect(printed, r.url).toContain(r.url.split('/').at(-1)!);
  });

  it('describes for each operation a success answer and its problems, the problem schema defined once', () => {
    const schemas = doc.components?.schemas ?? {};
    expect(schemas.Problem).toBeDefined();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        const codes = Object.keys(op.responses ?? {});
        expect(codes.some((c) => /^[23]/.test(c)), `${where}: no success answer`).toBe(true);
        for (const [code, r] of Object.entries(op.responses ?? {})) {
          if (code === '204') {
            expect(r.content ?? {}, `${where} 204 has no body`).toEqual({});
            continue;
          }
          const types = Object.keys(r.content ?? {});
          if (/^4/.test(code) && !['Activités', 'Statistiques', 'Structures', "Lieux d'activité", 'Utilitaires'].some((t) => op.tags?.includes(t))) {
            // a page for people may answer HTML too (the public share page)
            expect(types, `${where} ${code}`).toContain('application/problem+json');
            expect(r.content!['application/problem+json']!.schema!.$ref, `${where} ${code}`).toBe('#/components/schemas/Problem');
          }
        }
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${where}: ${name} undescribed`).toBe(true);
        }
      }
    }
  });

  it('describes downloads with their content type', () => {
    const kiosk = doc.paths['/api/v1/admin/structures/{id}/kiosk-policy.json']?.get?.responses?.['200'];
    expect(Object.keys(kiosk?.content ?? {})).toEqual(['application/json']);
  });
});

describe('answers without a body', () => {
  it('a 204 carries no body', async () => {
    const hub = await givenHub('sqlite');
    try {
      const res = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
    } finally {
      await hub.close();
    }
  });
});
