import { createHash } from 'node:crypto';
import { HttpProblem } from '../../plugins/problem.ts';

// The device cursor: "<last change sequence>.<territory fingerprint>". When a structure's
// territory changes, the fingerprint no longer matches and the device starts again from 0.

function fingerprint(departements: string[]): string {
  return createHash('sha256').update([...departements].sort().join(',')).digest('hex').slice(0, 8);
}

export function encodeCursor(seq: number, departements: string[]): string {
  return `${seq}.${fingerprint(departements)}`;
}

/** The sequence to pull after; 0 for no cursor or another territory's. 400 for a cursor that is not one of ours. */
export function decodeCursor(cursor: string | undefined, departements: string[]): number {
  if (cursor === undefined || cursor === '') return 0;
  const m = /^(\d{1,15})\.([0-9a-f]{8})$/.exec(cursor);
  if (!m) throw new HttpProblem(400, 'Curseur invalide', "Le paramètre since n'est pas un curseur renvoyé par le hub.", [{ path: 'since', message: 'since : curseur inconnu' }]);
  return m[2] === fingerprint(departements) ? Number(m[1]) : 0;
}

/**
 * Why a pull starts again from the first place, if it does: `start` (no cursor: first pull,
 * new enrolment, reset device), `territory` (a cursor of other départements). The device then
 * replaces its places rather than adding to them (protocol-notes.md).
 */
export function cursorRestart(cursor: string | undefined, departements: string[]): 'start' | 'territory' | undefined {
  if (cursor === undefined || cursor === '') return 'start';
  const m = /^(\d{1,15})\.([0-9a-f]{8})$/.exec(cursor);
  return m && m[2] !== fingerprint(departements) ? 'territory' : undefined;
}

/** `limit`: default 1000, at most 5000. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new HttpProblem(400, 'Limite invalide', 'limit doit être un nombre entier positif.', [{ path: 'limit', message: 'limit : nombre entier de 1 à 5000' }]);
  return Math.min(n, 5000);
}
