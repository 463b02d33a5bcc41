import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.1 AA violations (axe-core) within `selector` (the whole document by default), as
 * readable strings: `id: help @ first targets`. An empty list means none.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    type V = { id: string; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: object) => Promise<{ violations: V[] }> } }).axe;
    const r = await axe.run(sel ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(' | ')}`);
  }, selector);
}
