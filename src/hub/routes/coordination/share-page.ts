import { MASK_THRESHOLD, type Count, type PublicStats, type StatsFilters } from '../../../shared/stats/types.ts';
import { labelOf, ACTIVITY_TYPES, ADMIN_THEMES, THEMES } from '../../../shared/activity/codes.ts';
import { NOISE_MAX, P_TABLE_WEIGHTS } from '../../../shared/stats/perturbation.ts';
import { frenchDateTime } from '../../../shared/time/zoned-date.ts';

// The public stats page of a share link: plain HTML and CSS (no script), readable and printable.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fmt = (c: Count) => (typeof c === 'number' ? c.toLocaleString('fr-FR') : c);
const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const TITLES: Record<string, string> = {
  type: "Type d'accompagnement",
  themes: "Thématiques d’accompagnement",
  adminThemes: 'Démarches administratives',
  channel: "Canaux d'accompagnement",
  durationBucket: 'Durée des accompagnements',
  venue: "Lieux d'activité",
  commune: 'Commune des bénéficiaires',
  genre: 'Genre',
  ageBand: "Tranche d'âge",
  status: 'Statut',
  equipment: 'Matériel numérique utilisé',
  oriented: 'Bénéficiaire orienté',
  aidantsConnect: 'Aidants Connect utilisé',
  passNumerique: 'Pass numérique',
  portalSites: 'Sites utilisés',
  autonomy: "Niveau d'autonomie",
  tags: 'Étiquettes',
  activityCommune: "Commune du lieu d'activité",
};

