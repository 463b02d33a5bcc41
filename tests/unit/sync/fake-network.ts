import type { FastifyInstance } from 'fastify';

// The device's fetch, answered by the real in-process hub (app.inject); each call can be
// turned into a fault first. Captures every body the device sends.

export type Fault = 'none' | '500' | 'network' | 'captive-portal' | 'drop-after-commit' | 'wrong-ids';

export interface FakeNetwork {
  sent: { url: string; method: string; body?: unknown; headers: Record<string, string> }[];
  /** faults for the next calls, in order (then 'none') */
  faults: Fault[];
  /** a reverse proxy's body limit: a POST answered 413 when its body is over it, or when `tooLarge` says so */
  tooLarge?: (body: string) => boolean;
  restore(): void;
}

export function routeFetchToHub(app: FastifyInstance, origin = 'http://hub.test'): FakeNetwork {
  const original = globalThis.fetch;
  const net: FakeNetwork = { sent: [], faults: [], restore: () => (globalThis.fetch = original) };
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input).replace(origin, '');
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    net.sent.push({ url, method: init.method ?? 'GET', body, headers: { ...(init.headers as Record<string, string>) } });
    const fault = net.faults.shift() ?? 'none';
    if (typeof init.body === 'string' && net.tooLarge?.(init.body)) {
      return new Response('{"title":"Envoi trop volumineux","status":413}', { status: 413, headers: { 'content-type': 'application/problem+json' } });
    }
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === '500') return new Response('{"title":"boom"}', { status: 500, headers: { 'content-type': 'application/problem+json' } });
    if (fault === 'captive-portal') return new Response('<html><body>Connectez-vous au Wi-Fi</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url,
      headers: init.headers as Record<string, string>,
      payload: typeof init.body === 'string' ? init.body : undefined,
    });
    if (fault === 'drop-after-commit') throw new TypeError('connection reset');
    if (fault === 'wrong-ids') return new Response(JSON.stringify({ results: [{ id: 'other', status: 'created', revision: 1 }] }), { status: 200, headers: { 'content-type': 'application/json' } });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
    return new Response(res.statusCode === 304 ? null : res.body, { status: res.statusCode, headers });
  }) as typeof fetch;
  return net;
}
