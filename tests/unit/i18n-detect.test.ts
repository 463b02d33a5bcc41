import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/app/i18n/detect.ts';

describe('the interface language at start', () => {
  it('keeps the language chosen on this device', () => {
    expect(detectLanguage('ar', ['en-GB', 'fr'])).toBe('ar');
    expect(detectLanguage('EN', [])).toBe('en');
  });

  it('else takes the first browser language Kariole speaks, region dropped', () => {
    expect(detectLanguage(null, ['de-DE', 'en-GB', 'fr-FR'])).toBe('en');
    expect(detectLanguage(undefined, ['pt_BR'])).toBe('pt');
    expect(detectLanguage('klingon', ['ar-MA'])).toBe('ar');
  });

  it('else speaks French', () => {
    expect(detectLanguage(null, [])).toBe('fr');
    expect(detectLanguage('', ['de', 'ja-JP'])).toBe('fr');
  });
});
