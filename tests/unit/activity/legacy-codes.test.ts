import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AGE_BANDS, AUTONOMY, ORIENTATION_TARGETS, PLACE_KINDS, THEMES, codesOf } from '../../../src/shared/activity/codes.ts';
import {
  LEGACY_AGE_BANDS,
  LEGACY_AUTONOMY,
  LEGACY_ORIENTATION_TARGETS,
  LEGACY_PLACE_KINDS,
  LEGACY_THEMES,
  upgradeRecordCodes,
} from '../../../src/shared/activity/legacy-codes.ts';
import { ActivityRecordSchema } from '../../../src/shared/activity/record.ts';
import { LEGACY_INDIVIDUAL, LEGACY_WORKSHOP, UPGRADED_INDIVIDUAL, UPGRADED_WORKSHOP } from '../../fixtures/legacy-records.ts';
import { arbitraryRecord } from './arbitraries.ts';

describe('the earlier codes → the Coop’s codes', () => {
  it.each([
    ['place kinds', LEGACY_PLACE_KINDS, PLACE_KINDS],
    ['themes', LEGACY_THEMES, THEMES],
    ['autonomy', LEGACY_AUTONOMY, AUTONOMY],
    ['orientation targets', LEGACY_ORIENTATION_TARGETS, ORIENTATION_TARGETS],
    ['age bands', LEGACY_AGE_BANDS, AGE_BANDS],
  ] as const)('maps every earlier %s code to a current code, and no earlier code is still current', (_, map, list) => {
    const current = new Set<string>(codesOf(list));
    for (const [from, to] of Object.entries(map)) {
      expect(current.has(to)).toBe(true);
      expect(current.has(from)).toBe(false);
    }
  });

  it('converts records in the earlier codes into records the schema accepts', () => {
    expect(ActivityRecordSchema.safeParse(LEGACY_INDIVIDUAL).success).toBe(false);
    expect(ActivityRecordSchema.safeParse(LEGACY_WORKSHOP).success).toBe(false);
    expect(upgradeRecordCodes(LEGACY_INDIVIDUAL)).toEqual(UPGRADED_INDIVIDUAL);
    expect(upgradeRecordCodes(LEGACY_WORKSHOP)).toEqual(UPGRADED_WORKSHOP);
    expect(ActivityRecordSchema.safeParse(UPGRADED_INDIVIDUAL).success).toBe(true);
    expect(ActivityRecordSchema.safeParse(UPGRADED_WORKSHOP).success).toBe(true);
  });

  it('leaves a record already in the Coop’s codes exactly as it is (property)', () => {
    fc.assert(
      fc.property(arbitraryRecord, (r) => {
        expect(upgradeRecordCodes(r)).toEqual(r);
      }),
    );
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => upgradeRecordCodes(v)).not.toThrow();
      }),
    );
  });
});
