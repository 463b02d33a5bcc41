import type { FastifyRequest } from 'fastify';
import { PAGE_SIZE_DEFAULT } from '../../../shared/coop-api/query.ts';

/** The absolute URL of a Coop API path with parameters (links.self / next / prev). */
export function apiUrl(req: FastifyRequest, path: string, params: URLSearchParams): string {
  const qs = params.toString();
  return `${req.protocol}://${req.host}/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** The list parameters to carry into the page links (page[size] only when not the default). */
export function carried(size: number, filters: Record<string, string | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  if (size !== PAGE_SIZE_DEFAULT) p.set('page[size]', String(size));
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) p.set(k, v);
  return p;
}

export function withCursor(base: URLSearchParams, direction: 'after' | 'before', cursor: string): URLSearchParams {
  const p = new URLSearchParams(base);
  p.set(`page[${direction}]`, cursor);
  return p;
}

export function listMeta(total: number, size: number, hasNext: boolean, hasPrev: boolean) {
  return { total_count: total, items_per_page: size, total_pages: Math.ceil(total / size), has_next_page: hasNext, has_prev_page: hasPrev };
}
