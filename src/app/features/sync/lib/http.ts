import type { DeviceIdentity } from '../../../db/settings.ts';
import { parseRetryAfter } from './backoff.ts';

/** Why a sync attempt failed, in kinds the status screen explains in plain words. */
export type FailureKind = 'network' | 'timeout' | 'server' | 'malformed' | 'auth' | 'rate-limited' | 'refused';

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status?: number,
    readonly retryAfterMs = 0,
    /** the hub's explanation (problem+json `detail`) when it refused the request */
    readonly detail?: string,
  ) {
    super(`sync failed: ${kind}${status ? ` (${status})` : ''}`);
    this.name = 'SyncFailure';
  }
}

export interface HubResponse {
  status: number;
  headers: Headers;
  /** parsed JSON, undefined for 304 or an empty answer */
  body: unknown;
}

function problemDetail(res: Response, text: string): string | undefined {
  if (!/problem\+json/i.test(res.headers.get('content-type') ?? '')) return undefined;
  try {
    const detail = (JSON.parse(text) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Per-request time limit; a diagnostics override (localStorage) lets field tests shorten it. */
function timeoutMs(): number {
  const raw = Number(globalThis.localStorage?.getItem('kariole.sync.timeoutMs'));
  return Number.isFinite(raw) && raw >= 500 ? raw : DEFAULT_TIMEOUT_MS;
}

/**
 * One request to the hub with the device's token. Resolves only with a real hub answer
 * (2xx with JSON, or 304); everything else becomes a SyncFailure.
 */
export async function hubRequest(
  identity: Pick<DeviceIdentity, 'token' | 'hubUrl'> | undefined,
  path: string,
  init: { method?: 'GET' | 'POST'; json?: unknown; headers?: Record<string, string> } = {},
): Promise<HubResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs());
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (identity) headers.authorization = `Bearer ${identity.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${identity?.hubUrl ?? ''}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
    text = await res.text();
  } catch {
    throw new SyncFailure(controller.signal.aborted ? 'timeout' : 'network');
  } finally {
    clearTimeout(timer);
  }
  if (res.status === 304) return { status: 304, headers: res.headers, body: undefined };
  if (res.status === 401) throw new SyncFailure('auth', 401);
  if (res.status === 429) throw new SyncFailure('rate-limited', 429, parseRetryAfter(res.headers.get('retry-after')));
  if (res.status === 408 || res.status >= 500) throw new SyncFailure('server', res.status);
  if (res.status < 200 || res.status >= 300) throw new SyncFailure(res.type === 'opaqueredirect' ? 'malformed' : 'refused', res.status, 0, problemDetail(res, text));
  if (!text) return { status: res.status, headers: res.headers, body: undefined };
  if (!/json/i.test(res.headers.get('content-type') ?? '')) throw new SyncFailure('malformed', res.status);
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as unknown };
  } catch {
    throw new SyncFailure('malformed', res.status);
  }
}
