import { describe, expect, it } from 'vitest';
import { ActivityRecordSchema } from '../../src/shared/activity/record.ts';
import { generateActivities, twoYearsTo } from '../../bench/generators/activities.ts';
import { generateVenues, venuesToCsv, VENUE_COLUMNS } from '../../bench/generators/venues.ts';

// The bench's synthetic data must be what the product accepts, and the same on every run.
describe('bench generators', () => {
  const opts = { structures: 4, mediators: 3, ...twoYearsTo('2026-10-31') };

  it('generates activity records that pass the national record schema, as the schema outputs them', () => {
    const sample = generateActivities(2000, 7, opts);
    for (const { record } of sample) {
      const parsed = ActivityRecordSchema.safeParse(record);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(record);
    }
    expect(new Set(sample.map((a) => a.record.id)).size).toBe(sample.length);
    const types = new Set(sample.map((a) => a.record.type));
    expect(types).toEqual(new Set(['individuel', 'collectif']));
  });

  it('spreads activities over the structures, their mediators and two years', () => {
    const sample = generateActivities(3000, 1, opts);
    expect(new Set(sample.map((a) => a.structureId)).size).toBe(4);
    expect(new Set(sample.map((a) => a.mediatorId)).size).toBe(12);
    const dates = sample.map((a) => a.record.date).sort();
    expect(dates[0]! >= '2024-11-01').toBe(true);
    expect(dates.at(-1)! <= '2026-10-31').toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(24);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateActivities(50, 3, opts)).toEqual(generateActivities(50, 3, opts));
    expect(generateActivities(50, 4, opts)[0]!.record.id).not.toBe(generateActivities(50, 3, opts)[0]!.record.id);
    expect(generateVenues(300, 9)).toEqual(generateVenues(300, 9));
  });

  it('generates national-standard venue rows with unique ids across many départements', () => {
    const rows = generateVenues(5000, 1);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5000);
    expect(new Set(rows.map((r) => r.code_postal.slice(0, 2))).size).toBeGreaterThan(80);
    for (const r of rows) {
      expect(r.code_postal).toMatch(/^\d{5}$/);
      expect(r.pivot).toMatch(/^[a-zA-Z0-9]{9,14}$/);
      expect(r.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.telephone) expect(String(r.telephone)).toMatch(/^\+33\d{6,9}$/);
      if (r.presentation_resume) expect(String(r.presentation_resume).length).toBeLessThanOrEqual(280);
      for (const key of Object.keys(r)) expect(VENUE_COLUMNS).toContain(key);
    }
    const csv = venuesToCsv(rows.slice(0, 3));
    expect(csv.split('\n')[0]).toBe(VENUE_COLUMNS.join(','));
  });
});
