import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice } from '../helpers/browser.ts';
import { generateVenues } from '../../bench/generators/venues.ts';
import { normaliseVenueRow } from '../../src/shared/venues/normalise.ts';
import { hoursParse } from '../../src/shared/venues/hours.ts';
import { inseeOf } from '../../src/hub/repositories/venue-communes.ts';
import type { Venue } from '../../src/shared/venues/schema.ts';

// Figures for the quality bars (quality.md): 18,000 places into IndexedDB (≤ 3 s, beside a raw
// bulkPut) and search per keystroke (p95 ≤ 16 ms), measured in Chromium on the app's own code.
// Printed, not asserted against the clock: the machine is shared and noisy.

const OUT = path.resolve('.e2e/ven-bench');
const COUNT = 18_000;
const WORDS = ['marseille', 'france services', 'mediatheque', 'aide aux demarches', 'espace numerique', 'centre social', 'lyon', '75011', 'bibliotheque', 'mairie de'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('venue directory timings in Chromium (18,000 places)', () => {
  let server: http.Server;
  let url: string;
  let device: Awaited<ReturnType<typeof launchDevice>>;
  let page: Page;

  beforeAll(async () => {
    await build({
      configFile: false,
      root: path.resolve('tests/e2e'),
      logLevel: 'warn',
      build: { outDir: OUT, emptyOutDir: true, target: 'es2022', rollupOptions: { input: path.resolve('tests/e2e/venues-bench.html') } },
    });
    const venues: Venue[] = [];
    for (const row of generateVenues(COUNT, 1)) {
      const r = normaliseVenueRow(row as Record<string, unknown>, { hoursParse, inseeOf });
      if (r.ok) venues.push(r.venue);
    }
    const json = JSON.stringify(venues);
    server = http.createServer((req, res) => {
      const p = (req.url ?? '/').split('?')[0]!;
      if (p === '/venues.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      const file = path.join(OUT, p === '/' ? 'venues-bench.html' : p);
      if (!file.startsWith(OUT) || !fs.existsSync(file)) return res.writeHead(404).end();
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    device = await launchDevice();
    page = await device.context.newPage();
    await page.goto(`${url}/venues-bench.html`);
    await page.waitForSelector('body[data-ready="1"]');
    const loaded = await page.evaluate((u) => (window as never as { venueBench: { load(u: string): Promise<number> } }).venueBench.load(u), `${url}/venues.json`);
    expect(loaded).toBeGreaterThanOrEqual(COUNT - 50);
  });
  afterAll(async () => {
    await device?.close();
    await new Promise((r) => server?.close(r));
  });

  it('loads the places into IndexedDB page by page, beside a raw bulkPut', async () => {
    const run = (fn: string, arg?: number) =>
      page.evaluate(([f, a]) => (window as never as { venueBench: Record<string, (x?: number) => Promise<{ ms: number; count: number }>> }).venueBench[f as string]!(a as number | undefined), [fn, arg] as const);
    const pages1000: number[] = [];
    const pages5000: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await run('importPages', 1000);
      const b = await run('importPages', 5000);
      const c = await run('rawBulkPut');
      expect(a.count).toBe(c.count);
      expect(b.count).toBe(c.count);
      pages1000.push(a.ms);
      pages5000.push(b.ms);
      raw.push(c.ms);
    }
    const n = (await run('rawBulkPut')).count;
    console.log(
      `[venues] ${n} places into IndexedDB, median of 3: applyVenuePage × pages of 1000 = ${median(pages1000).toFixed(0)} ms, ` +
        `pages of 5000 = ${median(pages5000).toFixed(0)} ms; raw bulkPut baseline = ${median(raw).toFixed(0)} ms ` +
        `(ratio ${(median(pages1000) / median(raw)).toFixed(2)}); target ≤ 3000 ms`,
    );
  });

  it('opens the directory and searches at every keystroke', async () => {
    const open = await page.evaluate(() => (window as never as { venueBench: { openDirectory(): Promise<{ readMs: number; indexMs: number; longestTaskMs: number; count: number }> } }).venueBench.openDirectory());
    expect(open.count).toBeGreaterThan(17_900);
    const typing = (filters: string[], origin: boolean) =>
      page.evaluate(
        ([w, f, o]) =>
          (window as never as { venueBench: { typing(w: string[], opts: { filters: string[]; origin: boolean }): { n: number; p50: number; p95: number; max: number; hits: number } } }).venueBench.typing(w, {
            filters: f,
            origin: o,
          }),
        [WORDS, filters, origin] as const,
      );
    await typing([], false); // warm-up
    const runs = async (filters: string[], origin: boolean) => {
      const r = [];
      for (let i = 0; i < 5; i++) r.push(await typing(filters, origin));
      return { n: r[0]!.n, hits: r[0]!.hits, p50: median(r.map((x) => x.p50)), p95: median(r.map((x) => x.p95)), max: median(r.map((x) => x.max)) };
    };
    const plain = await runs([], false);
    const filtered = await runs(['gratuit', 'franceServices', 'conseillersNumeriques'], true);
    expect(plain.hits).toBeGreaterThan(0);
    expect(filtered.hits).toBeLessThan(plain.hits);
    console.log(
      `[venues] open directory: read ${open.readMs.toFixed(0)} ms, index built in slices ${open.indexMs.toFixed(0)} ms (longest main-thread task ${open.longestTaskMs.toFixed(0)} ms)\n` +
        `[venues] search per keystroke (${plain.n} keystrokes, medians of 5 passes): p50 ${plain.p50.toFixed(2)} ms, p95 ${plain.p95.toFixed(2)} ms, max ${plain.max.toFixed(1)} ms; ` +
        `with 2 filter groups + distance sort: p50 ${filtered.p50.toFixed(2)} ms, p95 ${filtered.p95.toFixed(2)} ms, max ${filtered.max.toFixed(1)} ms; target p95 ≤ 16 ms`,
    );
  });
});
