// Kariole's earlier codes → the Coop's API values (taxonomy.md). The one mapping used by the
// hub's migration 006 (stored records) and by the device's database version 31 (stored
// records, drafts, outbox entries), so both sides convert a record to the same content: a
// record pushed before the upgrade and again after it hashes the same on the hub.
//
// Every function here is total and idempotent: a value already in the new codes, or one it
// does not know, is kept as is (the schema then decides), and converting twice changes nothing.

export const LEGACY_PLACE_KINDS: Readonly<Record<string, string>> = { autre_lieu: 'autre' };

export const LEGACY_THEMES: Readonly<Record<string, string>> = {
  prendre_en_main_materiel: 'prendre_en_main_du_materiel',
  maintenance_materiel: 'maintenance_de_materiel',
  gerer_contenus_numeriques: 'gere_ses_contenus_numeriques',
  navigation_internet: 'navigation_sur_internet',
  banque_achats_en_ligne: 'banque_et_achats_en_ligne',
  accompagner_professionnel: 'entrepreneuriat',
  scolarite_numerique: 'scolarite_et_numerique',
  creer_avec_numerique: 'creer_avec_le_numerique',
  aide_demarches_administratives: 'aide_aux_demarches_administratives',
};

export const LEGACY_AUTONOMY: Readonly<Record<string, string>> = {
  avec_guidage: 'entierement_accompagne',
  autonome_guidage_si_besoin: 'partiellement_autonome',
};

export const LEGACY_ORIENTATION_TARGETS: Readonly<Record<string, string>> = {
  autre_mediation: 'mediation_numerique',
  operateur_demarche: 'operateur_ou_organisme_en_charge',
  insertion_pro: 'insertion_professionnelle',
  aide_demarches: 'aide_aux_demarches_administratives',
};

export const LEGACY_AGE_BANDS: Readonly<Record<string, string>> = {
  moins_12: 'moins_de_douze',
  '12_17': 'douze_dix_huit',
  '18_24': 'dix_huit_vingt_quatre',
  '25_39': 'vingt_cinq_trente_neuf',
  '40_59': 'quarante_cinquante_neuf',
  '60_69': 'soixante_soixante_neuf',
  '70_plus': 'soixante_dix_plus',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function mapCode(map: Readonly<Record<string, string>>, v: unknown): unknown {
  return typeof v === 'string' && Object.hasOwn(map, v) ? map[v] : v;
}

function mapList(map: Readonly<Record<string, string>>, v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const out: unknown[] = [];
  for (const x of v) {
    const y = mapCode(map, x);
    if (!out.includes(y)) out.push(y);
  }
  return out;
}

/** A breakdown map code → count with its keys converted (counts of two keys meeting are added). */
function mapKeys(map: Readonly<Record<string, string>>, v: unknown): unknown {
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, n] of Object.entries(v)) {
    const key = mapCode(map, k) as string;
    out[key] = typeof out[key] === 'number' && typeof n === 'number' ? out[key] + n : n;
  }
  return out;
}

/** Sets `key` on a copy when it is present (never adds a key that was absent). */
function withKey(o: Obj, key: string, convert: (v: unknown) => unknown): Obj {
  return key in o ? { ...o, [key]: convert(o[key]) } : o;
}

/**
 * A record in the new codes: a wire record, a hub-stored record or a device row
 * (`LocalActivity`: the same fields plus local ones, kept untouched).
 */
export function upgradeRecordCodes<T>(record: T): T {
  if (!isObj(record)) return record;
  let r: Obj = record;
  r = withKey(r, 'place', (p) => (isObj(p) ? withKey(p, 'kind', (k) => mapCode(LEGACY_PLACE_KINDS, k)) : p));
  r = withKey(r, 'themes', (t) => mapList(LEGACY_THEMES, t));
  r = withKey(r, 'autonomy', (a) => mapCode(LEGACY_AUTONOMY, a));
  r = withKey(r, 'orientation', (o) => (isObj(o) ? withKey(o, 'towards', (t) => mapCode(LEGACY_ORIENTATION_TARGETS, t)) : o));
  r = withKey(r, 'beneficiaries', (b) => (isObj(b) ? withKey(b, 'ageBand', (a) => mapKeys(LEGACY_AGE_BANDS, a)) : b));
  return r as T;
}

/**
 * A draft of the activity form (its `FormState`: the record's fields, plus `person` with a
 * single age band and `group` with a breakdown) in the new codes.
 */
export function upgradeFormCodes<T>(state: T): T {
  if (!isObj(state)) return state;
  let s: Obj = upgradeRecordCodes(state);
  s = withKey(s, 'person', (p) => (isObj(p) ? withKey(p, 'ageBand', (a) => mapCode(LEGACY_AGE_BANDS, a)) : p));
  s = withKey(s, 'group', (g) => (isObj(g) ? withKey(g, 'ageBand', (a) => mapKeys(LEGACY_AGE_BANDS, a)) : g));
  return s as T;
}
