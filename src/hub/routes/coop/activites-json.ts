import { AGE_BANDS, GENRES, PLACE_KINDS, STATUSES, type Coded } from '../../../shared/activity/codes.ts';
import { toActivite, type ActiviteNames, type StoredForApi } from '../../../shared/coop-api/activite.ts';
import { ActiviteListSchema, type ActiviteList } from '../../../shared/coop-api/resources.ts';

// GET /api/v1/activites written straight to JSON text: a page of 500 activities is ~500 kB, and
// building each activity's object (toActivite) then stringifying it cost more than the query.
// The text is, byte for byte, JSON.stringify of toActivite's object as the ActiviteSchema
// orders it (attribute order, every count code, nulls); under the test runner (VITEST set) each
// page is also built the slow way, checked against the schema and compared, so the route's
// tests check this writer on every page they read.

const str = JSON.stringify as (s: string) => string;
const strOrNull = (s: string | null | undefined): string => (s === null || s === undefined ? 'null' : str(s));
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const numOrNull = (n: number | null | undefined): string => (n === null || n === undefined ? 'null' : num(n));

/** `{"code":n,…}` as fullCounts makes it: every code, what the breakdown leaves of total to non_communique. */
function countsJson(codes: readonly Coded[], counts: Partial<Record<string, number>>, total: number): string {
  let sum = 0;
  let out = '';
  let hasRest = false;
  for (const c of codes) {
    if (c.code === 'non_communique') {
      hasRest = true;
      continue;
    }
    const n = counts[c.code] ?? 0;
    sum += n;
  }
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!.code;
    let n = counts[code] ?? 0;
    if (code === 'non_communique' && hasRest) n = n + Math.max(0, total - (sum + n));
    out += `${i ? ',' : ''}"${code}":${num(n)}`;
  }
  return `{${out}}`;
}

const LIEU_ACTIVITE = PLACE_KINDS[0].code;
const EMPTY_BENEFICIAIRES = `{"total":0,"genres":${countsJson(GENRES, {}, 0)},"tranches_age":${countsJson(AGE_BANDS, {}, 0)},"statuts":${countsJson(STATUSES, {}, 0)}}`;

/** One activity as JSON text (the same as JSON.stringify(toActivite(s, names))). */
export function activiteJson(s: StoredForApi, names: ActiviteNames): string {
  const head = `{"type":"activite","id":${str(s.publicId)},"attributes":{"type":`;
  const dates = `"creation":${str(s.receivedAt)},"modification":${str(s.updatedAt)},"suppression":`;
  const r = s.record;
  if (s.deleted || !r) {
    return (
      `${head}null,"mediateur_id":${str(s.mediatorId)},"accompagnements":0,"date":null,"duree":null,"type_lieu":null,"structure_id":null,` +
      `"lieu_code_postal":null,"lieu_commune":null,"lieu_code_insee":null,${dates}${str(s.updatedAt)},"autonomie":null,` +
      `"oriente_vers_structure":null,"structure_de_redirection":null,"materiel":[],"thematiques":[],"tags":[],"precisions_demarche":null,` +
      `"titre_atelier":null,"niveau_atelier":null,"beneficiaires":${EMPTY_BENEFICIAIRES}}}`
    );
  }
  const b = r.beneficiaries;
  const atVenue = r.place.kind === LIEU_ACTIVITE;
  const commune = atVenue ? undefined : names.commune(r.place.communeInsee);
  const portals = names.portalNames(r.portalLinkIds);
  const individual = r.type === 'individuel';
  return (
    `${head}${str(r.type)},"mediateur_id":${str(s.mediatorId)},"accompagnements":${num(b.total)},"date":${strOrNull(r.date)},` +
    `"duree":${numOrNull(r.durationMin)},"type_lieu":${str(r.place.kind)},"structure_id":${atVenue ? strOrNull(r.place.venueId) : 'null'},` +
    `"lieu_code_postal":${strOrNull(commune?.postcode || null)},"lieu_commune":${strOrNull(commune?.name)},` +
    `"lieu_code_insee":${atVenue ? 'null' : strOrNull(r.place.communeInsee)},${dates}null,"autonomie":${strOrNull(r.autonomy)},` +
    `"oriente_vers_structure":${individual ? String(r.orientation?.oriented ?? false) : 'null'},` +
    `"structure_de_redirection":${r.orientation?.oriented ? strOrNull(r.orientation.towards) : 'null'},` +
    `"materiel":${JSON.stringify(r.equipment)},"thematiques":${JSON.stringify(r.adminThemes.length ? [...r.themes, ...r.adminThemes] : r.themes)},` +
    `"tags":${JSON.stringify(names.tagLabels(r.tags))},"precisions_demarche":${portals.length ? str(portals.join(', ')) : 'null'},` +
    `"titre_atelier":${strOrNull(r.workshop?.title)},"niveau_atelier":${strOrNull(r.workshop?.level)},` +
    `"beneficiaires":{"total":${num(b.total)},"genres":${countsJson(GENRES, b.genre, b.total)},` +
    `"tranches_age":${countsJson(AGE_BANDS, b.ageBand, b.total)},"statuts":${countsJson(STATUSES, b.status, b.total)}}}}`
  );
}

const CHECK = Boolean(process.env.VITEST);

/**
 * The response document of a page as JSON text. Under the test runner, the page is also built
 * as objects, validated by ActiviteListSchema and required to stringify to the same text.
 */
export function activiteListJson(
  rows: readonly StoredForApi[],
  namesOf: (structureId: string) => ActiviteNames,
  links: ActiviteList['links'],
  meta: ActiviteList['meta'],
): string {
  let data = '';
  for (let i = 0; i < rows.length; i++) data += (i ? ',' : '') + activiteJson(rows[i]!, namesOf(rows[i]!.structureId));
  const text = `{"data":[${data}],"links":${JSON.stringify(links)},"meta":${JSON.stringify(meta)}}`;
  if (CHECK) {
    const expected = JSON.stringify(ActiviteListSchema.parse({ data: rows.map((r) => toActivite(r, namesOf(r.structureId))), links, meta }));
    if (expected !== text) throw new Error(`GET /api/v1/activites: the JSON writer differs from the schema's document\n${text}\n${expected}`);
  }
  return text;
}
