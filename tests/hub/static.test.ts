import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenHub, type TestHub } from '../helpers/hub.ts';

/** A minimal built app on disk, shaped like vite's output. */
function fakeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Kariole</title><div id="app"></div>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Kariole"}');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  // what the build's precompress step writes beside each text file
  const big = `export const text = ${JSON.stringify('Kariole '.repeat(2000))};`;
  fs.writeFileSync(path.join(dir, 'assets', 'portal-def456.js'), big);
  fs.writeFileSync(path.join(dir, 'assets', 'portal-def456.js.br'), brotliCompressSync(big));
  fs.writeFileSync(path.join(dir, 'assets', 'portal-def456.js.gz'), gzipSync(big));
  const shell = `<!doctype html><title>Kariole</title><div id="app"></div><!--${'x'.repeat(3000)}-->`;
  fs.writeFileSync(path.join(dir, 'index.html'), shell);
  fs.writeFileSync(path.join(dir, 'index.html.br'), brotliCompressSync(shell));
  return dir;
}

describe('serving the built app', () => {
  let hub: TestHub;
  let dist: string;
  beforeAll(async () => {
    dist = fakeDist();
    hub = await givenHub('sqlite', { distDir: dist });
  });
  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html and sw.js with no-cache so a new version is found', async () => {
    for (const url of ['/', '/sw.js', '/manifest.webmanifest']) {
      const res = await hub.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the pre-compressed copy the browser accepts, and the plain file to others', async () => {
    const url = '/assets/portal-def456.js';
    const plain = fs.readFileSync(path.join(dist, 'assets', 'portal-def456.js'), 'utf8');
    const br = await hub.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain);
    expect(br.rawPayload.length).toBeLessThan(plain.length / 10);

    const gz = await hub.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain);

    const none = await hub.app.inject({ method: 'GET', url });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(plain);

    for (const deep of ['/', '/portail/site/caf']) {
      const shell = await hub.app.inject({ method: 'GET', url: deep, headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      expect(shell.headers['content-encoding'], deep).toBe('br');
      expect(shell.headers['content-type'], deep).toContain('text/html');
      expect(shell.headers['cache-control'], deep).toBe('no-cache');
      expect(brotliDecompressSync(shell.rawPayload).toString(), deep).toContain('<div id="app">');
    }
  });

  it('answers a deep link with the app shell, and an unknown API path with a problem', async () => {
    const page = await hub.app.inject({ method: 'GET', url: '/orienter/lieu-42', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="app">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await hub.app.inject({ method: 'GET', url: '/api/v1/unknown', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('forbids framing of the app', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/' });
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
