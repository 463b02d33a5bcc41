import { describe, expect, it } from 'vitest';
import { accessWays } from '../../../src/app/features/venues/lib/access.ts';
import { SENDER_PHONE_MAX, checkSenderPhone } from '../../../src/app/features/venues/lib/print-layout.ts';
import { MAX_ROLL_MM, ROLLS, rollHeightMm, rollPageRule } from '../../../src/app/shell/print-size.ts';

const venue = (modalites_acces: string[], extra: { prise_rdv?: string; telephone?: string; courriels?: string[] } = {}) => ({
  modalites_acces,
  courriels: extra.courriels ?? [],
  ...(extra.prise_rdv ? { prise_rdv: extra.prise_rdv } : {}),
  ...(extra.telephone ? { telephone: extra.telephone } : {}),
});

describe('how a person gets received, from modalites_acces and prise_rdv', () => {
  it('says walk-in, by appointment, both or unknown', () => {
    expect(accessWays(venue(['Se présenter'])).appointment).toBe('walkIn');
    expect(accessWays(venue(['Téléphoner'], { telephone: '+33491000000' })).appointment).toBe('byAppointment');
    expect(accessWays(venue([], { prise_rdv: 'https://rdv.fr' })).appointment).toBe('byAppointment');
    expect(accessWays(venue(['Se présenter', 'Contacter par mail'])).appointment).toBe('both');
    expect(accessWays(venue([])).appointment).toBe('unknown');
    expect(accessWays(venue(["Ce lieu n'accueille pas de public"])).noPublic).toBe(true);
  });

  it('lists the ways to book with what is needed to use them', () => {
    const ways = accessWays(
      venue(['Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne', 'Envoyer un mail avec une fiche de prescription'], {
        telephone: '+33491000000',
        courriels: ['accueil@lieu.fr'],
        prise_rdv: 'https://rdv.fr/x',
      }),
    );
    expect(ways.book).toEqual([
      { kind: 'phone', value: '+33491000000' },
      { kind: 'email', value: 'accueil@lieu.fr' },
      { kind: 'online', value: 'https://rdv.fr/x' },
      { kind: 'prescription', value: 'accueil@lieu.fr' },
    ]);
    // "Téléphoner" without a number gives no way to call
    expect(accessWays(venue(['Téléphoner'])).book).toEqual([]);
  });
});

describe("the sending structure's phone", () => {
  it('accepts a phone up to the bound and refuses beyond it or anything else', () => {
    expect(checkSenderPhone('  04 91 00  11 22 ')).toEqual({ phone: '04 91 00 11 22' });
    expect(checkSenderPhone('+33 (0)4.91-00-11-22')).toEqual({ phone: '+33 (0)4.91-00-11-22' });
    expect(checkSenderPhone('')).toEqual({ phone: '' });
    const atBound = `+${'1'.repeat(SENDER_PHONE_MAX - 1)}`;
    expect(checkSenderPhone(atBound)).toEqual({ phone: atBound });
    expect(checkSenderPhone(`${atBound}1`)).toEqual({ error: 'tooLong' });
    expect(checkSenderPhone('appelez-nous')).toEqual({ error: 'invalid' });
    expect(checkSenderPhone('112')).toEqual({ error: 'invalid' });
  });
});

describe('roll pages sized to their content', () => {
  it('grows with the content, keeps the margins and stays bounded', () => {
    const short = rollHeightMm(ROLLS['80'], 300);
    const long = rollHeightMm(ROLLS['80'], 900);
    expect(short).toBeGreaterThan((300 * 25.4) / 96);
    expect(long - short).toBeGreaterThanOrEqual(Math.floor((600 * 25.4) / 96));
    expect(rollHeightMm(ROLLS['58'], 0)).toBeGreaterThan(0);
    expect(rollHeightMm(ROLLS['58'], 1e7)).toBe(MAX_ROLL_MM);
    expect(rollPageRule(ROLLS['58'], 300, 'slip-58')).toMatch(/^@page slip-58 \{ size: 58mm \d+mm; margin: 2mm 4mm; \}$/);
  });
});
