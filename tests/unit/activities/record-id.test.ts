import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../../src/app/features/activities/lib/uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('new record ids', () => {
  it('are random v4 UUIDs that carry no time', () => {
    const ids = Array.from({ length: 200 }, () => newRecordId());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(200);
    // Two ids made in the same millisecond share no prefix (a v7 would share its first 12 digits).
    const [a, b] = [newRecordId(), newRecordId()];
    expect(a.slice(0, 12)).not.toBe(b.slice(0, 12));
  });

  it('are still v4 without crypto.randomUUID (a hub served over plain HTTP)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 200 }, () => newRecordId());
      for (const id of ids) expect(id).toMatch(V4);
      expect(new Set(ids).size).toBe(200);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true });
    }
  });
});
