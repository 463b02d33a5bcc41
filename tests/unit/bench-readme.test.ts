import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, figuresBlock, replaceBetweenMarkers, writeReadmeFigures } from '../../bench/readme.ts';

// The README's figures table is written from bench/results/latest.json, between markers only.
describe('the README figures table', () => {
  const latest = { firstScreenJsLoadedKB: 19.6, lighthousePerformance: 97, venueSearchP95Ms: 4.2, venueSearchP95Ms4xCpu: 15.1, offlineColdStartMs: null };
  const details = { measuredAt: '2026-11-29T04:30:12.000Z', runs: 3 };

  it('shows each figure with its target, whether met, and the baseline ratio', () => {
    const block = figuresBlock(latest, details);
    expect(block).toContain('| First-screen JS as loaded (gzip) (`firstScreenJsLoadedKB`) | 19.6 kB | ≤ 30 kB | yes |');
    expect(block).toContain('| Lighthouse performance (mobile) (`lighthousePerformance`) | 97 | ≥ 98 | **no** |');
    expect(block).toContain('no slowdown 4.2 ms (×3.6)');
    expect(block).toContain('measured 2026-11-29 04:30 UTC (median of 3 runs each)');
    expect(block).toMatch(/Not measured in that run: .*`offlineColdStartMs`/);
  });

  it('replaces only what lies between the markers, and refuses a file without them', () => {
    const text = `# T\nbefore\n${START}\nold table\n${END}\nafter\n`;
    const out = replaceBetweenMarkers(text, 'NEW', 'x.md');
    expect(out).toBe(`# T\nbefore\n${START}\nNEW\n${END}\nafter\n`);
    expect(replaceBetweenMarkers(out, 'NEW', 'x.md')).toBe(out);
    expect(() => replaceBetweenMarkers('# no markers', 'NEW', 'x.md')).toThrow(/x\.md has no/);
  });

  it('writes README.md and bench/README.md from the results files', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kariole-readme-'));
    fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(latest));
    fs.writeFileSync(path.join(root, 'bench', 'results', 'details.json'), JSON.stringify(details));
    fs.writeFileSync(path.join(root, 'README.md'), `intro\n${START}\n${END}\nend\n`);
    fs.writeFileSync(path.join(root, 'bench', 'README.md'), `bench\n${START}\nstale\n${END}\n`);
    expect(writeReadmeFigures(root)).toEqual(['README.md', 'bench/README.md']);
    for (const f of ['README.md', 'bench/README.md']) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      expect(text).toContain('| 19.6 kB |');
      expect(text).not.toContain('stale');
    }
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/^intro\n/);
    fs.rmSync(root, { recursive: true });
  });

  it('has its markers in both READMEs of the repository', () => {
    for (const f of ['README.md', 'bench/README.md']) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text.indexOf(START), f).toBeGreaterThan(-1);
      expect(text.indexOf(END), f).toBeGreaterThan(text.indexOf(START));
    }
  });
});
