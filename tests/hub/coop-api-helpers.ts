import type { LightMyRequestResponse } from 'fastify';
import type { TestHub } from '../helpers/hub.ts';
import { createApiClient } from '../../src/hub/repositories/api-clients.ts';
import type { ApiScope } from '../../src/shared/coop-api/scopes.ts';

// Helpers of the Coop-compatible API tests: a client with scopes, authenticated GETs.

export interface TestClient {
  id: string;
  secret: string;
  auth: Record<string, string>;
}

export async function givenApiClient(hub: TestHub, scopes: ApiScope[] = ['activites', 'statistiques', 'structures', 'lieux_activite']): Promise<TestClient> {
  const { client, secret } = await createApiClient(hub.database.db, { name: 'Plateforme test', scopes, createdBy: null });
  return { id: client.id, secret, auth: { authorization: `Bearer ${client.id}:${secret}` } };
}

export function apiGet(hub: TestHub, client: TestClient | undefined, url: string): Promise<LightMyRequestResponse> {
  return hub.app.inject({ method: 'GET', url, headers: client?.auth ?? {} });
}

/** The path and query of an absolute link (links.next / prev) for app.inject. */
export function pathOf(href: string): string {
  const u = new URL(href);
  return `${u.pathname}${u.search}`;
}

export interface JsonApiErrorBody {
  errors: { status: string; title: string; detail: string; source?: { parameter?: string } }[];
}
