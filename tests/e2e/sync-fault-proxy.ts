import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// A fault-injecting HTTP proxy between the browser and the real hub. The app is loaded through
// it (same origin), so every request the device makes passes here. Faults apply to pushes
// (`faults`) and to pulls (`pullFaults`: settings, portal, venues).

export type PushFault =
  | '500' // the hub is down behind a reverse proxy
  | 'timeout' // no answer at all (the device gives up)
  | 'captive-portal' // a hotel Wi-Fi login page with status 200
  | 'drop-after-commit' // the hub committed, the connection dies before the answer
  | 'late-after-commit' // the hub committed, the answer comes after the device gave up
  | 'hold'; // the hub committed, the answer waits until released (to reload the page mid-sync)

export type PullFault =
  | '500' // the hub is down behind a reverse proxy
  | 'truncated-json' // the answer stops in the middle of the JSON
  | 'captive-portal' // a hotel Wi-Fi login page with status 200
  | 'never-ends'; // headers and a first chunk, then nothing more (the device must give up)

export interface FaultProxy {
  /** faults for the next pulls, in order; then pulls pass */
  pullFaults: PullFault[];
  /** pulls answered with a fault so far */
  pullFaultsServed: number;
  url: string;
  /** faults for the next pushes, in order; then pushes pass */
  faults: PushFault[];
  /** every request body the device sent to the API, in order */
  bodies: { method: string; path: string; body: string }[];
  pushes: number;
  /** the most pushes ever in flight at once (one sync at a time across tabs: 1) */
  maxConcurrentPushes: number;
  /** true while a push is held (fault 'hold') */
  holding: boolean;
  release(): void;
  close(): Promise<void>;
}

const PUSH = '/api/v1/sync/activities';
const PULLS = ['/api/v1/sync/settings', '/api/v1/sync/portal', '/api/v1/sync/venues'];

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const hub = new URL(target);
  let releaseHeld: (() => void) | undefined;
  const sockets = new Set<Socket>();
  let inFlight = 0;

  const proxy: FaultProxy = {
    url: '',
    faults: [],
    pullFaults: [],
    pullFaultsServed: 0,
    bodies: [],
    pushes: 0,
    maxConcurrentPushes: 0,
    holding: false,
    release: () => releaseHeld?.(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const up = http.request(
        { host: hub.hostname, port: hub.port, method: req.method, path: req.url, headers: { ...req.headers, host: hub.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    if (path.startsWith('/api/')) proxy.bodies.push({ method: req.method ?? 'GET', path, body: body.toString('utf8') });
    const isPush = req.method === 'POST' && path.startsWith(PUSH);
    const fault = isPush ? proxy.faults.shift() : undefined;
    const isPull = req.method === 'GET' && PULLS.some((p) => path.startsWith(p));
    const pullFault = isPull ? proxy.pullFaults.shift() : undefined;
    if (pullFault) {
      proxy.pullFaultsServed++;
      if (pullFault === '500') {
        res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500 Internal Server Error</h1>');
        return;
      }
      if (pullFault === 'captive-portal') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>WiFi</title><form>Acceptez les conditions pour accéder à Internet</form>');
        return;
      }
      const answer = await forward(req, body).catch(() => undefined);
      if (!answer) {
        req.socket.destroy();
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers['content-length'];
      delete headers['content-encoding'];
      delete headers.connection;
      if (pullFault === 'truncated-json') {
        // Half of an uncompressed JSON answer, then the connection ends cleanly.
        const text = answer.headers['content-encoding'] ? '{"structure":{"id":"' : answer.body.toString('utf8');
        res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        return;
      }
      // never-ends: the first bytes, then silence until the device gives up and closes.
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.write('{"venues":[');
      return;
    }
    if (isPush) {
      proxy.pushes++;
      inFlight++;
      proxy.maxConcurrentPushes = Math.max(proxy.maxConcurrentPushes, inFlight);
      res.on('close', () => inFlight--);
    }
    try {
      if (fault === '500') {
        res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
        return;
      }
      if (fault === 'captive-portal') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>WiFi</title><form>Acceptez les conditions pour accéder à Internet</form>');
        return;
      }
      if (fault === 'timeout') {
        setTimeout(() => req.socket.destroy(), 15_000);
        return;
      }
      const answer = await forward(req, body);
      if (fault === 'drop-after-commit') {
        req.socket.destroy();
        return;
      }
      if (fault === 'late-after-commit') await new Promise((r) => setTimeout(r, 6_000));
      if (fault === 'hold') {
        await new Promise<void>((r) => {
          releaseHeld = r;
          proxy.holding = true;
        });
        proxy.holding = false;
      }
      if (res.destroyed || req.socket.destroyed) return;
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(answer.status, headers).end(answer.body);
    } catch {
      req.socket.destroy();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
