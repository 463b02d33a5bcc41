import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { givenHub, type TestHub } from '../helpers/hub.ts';

// The OpenAPI documents are generated from the routes' zod schemas; the checked-in copies
// (docs/openapi/, `npm run openapi`) and the registered routes must agree with what is served.

type Doc = { servers?: { url: string }[]; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
const checkedIn = (name: string) => JSON.parse(fs.readFileSync(`docs/openapi/${name}`, 'utf8')) as Doc;

describe.each(DIALECTS)('OpenAPI documents on %s', (dialect) => {
  let hub: TestHub;
  beforeEach(async () => {
    // behind one trusted proxy (TRUST_PROXY=1), so X-Forwarded-Proto says the request came over TLS
    hub = await givenHub(dialect, { env: { TRUST_PROXY: '1' } });
  });
  afterEach(async () => hub?.close());

  it('serves the hub document equal to the checked-in copy (run npm run openapi after a contract change)', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(checkedIn('hub.openapi.json'));
  });

  it("serves La Coop's document at /api/v1/openapi, paths relative to the /api/v1 server, equal to the checked-in copy", async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/v1/openapi', headers: { host: 'hub.example.org', 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as Doc;
    expect(doc.servers?.[0]?.url).toBe('https://hub.example.org/api/v1');
    expect(doc).toEqual(checkedIn('coop-v1.openapi.json'));
    expect(Object.keys(doc.paths).sort()).toEqual(['/activites', '/health', '/lieux-activite', '/statistiques', '/structures']);
    expect(doc.paths['/activites']!.get!.parameters!.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page[size]', 'page[after]', 'page[before]', 'filter[creation][depuis]', 'filter[modification][depuis]']),
    );
  });

  it('documents exactly the routes registered with a schema, and each documented path is a route', async () => {
    const doc = (await hub.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json() as Doc;
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    const registered = hub.app.documentedRoutes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(registered);
    for (const key of documented) {
      const [method, url] = key.split(' ') as [string, string];
      expect(hub.app.hasRoute({ method: method.toUpperCase() as 'GET', url: url.replace(/\{(\w+)\}/g, ':$1') }), key).toBe(true);
    }
  });

  it('serves readable pages without script or outside resource', async () => {
    for (const url of ['/api/docs', '/api/v1/documentation']) {
      const res = await hub.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('/activites');
      expect(res.body).not.toMatch(/<script|src="http|href="http/i);
    }
  });
});
