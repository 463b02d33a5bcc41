// Builds the compact commune index (src/shared/communes/search.ts: parseCommuneIndex) from the
// official data of @etalab/decoupage-administratif: current communes and the arrondissements
// municipaux of Paris, Lyon and Marseille. Run at build time only (vite plugin).

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
}

export function buildCommuneIndex(communes: readonly RawCommune[]): string {
  const lines: string[] = [];
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    const name = c.nom.replace(/[\t\n]/g, ' ');
    // A postcode that starts like the INSEE code is stored by its last three digits.
    const head = c.code.slice(0, 2);
    const postcodes = (c.codesPostaux ?? []).map((p) => (p.startsWith(head) ? p.slice(2) : p));
    lines.push(`${c.code}\t${name}\t${postcodes.join(',')}\t${c.type === 'arrondissement-municipal' ? 'a' : ''}`);
  }
  lines.sort();
  return lines.join('\n') + '\n';
}
