import { describe, expect, it } from 'vitest';
import { MAX_SERIES_POINTS, daysBetween, monthsBetween } from '../../../src/shared/stats/periods.ts';
import { DATE_MIN, MAX_PERIOD_DAYS, clampToWindow, dateMax, outsideWindow, periodLength } from '../../../src/shared/stats/window.ts';

// The series helpers end at year 9999 and never emit an unbounded list (issue #12: a filter
// ending 9999-12-31 made the day loop run forever, the day after formatting as +010000-01-01).

describe('period helpers at the edge of the calendar', () => {
  it('stops at 9999-12-31 instead of looping', () => {
    expect(daysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(monthsBetween('9999-11-15', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(daysBetween('9999-12-31', '9999-12-31')).toEqual(['9999-12-31']);
  });

  it('refuses to emit more than MAX_SERIES_POINTS points', () => {
    expect(() => daysBetween('0001-01-01', '9999-12-31')).toThrow(RangeError);
    expect(() => monthsBetween('0001-01-01', '9999-12-31')).toThrow(RangeError);
    expect(daysBetween('2000-01-01', '2029-12-31').length).toBeLessThanOrEqual(MAX_SERIES_POINTS);
  });

  it('is empty when the end precedes the start', () => {
    expect(daysBetween('2026-02-01', '2026-01-31')).toEqual([]);
    expect(monthsBetween('2026-02-01', '2026-01-31')).toEqual([]);
  });
});

describe('the time window', () => {
  const today = '2026-11-29';
  it('accepts 2000-01-01 and the day after today, refuses just beyond, in French naming the field', () => {
    expect(outsideWindow(DATE_MIN, 'Date', today)).toBeUndefined();
    expect(outsideWindow('2026-11-30', 'Date', today)).toBeUndefined();
    expect(outsideWindow('1999-12-31', 'Date', today)).toMatch(/^Date : pas avant le 01\/01\/2000/);
    expect(outsideWindow('2026-12-01', 'Date', today)).toMatch(/^Date : pas après le 30\/11\/2026/);
    expect(dateMax(today)).toBe('2026-11-30');
  });

  it('clamps a stored period into the window, leaving absent bounds absent', () => {
    expect(clampToWindow({ from: '0001-01-01', to: '9999-12-31' }, today)).toEqual({ from: DATE_MIN, to: '2026-11-30' });
    expect(clampToWindow({ to: '9999-12-31' }, today)).toEqual({ to: '2026-11-30' });
    expect(clampToWindow({}, today)).toEqual({});
  });

  it('measures periods in whole days (the bound is ten years)', () => {
    expect(periodLength('2026-01-01', '2026-01-01')).toBe(1);
    expect(periodLength('2016-01-01', '2025-12-31')).toBe(3653);
    expect(MAX_PERIOD_DAYS).toBeGreaterThanOrEqual(3653);
  });
});

describe('daysBetween agrees with the calendar', () => {
  it('walks leap years and month ends as Date does', () => {
    const days = daysBetween('1999-12-25', '2001-03-05');
    let d = new Date(Date.UTC(1999, 11, 25));
    for (const day of days) {
      expect(day).toBe(d.toISOString().slice(0, 10));
      d = new Date(d.getTime() + 86_400_000);
    }
    expect(days).toContain('2000-02-29');
    expect(days).not.toContain('2001-02-29');
    expect(daysBetween('1900-02-28', '1900-03-01')).toEqual(['1900-02-28', '1900-03-01']);
  });
});
