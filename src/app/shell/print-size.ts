import { useEffect } from 'preact/hooks';

// Receipt rolls are cut after the content: their printed page must be one page exactly as tall as
// what is printed. CSS cannot say "as tall as the content", so the height is measured from the
// rendered element (laid out at the printable width) and written into an @page rule.

const PX_PER_MM = 96 / 25.4;
/** Longest roll page written (a PDF page stays under 5 m). */
export const MAX_ROLL_MM = 2000;
/** Slack for rounding and the last line's descent. */
const SLACK_MM = 3;

export interface RollPaper {
  widthMm: number;
  marginBlockMm: number;
  marginInlineMm: number;
}

export const ROLLS: Record<'80' | '58', RollPaper> = {
  '80': { widthMm: 80, marginBlockMm: 3, marginInlineMm: 4 },
  '58': { widthMm: 58, marginBlockMm: 2, marginInlineMm: 4 },
};

/** The printable width of a roll in CSS pixels (what the content must be laid out at). */
export function printableWidthPx(paper: RollPaper): number {
  return (paper.widthMm - 2 * paper.marginInlineMm) * PX_PER_MM;
}

/** Page height (mm) for content of this height (px), margins included, bounded. */
export function rollHeightMm(paper: RollPaper, contentPx: number): number {
  const mm = Math.ceil(contentPx / PX_PER_MM + 2 * paper.marginBlockMm + SLACK_MM);
  return Math.min(MAX_ROLL_MM, Math.max(mm, 2 * paper.marginBlockMm + 10));
}

/** An @page rule (named, or the default page when `name` is empty) for a roll of this content. */
export function rollPageRule(paper: RollPaper, contentPx: number, name = ''): string {
  return `@page ${name} { size: ${paper.widthMm}mm ${rollHeightMm(paper, contentPx)}mm; margin: ${paper.marginBlockMm}mm ${paper.marginInlineMm}mm; }`;
}

/** Writes (or replaces) the page-size <style> with this id; returns a function removing it. */
export function setPageStyle(id: string, css: string): () => void {
  let style = document.getElementById(id) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = id;
    document.head.append(style);
  }
  style.textContent = css;
  return () => style?.remove();
}

/**
 * Keeps an @page rule sized to an element's content box while it is on screen (laid out at the
 * printable width): `rule(heightPx)` is re-run
 * whenever the element's height changes (content loaded, démarche chosen, paper changed).
 */
export function usePageSizedTo(id: string, element: () => HTMLElement | null, rule: (heightPx: number) => string, deps: unknown[]): void {
  useEffect(() => {
    const el = element();
    if (!el) return;
    const write = () => {
      const cs = getComputedStyle(el);
      const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
      const inner = el.getBoundingClientRect().height - edges.reduce((sum, k) => sum + (parseFloat(cs[k]) || 0), 0);
      setPageStyle(id, rule(inner));
    };
    write();
    const observer = new ResizeObserver(write);
    observer.observe(el);
    return () => {
      observer.disconnect();
      document.getElementById(id)?.remove();
    };
  }, deps);
}
