/**
 * The département of a place: from the INSEE code when present (2A/2B for Corsica,
 * three digits overseas: 971…976, 975, 977, 978, 98x), otherwise from the postcode
 * (20000–20199 → 2A, 20200+ → 2B). Undefined when neither gives one.
 */
export function departementOf(codePostal: string | undefined, codeInsee?: string): string | undefined {
  const insee = codeInsee?.trim().toUpperCase();
  if (insee && /^([013-9]\d|2[AB1-9])\d{3}$/.test(insee)) {
    if (insee.startsWith('97') || insee.startsWith('98')) return insee.slice(0, 3);
    return insee.slice(0, 2);
  }
  const cp = codePostal?.trim();
  if (!cp || !/^\d{5}$/.test(cp)) return undefined;
  if (cp.startsWith('97') || cp.startsWith('98')) return cp.slice(0, 3);
  if (cp.startsWith('20')) return Number(cp) < 20200 ? '2A' : '2B';
  if (cp.startsWith('00')) return undefined;
  return cp.slice(0, 2);
}

/** Normalises a typed-in list of départements ("13, 2a, 971") to codes; invalid entries are returned apart. */
export function parseDepartements(input: string[]): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const raw of input) {
    const v = raw.trim().toUpperCase();
    if (!v) continue;
    const padded = /^\d$/.test(v) ? `0${v}` : v;
    if (/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-8]|98[4-9])$/.test(padded) && padded !== '20') {
      if (!codes.includes(padded)) codes.push(padded);
    } else invalid.push(raw);
  }
  return { codes, invalid };
}
