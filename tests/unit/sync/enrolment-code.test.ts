import { describe, expect, it } from 'vitest';
import { ENROLMENT_ALPHABET, enrolmentCodeCandidates, normaliseEnrolmentCode } from '../../../src/shared/protocol/enrol.ts';

describe('typing an enrolment code', () => {
  it('ignores case, spaces, dashes and full-width characters', () => {
    expect(normaliseEnrolmentCode(' k7qm-4pxa ')).toBe('K7QM4PXA');
    expect(normaliseEnrolmentCode('Ｋ７ＱＭ ４ＰＸＡ')).toBe('K7QM4PXA');
    expect(enrolmentCodeCandidates('k7qm 4pxa')).toEqual(['K7QM4PXA']);
  });

  it('reads characters codes never contain as their look-alikes', () => {
    for (const c of '0O1IL') expect(ENROLMENT_ALPHABET).not.toContain(c);
    expect(enrolmentCodeCandidates('0ABCDEFG')).toEqual(['DABCDEFG', 'QABCDEFG']);
    expect(enrolmentCodeCandidates('1ABCDEFG')).toEqual(['JABCDEFG', 'TABCDEFG', '7ABCDEFG']);
    expect(enrolmentCodeCandidates('lo2345AB')).toHaveLength(6);
  });

  it('gives nothing to try for a wrong length or too many doubtful characters', () => {
    expect(enrolmentCodeCandidates('ABC')).toEqual([]);
    expect(enrolmentCodeCandidates('ABCDEFGHJ')).toEqual([]);
    expect(enrolmentCodeCandidates('0000ABCD')).toEqual([]);
  });
});
