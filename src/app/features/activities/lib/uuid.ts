/**
 * A new record id: a random UUID v4. No part of it carries the time it was made (a UUID v7
 * would date the session to the millisecond, and no time of day leaves the device).
 * crypto.randomUUID needs a secure context; on a hub served over plain HTTP on a LAN the
 * same v4 is built from crypto.getRandomValues.
 */
export function newRecordId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = 0x40 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
