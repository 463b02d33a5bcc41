import { describe, expect, it } from 'vitest';
import { guardFormula } from '../../../src/shared/stats/csv.ts';
import { nationalCsvLine } from '../../../src/shared/venues/export.ts';
import type { Venue } from '../../../src/shared/venues/schema.ts';

describe('formula guard on the CSVs the hub writes', () => {
  it('neutralises formulas, leaves phone numbers and plain text', () => {
    expect(guardFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(guardFormula('+cmd|x')).toBe("'+cmd|x");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('+33 1 23 45 67 89')).toBe('+33 1 23 45 67 89');
    expect(guardFormula('Médiathèque')).toBe('Médiathèque');
  });

  it('applies to the venue directory export', () => {
    const v = { id: 'x', nom: '=HYPERLINK("http://evil","clic")', commune: 'Marseille', code_postal: '13002', adresse: '1 rue', departement: '13', pivot: '43493312300029', date_maj: '2024-03-01' } as unknown as Venue;
    expect(nationalCsvLine(v)).toContain(`"'=HYPERLINK(""http://evil"",""clic"")"`);
  });
});
