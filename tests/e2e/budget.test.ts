import { describe, expect, it } from 'vitest';
import { firstScreenJs } from '../../scripts/first-screen.ts';
import { DIST } from '../helpers/browser.ts';

// quality.md: the first screen's JavaScript stays within 60 kB gzip.
describe('byte budget', () => {
  it('keeps the first-screen JS within 60 kB gzip, lazy features excluded', () => {
    const { firstKB, allKB, firstFiles } = firstScreenJs(DIST);
    console.log(`first-screen JS ${firstKB.toFixed(1)} kB gzip (${firstFiles.length} files); whole app ${allKB.toFixed(1)} kB`);
    expect(firstKB).toBeLessThanOrEqual(60);
    // The features are lazy: the first screen is a strict part of the app.
    expect(allKB).toBeGreaterThan(firstKB);
  });
});
