import { signal } from '@preact/signals';
import type { z } from 'zod';
import type { Me } from '../../../../shared/admin-api/auth.ts';
import type * as Contracts from './contracts.ts';
import type { FilterOptions, Stats } from '../dashboard/types.ts';
import type { AdminMediator, AdminMediatorPatch } from '../../../../shared/admin-api/stats.ts';
import { toQuery, type Filters } from './filters.ts';

// The coordination screens talk to the hub directly (online only): same-origin fetch with the
// session cookie, the CSRF token on every change, problem+json turned into readable errors.
// Answers are typed from the hub's own contracts (src/shared/admin-api, the route schemas):
// `call('DeviceListSchema', ...)`. In development and tests each answer is checked against its
// schema, so a field renamed on the hub fails loudly here; production builds skip the check and
// never load zod for it (./contracts.ts is imported only under that condition).

export type { Me };

/** Whether answers are checked against their schema (vite dev server, vitest). */
export const CHECK_ANSWERS = import.meta.env.DEV || import.meta.env.MODE === 'test';

export type ContractName = keyof typeof Contracts;
/** The type of the answer a contract describes. */
export type Answer<K extends ContractName> = z.output<(typeof Contracts)[K]>;

/** The hub's answer did not match its contract (development and tests only). */
export class ContractError extends Error {
  constructor(
    readonly url: string,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    super(`${url}: answer does not match its contract: ${issues.map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`).join('; ')}`);
  }
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

type Options = { raw?: BodyInit; contentType?: string };

/** A call whose answer a contract of src/shared describes: typed from it, checked in development and tests. */
export async function call<K extends ContractName>(contract: K, method: string, url: string, body?: unknown, opts: Options = {}): Promise<Answer<K>> {
  const answer = await api<unknown>(method, url, body, opts);
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
    const schema: z.ZodType = (await import('./contracts.ts'))[contract];
    const checked = schema.safeParse(answer);
    if (!checked.success) throw new ContractError(`${method} ${url}`, checked.error.issues);
    return checked.data as Answer<K>;
  }
  return answer as Answer<K>;
}

/** A call answered without a body (204), or whose answer the caller does not read. */
export async function api<T = void>(method: string, url: string, body?: unknown, opts: Options = {}): Promise<T> {
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
    me.value = await call('MeSchema', 'GET', '/api/v1/auth/me');
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
  // checked against its contract in development and tests; typed as the shared Stats
  return call('AuthenticatedStatsSchema', 'GET', `/api/v1/stats${toQuery(filters)}`) as Promise<Stats>;
}

/** What the dashboard's filters offer (structures, mediators, time zone). */
export function fetchFilterOptions(): Promise<FilterOptions> {
  return call('FilterOptionsSchema', 'GET', '/api/v1/admin/filter-options');
}

/** The figures workbook for filters (GET /api/v1/stats/figures.xlsx), as a download link. */
export function figuresXlsxUrl(filters: Filters): string {
  return `/api/v1/stats/figures.xlsx${toQuery(filters)}`;
}

/** The mediators of a structure with their "conseiller numérique" flag (GET /api/v1/admin/mediators). */
export async function fetchMediators(structureId: string): Promise<AdminMediator[]> {
  const r = await call('AdminMediatorListSchema', 'GET', `/api/v1/admin/mediators?structureId=${encodeURIComponent(structureId)}`);
  return r.mediators;
}

/** Sets a mediator's "conseiller numérique" flag (PATCH /api/v1/admin/mediators/:id). */
export function patchMediator(id: string, body: AdminMediatorPatch): Promise<AdminMediator> {
  return call('AdminMediatorSchema', 'PATCH', `/api/v1/admin/mediators/${encodeURIComponent(id)}`, body);
}
