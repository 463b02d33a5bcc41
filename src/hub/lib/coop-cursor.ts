// Opaque cursors of the list endpoints: base64url of a JSON pair [sort value, id]. A cursor is
// only ever compared with an index (keyset), so any page costs the same at any depth.

const MAX_CURSOR_LENGTH = 300;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/** The ids the cursors carry: opaque UUIDs for activities, directory ids for structures. */
const CURSOR_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

/** The (instant, id) pair of a cursor, or undefined when it is not one this hub made. */
export function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string') return undefined;
  if (!ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at)) || !CURSOR_ID.test(id)) return undefined;
  return { at, id };
}
