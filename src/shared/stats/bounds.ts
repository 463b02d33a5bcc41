// Interval reasoning over linear relations between published counts: what a reader of a
// public page can deduce about each masked count from the shown ones (used by masking.ts).

/** Σ coef·value (op) 0, coefficients ±1. */
export interface Relation {
  terms: { id: string; coef: 1 | -1 }[];
  op: '=' | '>=';
}

export interface Interval {
  lo: number;
  hi: number;
}

/**
 * Tightens every interval to what the relations allow (bounds propagation to a fixpoint,
 * integers). Returns false when the relations cannot all hold.
 */
export function propagate(domains: Map<string, Interval>, relations: readonly Relation[], maxPasses = 200): boolean {
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (const rel of relations) {
      // Bounds of each term a·x, and their sums with infinities counted apart.
      let finLo = 0;
      let finHi = 0;
      let infLo = 0;
      let infHi = 0;
      const terms = rel.terms.map((t) => {
        const d = domains.get(t.id)!;
        const lo = t.coef === 1 ? d.lo : -d.hi;
        const hi = t.coef === 1 ? d.hi : -d.lo;
        if (lo === -Infinity) infLo++;
        else finLo += lo;
        if (hi === Infinity) infHi++;
        else finHi += hi;
        return { t, d, lo, hi };
      });
      for (const { t, d, lo, hi } of terms) {
        // Sum of the other terms.
        const othersLo = lo === -Infinity ? (infLo > 1 ? -Infinity : finLo) : infLo > 0 ? -Infinity : finLo - lo;
        const othersHi = hi === Infinity ? (infHi > 1 ? Infinity : finHi) : infHi > 0 ? Infinity : finHi - hi;
        // a·x + others (op) 0  ⇒  a·x ≥ −othersHi, and for '=' a·x ≤ −othersLo.
        let termLo = -othersHi;
        let termHi = rel.op === '=' ? -othersLo : Infinity;
        if (t.coef === -1) [termLo, termHi] = [-termHi, -termLo];
        const nLo = Math.max(d.lo, Math.ceil(termLo));
        const nHi = Math.min(d.hi, Math.floor(termHi));
        if (nLo > nHi) return false;
        if (nLo !== d.lo || nHi !== d.hi) {
          d.lo = nLo;
          d.hi = nHi;
          changed = true;
        }
      }
    }
    if (!changed) return true;
  }
  return true;
}
