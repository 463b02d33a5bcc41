import type { Venue } from '../../../../shared/venues/schema.ts';

// How a person gets seen at a place, from the venue standard's modalites_acces and prise_rdv:
// what the paper slip says instead of a live "open now" that is wrong by the time it is read.

export type Appointment = 'walkIn' | 'byAppointment' | 'both' | 'unknown';

export interface AccessWays {
  appointment: Appointment;
  /** ways to book, in the order people use them */
  book: { kind: 'phone' | 'email' | 'online' | 'prescription'; value?: string }[];
  /** the place does not receive the public */
  noPublic: boolean;
}

const WALK_IN = 'Se présenter';
const BOOKING = ['Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne', 'Envoyer un mail avec une fiche de prescription'];

export function accessWays(v: Pick<Venue, 'modalites_acces' | 'prise_rdv' | 'telephone' | 'courriels'>): AccessWays {
  const m = v.modalites_acces;
  const walkIn = m.includes(WALK_IN);
  const booking = Boolean(v.prise_rdv) || m.some((x) => BOOKING.includes(x));
  const appointment: Appointment = walkIn && booking ? 'both' : walkIn ? 'walkIn' : booking ? 'byAppointment' : 'unknown';
  const book: AccessWays['book'] = [];
  if (m.includes('Téléphoner') && v.telephone) book.push({ kind: 'phone', value: v.telephone });
  if (m.includes('Contacter par mail') && v.courriels[0]) book.push({ kind: 'email', value: v.courriels[0] });
  if (v.prise_rdv || m.includes('Prendre un RDV en ligne')) book.push({ kind: 'online', ...(v.prise_rdv ? { value: v.prise_rdv } : {}) });
  if (m.includes('Envoyer un mail avec une fiche de prescription')) book.push({ kind: 'prescription', ...(v.courriels[0] ? { value: v.courriels[0] } : {}) });
  return { appointment, book, noPublic: m.includes("Ce lieu n'accueille pas de public") };
}
