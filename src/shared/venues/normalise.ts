import { departementOf } from './departement.ts';
import { ENUMERATIONS, LEGACY_COLUMNS, LIST_COLUMNS, REQUIRED_COLUMNS, VENUE_COLUMNS, type ListColumn } from './fields.ts';
import { mapConditionsAcces, mapLabelsNationaux, mapPublicsAccueillis } from './legacy.ts';
import type { Venue } from './schema.ts';
import {
  cleanText,
  isEpochDate,
  matchEnum,
  normaliseCoordinate,
  normaliseDate,
  normaliseEmail,
  normalisePhone,
  normaliseUrl,
  splitList,
} from './values.ts';

export interface FieldIssue {
  path: string;
  message: string;
}

export type NormaliseResult =
  | { ok: true; venue: Venue; warnings: FieldIssue[] }
  | { ok: false; id: string | undefined; errors: FieldIssue[]; warnings: FieldIssue[] };

export interface NormaliseOptions {
  /** whether an `horaires` value parses (the hub passes opening_hours); unparseable hours are kept with a warning */
  hoursParse?: (value: string) => boolean;
  /** the INSEE code of a commune from its postcode and name, when the file lacks it */
  inseeOf?: (codePostal: string, commune: string) => string | undefined;
  /** whether a postcode belongs to the commune (its INSEE code when given); a padded postcode that does not is refused */
  postcodeBelongs?: (codePostal: string, commune: string, codeInsee?: string) => boolean;
}

const KNOWN = new Set<string>([...VENUE_COLUMNS, ...Object.keys(LEGACY_COLUMNS)]);

/** Column names as they come (BOM, spaces, capitals) → the standard's spelling. */
export function normaliseColumnName(name: string): string {
  return name.replace(/^\ufeff/, '').trim().toLowerCase().replace(/\s+/g, '_');
}

/** Which columns of a file are legacy (mapped) and which are unknown (ignored), for the report. */
export function describeColumns(names: string[]): { legacy: { from: string; to: string }[]; unknown: string[]; missing: string[] } {
  const cols = names.map(normaliseColumnName);
  return {
    legacy: cols.filter((c) => LEGACY_COLUMNS[c]).map((c) => ({ from: c, to: LEGACY_COLUMNS[c]! })),
    unknown: cols.filter((c) => c && !KNOWN.has(c)),
    missing: REQUIRED_COLUMNS.filter((c) => !cols.includes(c)),
  };
}

const LIST_SEMICOLON_SAFE = new Set<string>(LIST_COLUMNS.filter((c) => c !== 'autres_formations_labels' && c !== 'site_web'));

/**
 * One row of a file in the national standard (v1.0.x or legacy v0.1 columns) → a normalised
 * Venue, or the reasons it cannot be kept. Doubtful but usable values give warnings.
 */
