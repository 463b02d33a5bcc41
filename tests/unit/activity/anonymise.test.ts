import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toWire } from '../../../src/shared/activity/anonymise.ts';
import { ActivityDeletionSchema, ActivityRecordSchema } from '../../../src/shared/activity/record.ts';
import { arbitraryLocal } from './arbitraries.ts';

const LOCAL_ONLY = ['notes', 'createdAt', 'updatedAt', 'syncState', 'syncErrors', 'sentRevision', 'deleted'];

describe('toWire (anonymisation)', () => {
  it('sends no note, no device timestamp and no sync field, and what it sends passes the hub schema (property)', () => {
    fc.assert(
      fc.property(arbitraryLocal, (local) => {
        const wire = toWire(local);
        const json = JSON.stringify(wire);
        expect(json).not.toContain('§NOTE§');
        expect(json).not.toContain(local.createdAt);
        expect(json).not.toContain(local.updatedAt);
        if (local.deleted) {
          expect(ActivityDeletionSchema.parse(wire)).toEqual({ id: local.id, revision: local.revision, deleted: true });
        } else {
          for (const k of LOCAL_ONLY) expect(wire).not.toHaveProperty(k);
          expect(ActivityRecordSchema.safeParse(wire).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adds nothing: every field sent was in the local record with the same value (property)', () => {
    fc.assert(
      fc.property(arbitraryLocal, (local) => {
        fc.pre(!local.deleted);
        const wire = toWire(local) as Record<string, unknown>;
        for (const [k, v] of Object.entries(wire)) expect(v).toEqual((local as unknown as Record<string, unknown>)[k]);
      }),
      { numRuns: 200 },
    );
  });

  it('drops fields smuggled into nested objects', () => {
    const local = fc.sample(arbitraryLocal, { numRuns: 1, seed: 7 })[0]!;
    delete local.deleted;
    const smuggled = {
      ...local,
      place: { ...local.place, address: '3 rue des Lilas' },
      beneficiaries: { ...local.beneficiaries, name: 'Mme X' },
    };
    const json = JSON.stringify(toWire(smuggled));
    expect(json).not.toContain('Lilas');
    expect(json).not.toContain('Mme X');
  });
});
