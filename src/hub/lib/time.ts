/** Current time as an ISO 8601 UTC string (the storage format on both dialects). */
export function nowIso(): string {
  return new Date().toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3600_000).toISOString();
}
