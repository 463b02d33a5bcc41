// Scopes of an API client of the Coop-compatible read API (docs/coop-api.md): one per resource
// family, as La Coop's API clients have them.

export const API_SCOPES = ['activites', 'statistiques', 'structures', 'lieux_activite'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Bounds of an API client's name (shown in the dashboard and the CLI). */
export const API_CLIENT_NAME_MAX = 100;

/** Parses "activites,statistiques" (spaces allowed); unknown or empty → the offending words. */
export function parseScopes(input: string): { scopes: ApiScope[]; unknown: string[] } {
  const words = input
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const known = new Set<string>(API_SCOPES);
  const unknown = words.filter((w) => !known.has(w));
  const scopes = API_SCOPES.filter((s) => words.includes(s));
  return { scopes, unknown };
}
