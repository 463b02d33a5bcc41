import { foldText } from '../text.ts';
import type { PortalLink } from './schema.ts';

function haystack(link: PortalLink): string {
  const parts = [link.name, link.description ?? '', ...(link.keywords ?? []), new URL(link.url).hostname];
  for (const t of Object.values(link.i18n ?? {})) parts.push(t?.name ?? '', t?.description ?? '');
  return foldText(parts.join(' \u0001 '));
}

/**
 * Links matching every word of `query` (accents and case folded; any language's texts),
 * best first: a name that starts with the query, then a name that contains it, then the rest.
 * The input order (pinned first) is kept within each rank.
 */
export function searchLinks(links: PortalLink[], query: string): PortalLink[] {
  const q = foldText(query);
  if (!q) return links;
  const words = q.split(' ').filter(Boolean);
  const ranked: { link: PortalLink; rank: number; i: number }[] = [];
  links.forEach((link, i) => {
    const text = haystack(link);
    if (!words.every((w) => text.includes(w))) return;
    const names = [link.name, ...Object.values(link.i18n ?? {}).map((t) => t?.name ?? '')].map(foldText);
    const rank = names.some((n) => n.startsWith(q)) ? 0 : names.some((n) => n.includes(q)) ? 1 : 2;
    ranked.push({ link, rank, i });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((r) => r.link);
}
