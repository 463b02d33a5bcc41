import type { core } from 'zod';

// French messages that name the field, attached to each schema (a schema's `error` also
// covers its own checks in zod 4), so the hub and the app give the same plain words.

const EXPECTED: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'oui ou non',
  array: 'une liste',
  object: 'un objet',
  record: 'un objet',
};

function quantity(origin: string | undefined, n: number | bigint): string {
  if (origin === 'array' || origin === 'set') return `${n} élément${Number(n) > 1 ? 's' : ''}`;
  if (origin === 'string') return `${n} caractère${Number(n) > 1 ? 's' : ''}`;
  return String(n);
}

/** An error function giving a French message naming `label` for any issue of the schema. */
export function fr(label: string): (iss: core.$ZodRawIssue) => string {
  return (iss) => {
    if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value')) return `${label} : ce champ est obligatoire.`;
    switch (iss.code) {
      case 'invalid_type':
        return `${label} : ${EXPECTED[iss.expected] ?? 'une valeur valide'} est attendu.`;
      case 'too_small':
        if (iss.origin === 'array' && Number(iss.minimum) === 1) return `${label} : choisissez-en au moins un.`;
        return `${label} : au moins ${quantity(iss.origin, iss.minimum)}.`;
      case 'too_big':
        return `${label} : au plus ${quantity(iss.origin, iss.maximum)}.`;
      case 'invalid_format':
        return `${label} : format invalide.`;
      case 'invalid_value':
        return `${label} : valeur inconnue.`;
      case 'unrecognized_keys':
        return `${label} : champ${iss.keys.length > 1 ? 's' : ''} non autorisé${iss.keys.length > 1 ? 's' : ''} (${iss.keys.join(', ')}).`;
      case 'invalid_key':
        return `${label} : clé inconnue.`;
      default:
        return `${label} : valeur invalide.`;
    }
  };
}
