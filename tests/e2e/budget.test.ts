import { describe, expect, it } from 'vitest';
import { measureFirstScreenJs } from '../../scripts/first-screen.ts';
import { DIST } from '../helpers/browser.ts';

// The first screen's JavaScript as Chromium loads it on a first visit (not enrolled): every
// script received before the home screen is interactive, gzipped. The target is 30 kB (the
// bench's firstScreenJsLoadedKB), met since the app translates with its own small translator
// instead of i18next (15.5 kB of the former 33.7). IndexedDB's library (Dexie) is not
// downloaded at all, even once idle.
const CEILING_KB = 30;
const isDexie = (body: string) => body.includes('DatabaseClosedError') && body.includes('liveQuery');

describe('byte budget', () => {
  it(`keeps the JS the home screen loads within ${CEILING_KB} kB gzip, without Dexie`, async () => {
    const r = await measureFirstScreenJs(DIST, { probe: isDexie });
    const list = (xs: typeof r.before) => xs.map((l) => `${l.file} ${(l.gzipBytes / 1024).toFixed(1)} kB`).join(', ');
    console.log(`first-screen JS as loaded: ${r.firstKB.toFixed(1)} kB gzip before interactive (${list(r.before)}); after: ${list(r.after) || 'nothing'}; whole app ${r.allKB.toFixed(1)} kB`);
    expect(r.before.length).toBeGreaterThan(0);
    expect(r.firstKB).toBeLessThanOrEqual(CEILING_KB);
    expect([...r.before, ...r.after].filter((l) => l.probed).map((l) => l.file)).toEqual([]);
    // The features are lazy: the first screen is a strict part of the app.
    expect(r.allKB).toBeGreaterThan(r.firstKB * 3);
  });

  it('recognises Dexie when a screen does load it', async () => {
    const { default: fs } = await import('node:fs');
    const path = await import('node:path');
    const bodies = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(DIST, 'assets', f), 'utf8'));
    expect(bodies.filter(isDexie)).toHaveLength(1);
    // The e2e test hooks (src/app/test-hooks.ts) exist only in a build made with KARIOLE_TEST_HOOKS=1.
    expect(bodies.filter((b) => b.includes('__karioleTestHooks'))).toEqual([]);
  });
});
