import { signal } from '@preact/signals';
import type { FilterOptions, Stats } from '../dashboard/types.ts';
import type { AdminMediator, AdminMediatorPatch } from '../../../../shared/admin-api/stats.ts';
import { toQuery, type Filters } from './filters.ts';

// The coordination screens talk to the hub directly (online only): same-origin fetch with the
// session cookie, the CSRF token on every change, problem+json turned into readable errors.

export interface Me {
  id: string;
  email: string;
  role: 'admin' | 'coordinator';
  structureIds: string[];
  csrfToken: string;
}

/** The logged-in staff member; undefined while unknown, null when logged out. */
export const me = signal<Me | null | undefined>(undefined);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail || title);
  }
}

async function fail(res: Response): Promise<never> {
  let body: { title?: string; detail?: string; errors?: { path: string; message: string }[] } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON: keep the status line
  }
  if (res.status === 401) me.value = null;
  throw new ApiError(res.status, body.title ?? res.statusText, body.detail ?? '', body.errors ?? []);
}

export async function api<T>(method: string, url: string, body?: unknown, opts: { raw?: BodyInit; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && me.value) headers['x-csrf-token'] = me.value.csrfToken;
  let payload: BodyInit | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers['content-type'] = opts.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) return fail(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Who is logged in (null when nobody). */
export async function loadMe(): Promise<Me | null> {
  try {
    me.value = await api<Me>('GET', '/api/v1/auth/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) me.value = null;
    else throw e;
  }
  return me.value;
}

export async function login(email: string, password: string): Promise<void> {
  await api('POST', '/api/v1/auth/login', { email, password });
  await loadMe();
}

export async function logout(): Promise<void> {
  await api('POST', '/api/v1/auth/logout');
  me.value = null;
}

/** A message a coordinator can act on, from any failure. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return [e.title, e.detail, ...e.errors.map((x) => `${x.path} : ${x.message}`)].filter(Boolean).join(' — ');
  return e instanceof Error ? e.message : String(e);
}

// --- Dashboard figures (stats contract, round 3) -------------------------------------------

export type { AdminMediator } from '../../../../shared/admin-api/stats.ts';

/** The dashboard's figures for filters (GET /api/v1/stats). */
export function fetchStats(filters: Filters): Promise<Stats> {
  return api<Stats>('GET', `/api/v1/stats${toQuery(filters)}`);
}

/** What the dashboard's filters offer (structures, mediators, time zone). */
export function fetchFilterOptions(): Promise<FilterOptions> {
  return api<FilterOptions>('GET', '/api/v1/admin/filter-options');
}

/** The figures workbook for filters (GET /api/v1/stats/figures.xlsx), as a download link. */
export function figuresXlsxUrl(filters: Filters): string {
  return `/api/v1/stats/figures.xlsx${toQuery(filters)}`;
}

/** The mediators of a structure with their "conseiller numérique" flag (GET /api/v1/admin/mediators). */
export async function fetchMediators(structureId: string): Promise<AdminMediator[]> {
  const r = await api<{ mediators: AdminMediator[] }>('GET', `/api/v1/admin/mediators?structureId=${encodeURIComponent(structureId)}`);
  return r.mediators;
}

/** Sets a mediator's "conseiller numérique" flag (PATCH /api/v1/admin/mediators/:id). */
export function patchMediator(id: string, body: AdminMediatorPatch): Promise<AdminMediator> {
  return api<AdminMediator>('PATCH', `/api/v1/admin/mediators/${encodeURIComponent(id)}`, body);
}
