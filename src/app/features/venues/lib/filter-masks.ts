import { FILTER_GROUPS, type FilterContext } from '../../../../shared/venues/filters.ts';
import type { Venue } from '../../../../shared/venues/schema.ts';

// The filters of shared/venues/filters.ts, precomputed as one bit per option and per place,
// so a keystroke with filters on costs a few integer tests per place instead of list scans
// and opening-hours evaluations (those are computed once per distinct hours text).

const OPTIONS = FILTER_GROUPS.flatMap((g) => g.options);
const BIT = new Map(OPTIONS.map((o, i) => [o.id, 1 << i]));

/** Bits of the options each place matches; hours options only when the hours module is given. */
export function buildFilterMasks(venues: Iterable<Venue>, ctx: FilterContext): Map<string, number> {
  const withHours = Boolean(ctx.isOpenAt && ctx.opensOnWeekend);
  const byHours = new Map<string, number>();
  const masks = new Map<string, number>();
  for (const v of venues) {
    let m = 0;
    OPTIONS.forEach((o, i) => {
      if (!o.hours && o.match(v, ctx)) m |= 1 << i;
    });
    if (withHours && v.horaires) {
      let h = byHours.get(v.horaires);
      if (h === undefined) {
        h = 0;
        for (const [i, o] of OPTIONS.entries()) if (o.hours && o.match(v, ctx)) h |= 1 << i;
        byHours.set(v.horaires, h);
      }
      m |= h;
    }
    masks.set(v.id, m);
  }
  return masks;
}

/** The same semantics as venueFilter (OR within a group, AND across groups) over the bits. */
export function maskFilter(selected: ReadonlySet<string>, masks: Map<string, number>): (v: Venue) => boolean {
  const groups = FILTER_GROUPS.map((g) => g.options.reduce((acc, o) => (selected.has(o.id) ? acc | BIT.get(o.id)! : acc), 0)).filter((b) => b !== 0);
  return (v) => {
    const m = masks.get(v.id) ?? 0;
    for (const g of groups) if ((m & g) === 0) return false;
    return true;
  };
}