/** What a public page says of its protection (JSON `protection`, docs/public-figures.md). */
export const PROTECTION = {
  method: 'clé de cellule (cell-key)',
  threshold: MASK_THRESHOLD,
  noiseMax: NOISE_MAX,
  wholeMonths: true,
  methodUrl: 'methode',
} as const;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const frMonth = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f7f5f0;color:#1b1b1b;line-height:1.5}
main{max-width:60rem;margin:auto;padding:1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:0 0 .5rem}
.lead{color:#4a4a4a}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem;margin:1rem 0}
.kpi,.card{background:#fff;border:1px solid #d6d2c8;border-radius:12px;padding:1rem}
.kpi strong{display:block;font-size:2rem;color:#0b4f6c}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
table{width:100%;border-collapse:collapse}td,th{padding:.25rem .4rem;text-align:start;vertical-align:middle}
td.n{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{height:.8rem;background:#0b4f6c;border-radius:4px}.bar.masked{background:repeating-linear-gradient(45deg,#bbb 0 4px,#ddd 4px 8px)}
.note{font-size:.9rem;color:#4a4a4a}
@media print{body{background:#fff}.kpi,.card{break-inside:avoid}}
`;

function bars(entries: { label: string; count: Count }[]): string {
  const max = Math.max(1, ...entries.map((e) => (typeof e.count === 'number' ? e.count : 0)));
  const rows = entries
    .map((e) => {
      const w = typeof e.count === 'number' ? Math.round((e.count / max) * 100) : 8;
      const bar = `<div class="bar${typeof e.count === 'number' ? '' : ' masked'}" style="width:${w}%"></div>`;
      return `<tr><th scope="row">${esc(e.label)}</th><td class="n">${esc(fmt(e.count))}</td><td style="width:40%">${bar}</td></tr>`;
    })
    .join('');
  return `<table>${rows}</table>`;
}

/** The list of values of a filter (one or several; older links hold a single value). */
const values = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function periodText(from: string, to: string): string {
  return from.slice(0, 7) === to.slice(0, 7) ? `en ${frMonth(from)}` : `de ${frMonth(from)} à ${frMonth(to)} (du ${frDate(from)} au ${frDate(to)})`;
}

function filterLine(f: StatsFilters): string {
  const loose = f as Record<string, string | string[] | undefined>;
  const parts = [
    values(loose.type).length ? `Type : ${values(loose.type).map((t) => labelOf(ACTIVITY_TYPES, t)).join(', ')}` : '',
    values(loose.theme).length ? `Thématique : ${values(loose.theme).map((t) => labelOf(THEMES, t)).join(', ')}` : '',
    values(loose.adminTheme).length ? `Démarche : ${values(loose.adminTheme).map((t) => labelOf(ADMIN_THEMES, t)).join(', ')}` : '',
    values(loose.commune).length ? `Communes (INSEE) : ${values(loose.commune).join(', ')}` : '',
    values(loose.departement).length ? `Départements : ${values(loose.departement).join(', ')}` : '',
    values(loose.venueId).length ? `${values(loose.venueId).length} lieu(x) d'activité choisi(s)` : '',
    values(loose.tag).length ? `${values(loose.tag).length} étiquette(s) choisie(s)` : '',
    loose.conseillerNumerique === 'oui' ? 'Conseillers numériques seulement' : loose.conseillerNumerique === 'non' ? 'Hors conseillers numériques' : '',
  ];
  return parts.filter(Boolean).map(esc).join(' · ');
}

export interface SharePageContext {
  /** the filters served, over whole months (from and to set) */
  filters: StatsFilters & { from: string; to: string };
  /** names of the structures covered; empty = every structure of the hub */
  structures: string[];
  /** ISO instant the figures were computed */
  computedAt: string;
  /** the structures' time zone */
  timeZone: string;
}

export function renderSharePage(p: PublicStats, ctx: SharePageContext): string {
  const f = ctx.filters;
  const kpi = (label: string, c: Count) => `<div class="kpi"><strong>${esc(fmt(c))}</strong>${esc(label)}</div>`;
  const months = p.series.byMonth.map((m) => ({ label: `${m.period.slice(5, 7)}/${m.period.slice(0, 4)}`, count: m.accompaniments }));
  const breakdowns = p.breakdowns as Record<string, PublicStats['breakdowns']['type']>;
  const sections = Object.keys(breakdowns)
    .filter((k) => breakdowns[k]?.length)
    .map((k) => `<section class="card"><h2>${esc(TITLES[k] ?? k)}</h2>${bars(breakdowns[k]!)}</section>`)
    .join('');
  const who = ctx.structures.length ? `des structures ${ctx.structures.join(', ')}` : 'de toutes les structures du hub';
  const filters = filterLine(f);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Médiation numérique — chiffres partagés</title><style>${STYLE}</style></head>
<body><main><h1>Médiation numérique : les chiffres</h1>
<p class="lead">Cette page compte les <strong>accompagnements</strong> (une personne accompagnée lors d'une séance individuelle ou d'un atelier collectif) ${esc(who)}, ${esc(periodText(f.from, f.to))}.</p>
${filters ? `<p class="lead">Filtres : ${filters}</p>` : ''}
<p class="lead">Chiffres calculés le ${esc(frenchDateTime(ctx.computedAt, ctx.timeZone))} (heure de ${esc(ctx.timeZone)}).</p>
<div class="kpis">${kpi('accompagnements', p.totals.accompaniments)}${kpi('activités (séances et ateliers)', p.totals.activities)}${kpi('nouveaux bénéficiaires', p.totals.newBeneficiaries)}</div>
<section class="card"><h2>Accompagnements par mois</h2>${bars(months)}</section>
<div class="grid">${sections}</div>
<p class="note" id="protection">Protection des personnes : tout nombre inférieur à ${MASK_THRESHOLD} est affiché « &lt; ${MASK_THRESHOLD} », d'autres nombres sont « masqué » lorsqu'ils permettraient de le retrouver, et chaque nombre affiché est légèrement modifié (de ${NOISE_MAX} au plus, en plus ou en moins) selon la méthode de la clé de cellule des instituts statistiques, afin qu'on ne puisse pas retrouver une personne en comparant deux tableaux. Les totaux ne sont donc pas toujours la somme exacte de leurs parties. <a href="${PROTECTION.methodUrl}">Comment ces chiffres sont protégés</a>. Données anonymes saisies avec Kariole.</p>
</main></body></html>`;
}

/** The method page linked from every public page (docs/public-figures.md in short). */
export function renderMethodPage(): string {
  const total = P_TABLE_WEIGHTS.reduce((a, b) => a + b, 0);
  const rows = P_TABLE_WEIGHTS.map((w, i) => `<tr><th scope="row">${i - NOISE_MAX > 0 ? '+' : ''}${i - NOISE_MAX}</th><td class="n">${Math.round((w / total) * 1000) / 10} %</td></tr>`).join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Comment les chiffres publics sont protégés</title><style>${STYLE}</style></head>
<body><main><h1>Comment les chiffres publics sont protégés</h1>
<section class="card">
<p>Les pages publiques de Kariole comptent des <strong>accompagnements</strong> sur des <strong>mois entiers</strong>. Trois protections s'appliquent :</p>
<ol>
<li>Tout nombre inférieur à ${MASK_THRESHOLD} est affiché « &lt; ${MASK_THRESHOLD} » (zéro compris) ; d'autres nombres sont « masqué » quand ils permettraient de le recalculer.</li>
<li>Chaque nombre affiché est modifié d'un petit écart, de −${NOISE_MAX} à +${NOISE_MAX}, nul en moyenne : c'est la méthode de la <em>clé de cellule</em> publiée par les instituts statistiques (Bureau australien de statistique, Eurostat). L'écart dépend d'une clé secrète tirée des fiches comptées : le même tableau montre toujours les mêmes nombres, et deux tableaux qui diffèrent d'une seule personne ne se soustraient pas pour la retrouver.</li>
<li>Un lien public porte sur des mois entiers (un mois, un trimestre, une année), jamais sur quelques jours.</li>
</ol>
<p>Un nombre affiché à ${MASK_THRESHOLD}, ${MASK_THRESHOLD + 1} ou ${MASK_THRESHOLD + 2} reste au moins égal à ${MASK_THRESHOLD} : l'écart y est plus petit. Les totaux sont modifiés comme les autres nombres : ils ne sont pas toujours la somme exacte de leurs parties.</p>
<h2>Table des écarts (nombres de ${MASK_THRESHOLD + NOISE_MAX} et plus)</h2>
<table>${rows}</table>
</section></main></body></html>`;
}

export function renderShareGone(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Lien retiré</title><style>${STYLE}</style></head>
<body><main><h1>Ce lien n'est plus disponible</h1><p class="lead">Le lien de partage n'existe pas ou a été retiré par la coordination qui l'avait créé.</p></main></body></html>`;
}
