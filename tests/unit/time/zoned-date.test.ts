import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TIME_ZONE, OVERSEAS_TIME_ZONES, TIME_ZONE_MAX_LENGTH, frenchDay, isTimeZone, timeZoneForDepartements, zonedDay, zonedDayOf,
  zonedMonthStart,
} from '../../../src/shared/time/zoned-date.ts';
import { defaultPeriod, thisMonth, thisYear, zoneOf } from '../../../src/app/features/coordination/lib/filters.ts';

// The clock at 23:30 UTC on the last day of a month and of a year: Paris is already on the next
// day (and month, and year); Guadeloupe and Tahiti are not.
describe('dates in the structure time zone, clock at 23:30 UTC', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T23:30:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('gives "today" in the zone, not in UTC', () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(zonedDay()).toBe('2027-01-01');
    expect(zonedDay(new Date(), 'Europe/Paris')).toBe('2027-01-01');
    expect(zonedDay(new Date(), 'Indian/Reunion')).toBe('2027-01-01');
    expect(zonedDay(new Date(), 'Pacific/Noumea')).toBe('2027-01-01');
    expect(zonedDay(new Date(), 'America/Guadeloupe')).toBe('2026-12-31');
    expect(zonedDay(new Date(), 'Pacific/Tahiti')).toBe('2026-12-31');
  });

  it('starts "Ce mois-ci", "Cette année" and the last twelve months in the zone', () => {
    expect(thisMonth('Europe/Paris')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(thisMonth('America/Martinique')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(thisYear('Europe/Paris')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(thisYear('America/Cayenne')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(defaultPeriod('Europe/Paris')).toEqual({ from: '2026-02-01', to: '2027-01-01' });
    expect(defaultPeriod('Pacific/Tahiti')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(defaultPeriod()).toEqual(defaultPeriod(DEFAULT_TIME_ZONE));
  });

  it('keeps the day of a record received late in the evening', () => {
    // received at 00:30 in Paris: the dashboard's "today" must include it
    const received = '2026-12-31T23:30:00.000Z';
    expect(zonedDayOf(received, 'Europe/Paris')).toBe(zonedDay(new Date(), 'Europe/Paris'));
    expect(frenchDay(received, 'Europe/Paris')).toBe('01/01/2027');
    expect(frenchDay(received, 'America/Guadeloupe')).toBe('31/12/2026');
    expect(frenchDay('2026-10-02', 'Pacific/Noumea')).toBe('02/10/2026');
  });
});

describe('the zone of a structure', () => {
  it('is Europe/Paris unless a département is overseas', () => {
    expect(timeZoneForDepartements([])).toBe('Europe/Paris');
    expect(timeZoneForDepartements(['13', '2A'])).toBe('Europe/Paris');
    expect(timeZoneForDepartements(['971'])).toBe('America/Guadeloupe');
    expect(timeZoneForDepartements(['972'])).toBe('America/Martinique');
    expect(timeZoneForDepartements(['973'])).toBe('America/Cayenne');
    expect(timeZoneForDepartements(['974'])).toBe('Indian/Reunion');
    expect(timeZoneForDepartements(['976'])).toBe('Indian/Mayotte');
    expect(timeZoneForDepartements(['13', '987'])).toBe('Pacific/Tahiti');
    for (const tz of Object.values(OVERSEAS_TIME_ZONES)) expect(isTimeZone(tz)).toBe(true);
  });

  it('accepts only known zones, up to the length bound', () => {
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(isTimeZone('x'.repeat(TIME_ZONE_MAX_LENGTH + 1))).toBe(false);
    expect(isTimeZone('America/Argentina/ComodRivadavia')).toBe(true);
  });

  it('month starts cross years backwards', () => {
    const d = new Date('2026-03-15T12:00:00Z');
    expect(zonedMonthStart(d, 'Europe/Paris', 0)).toBe('2026-03-01');
    expect(zonedMonthStart(d, 'Europe/Paris', 3)).toBe('2025-12-01');
    expect(zonedMonthStart(d, 'Europe/Paris', 15)).toBe('2024-12-01');
  });

  it('the dashboard uses the chosen structure, else the user zone', () => {
    const options = { timeZone: 'Europe/Paris', structures: [{ id: 'a', timeZone: 'Indian/Reunion' }, { id: 'b', timeZone: 'Europe/Paris' }] };
    expect(zoneOf({ structureId: ['a'] }, options)).toBe('Indian/Reunion');
    expect(zoneOf({}, options)).toBe('Europe/Paris');
    expect(zoneOf({}, undefined)).toBe('Europe/Paris');
  });
});