export function normaliseVenueRow(input: Record<string, unknown>, opts: NormaliseOptions = {}): NormaliseResult {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) raw[normaliseColumnName(k)] = v;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });
  const text = (c: string) => cleanText(raw[c]);

  const id = text('id');
  for (const c of REQUIRED_COLUMNS) if (!text(c)) errors.push({ path: c, message: `${c} : champ obligatoire manquant` });

  const pivot = text('pivot')?.replace(/\s/g, '');
  if (pivot && !/^[a-zA-Z0-9]{9,14}$/.test(pivot)) errors.push({ path: 'pivot', message: `pivot : « ${pivot} » n'est pas un SIRET ou RNA (9 à 14 lettres ou chiffres)` });

  let codePostal = text('code_postal')?.replace(/\s/g, '');
  const paddedFrom = codePostal && /^\d{4}$/.test(codePostal) ? codePostal : undefined;
  if (paddedFrom) codePostal = `0${paddedFrom}`;
  if (codePostal && !/^\d{5}$/.test(codePostal)) errors.push({ path: 'code_postal', message: `code_postal : « ${codePostal} » n'est pas un code postal à 5 chiffres` });

  const dateRaw = text('date_maj');
  const date = normaliseDate(dateRaw);
  if (dateRaw && !date) errors.push({ path: 'date_maj', message: `date_maj : « ${dateRaw} » n'est pas une date (AAAA-MM-JJ)` });
  if (date && isEpochDate(date)) warn('date_maj', `date_maj : ${date} est une date par défaut (époque Unix), la vraie date de mise à jour est inconnue`);

  let codeInsee = text('code_insee')?.toUpperCase().replace(/\s/g, '');
  if (codeInsee && /^\d{4}$/.test(codeInsee)) codeInsee = `0${codeInsee}`;
  if (codeInsee && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(codeInsee)) {
    warn('code_insee', `code_insee : « ${codeInsee} » n'est pas un code INSEE, ignoré`);
    codeInsee = undefined;
  }
  const commune = text('commune');
  if (paddedFrom && commune) {
    // A lost leading zero is put back only when the result is a postcode of the row's commune.
    if (opts.postcodeBelongs && !opts.postcodeBelongs(codePostal!, commune, codeInsee)) {
      const of = codeInsee ? `de la commune « ${commune} » (code INSEE ${codeInsee})` : `de la commune « ${commune} »`;
      errors.push({ path: 'code_postal', message: `code_postal : « ${paddedFrom} » complété en « ${codePostal} » n'est pas un code postal ${of}` });
    } else warn('code_postal', `code_postal : « ${paddedFrom} » complété en « ${codePostal} » (zéro initial perdu)`);
  }
  if (!codeInsee && codePostal && commune && opts.inseeOf) codeInsee = opts.inseeOf(codePostal, commune);

  const departement = codePostal && /^\d{5}$/.test(codePostal) ? departementOf(codePostal, codeInsee) : undefined;
  if (codePostal && /^\d{5}$/.test(codePostal) && !departement) errors.push({ path: 'code_postal', message: `code_postal : « ${codePostal} » ne correspond à aucun département` });

  if (errors.length || !id || !pivot || !codePostal || !date || !departement) return { ok: false, id, errors, warnings };

  // Lists, with legacy columns merged in.
  const lists = {} as Record<ListColumn, string[]>;
  for (const c of LIST_COLUMNS) lists[c] = splitList(raw[c], { semicolon: LIST_SEMICOLON_SAFE.has(c) });
  lists.typologie = lists.typologie.flatMap((t) => t.split(',')).map((t) => t.trim().toUpperCase()).filter(Boolean);
  if (raw.site_web !== undefined) lists.site_web = splitList(String(raw.site_web ?? '').split(/\||;\s*(?=https?:|www\.)/));
  lists.courriels.push(...splitList(raw.courriel));

  if (raw.publics_accueillis !== undefined) {
    const m = mapPublicsAccueillis(splitList(raw.publics_accueillis));
    lists.publics_specifiquement_adresses.push(...m.publics);
    lists.prise_en_charge_specifique.push(...m.support);
    for (const u of m.unknown) warn('publics_accueillis', `publics_accueillis : « ${u} » non reconnu, ignoré`);
  }
  if (raw.conditions_acces !== undefined) {
    for (const item of splitList(raw.conditions_acces)) {
      const f = mapConditionsAcces(item);
      if (f) lists.frais_a_charge.push(f);
      else warn('conditions_acces', `conditions_acces : « ${item} » non reconnu, ignoré`);
    }
  }
  if (raw.labels_nationaux !== undefined) {
    const m = mapLabelsNationaux(splitList(raw.labels_nationaux));
    lists.dispositif_programmes_nationaux.push(...m.programmes);
    lists.formations_labels.push(...m.trainings);
    lists.autres_formations_labels.push(...m.others);
  }
  lists.autres_formations_labels.push(...splitList(raw.labels_autres, { semicolon: true }));

  for (const [col, values] of Object.entries(ENUMERATIONS) as [ListColumn, readonly string[]][]) {
    const kept: string[] = [];
    for (const item of lists[col]) {
      const canonical = values.includes(item) ? item : matchEnum(col, item);
      if (canonical) {
        if (!kept.includes(canonical)) kept.push(canonical);
      } else warn(col, `${col} : « ${item} » ne fait pas partie des valeurs du standard, ignoré`);
    }
    lists[col] = kept;
  }
  const emails: string[] = [];
  for (const e of lists.courriels) {
    const ok = normaliseEmail(e);
    if (!ok) warn('courriels', `courriels : « ${e} » n'est pas une adresse électronique, ignorée`);
    else if (!emails.includes(ok)) emails.push(ok);
  }
  lists.courriels = emails;
  const sites: string[] = [];
  for (const s of lists.site_web) {
    const ok = normaliseUrl(s);
    if (!ok) warn('site_web', `site_web : « ${s} » n'est pas une adresse web, ignorée`);
    else if (!sites.includes(ok)) sites.push(ok);
  }
  lists.site_web = sites;
  for (const c of ['autres_formations_labels', 'typologie'] as const) lists[c] = [...new Set(lists[c])];

  const venue: Venue = {
    id,
    pivot,
    nom: text('nom')!,
    commune: commune!,
    code_postal: codePostal,
    adresse: text('adresse')!,
    date_maj: date,
    departement,
    ...lists,
  };
  if (codeInsee) venue.code_insee = codeInsee;
  for (const c of ['complement_adresse', 'presentation_resume', 'presentation_detail', 'source', 'structure_parente'] as const) {
    const v = text(c);
    if (v) venue[c] = v;
  }
  if (venue.presentation_resume && venue.presentation_resume.length > 280) {
    warn('presentation_resume', `presentation_resume : ${venue.presentation_resume.length} caractères (280 au plus), gardé tel quel`);
  }

  const lat = normaliseCoordinate(raw.latitude, 90);
  const lon = normaliseCoordinate(raw.longitude, 180);
  const hasLat = cleanText(raw.latitude) !== undefined;
  const hasLon = cleanText(raw.longitude) !== undefined;
  if (lat !== undefined && lon !== undefined) {
    venue.latitude = lat;
    venue.longitude = lon;
  } else if (hasLat || hasLon) warn('latitude', 'latitude / longitude : coordonnées illisibles ou incomplètes, ignorées');

  const phoneRaw = text('telephone');
  if (phoneRaw) {
    const first = phoneRaw.split(/\s*(?:\/|\||;|\bou\b)\s*/)[0];
    const phone = normalisePhone(first);
    if (phone) venue.telephone = phone;
    else warn('telephone', `telephone : « ${phoneRaw} » n'est pas un numéro reconnu, ignoré`);
  }
  for (const c of ['fiche_acces_libre', 'prise_rdv'] as const) {
    const v = text(c) ?? (c === 'fiche_acces_libre' ? text('accessibilite') : undefined);
    if (!v) continue;
    const url = normaliseUrl(v);
    if (url) venue[c] = url;
    else warn(c, `${c} : « ${v} » n'est pas une adresse web, ignorée`);
  }
  const hours = text('horaires');
  if (hours) {
    venue.horaires = hours;
    if (opts.hoursParse && !opts.hoursParse(hours)) {
      warn('horaires', `horaires : « ${hours} » ne se lit pas (syntaxe OpenStreetMap), gardées telles quelles`);
    }
  }
  return { ok: true, venue, warnings };
}
