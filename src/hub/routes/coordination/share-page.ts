import type { Count, PublicStats, StatsFilters } from '../../../shared/stats/types.ts';
import { labelOf, ACTIVITY_TYPES, THEMES } from '../../../shared/activity/codes.ts';

// The public stats page of a share link: plain HTML and CSS (no script), readable and printable.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fmt = (c: Count) => (typeof c === 'number' ? c.toLocaleString('fr-FR') : c);
const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

const TITLES: Record<keyof PublicStats['breakdowns'], string> = {
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

function filterLine(f: StatsFilters, structures: string[]): string {
  const parts = [
    f.from || f.to ? `Période : ${f.from ? `du ${frDate(f.from)}` : 'depuis le début'} ${f.to ? `au ${frDate(f.to)}` : "jusqu'à aujourd'hui"}` : 'Toute la période',
    structures.length ? `Structures : ${structures.join(', ')}` : 'Toutes les structures du hub',
    f.type?.length ? `Type : ${f.type.map((t) => labelOf(ACTIVITY_TYPES, t)).join(', ')}` : '',
    f.theme?.length ? `Thématique : ${f.theme.map((t) => labelOf(THEMES, t)).join(', ')}` : '',
  ];
  return parts.filter(Boolean).map(esc).join(' · ');
}

export function renderSharePage(p: PublicStats, f: StatsFilters, structures: string[]): string {
  const kpi = (label: string, c: Count) => `<div class="kpi"><strong>${esc(fmt(c))}</strong>${esc(label)}</div>`;
  const months = p.series.byMonth.map((m) => ({ label: `${m.period.slice(5, 7)}/${m.period.slice(0, 4)}`, count: m.accompaniments }));
  const sections = (Object.keys(TITLES) as (keyof typeof TITLES)[])
    .filter((k) => p.breakdowns[k].length)
    .map((k) => `<section class="card"><h2>${esc(TITLES[k])}</h2>${bars(p.breakdowns[k])}</section>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Médiation numérique — chiffres partagés</title><style>${STYLE}</style></head>
<body><main><h1>Médiation numérique : les chiffres</h1><p class="lead">${filterLine(f, structures)}</p>
<div class="kpis">${kpi('accompagnements', p.totals.accompaniments)}${kpi('activités (séances et ateliers)', p.totals.activities)}${kpi('nouveaux bénéficiaires', p.totals.newBeneficiaries)}</div>
<section class="card"><h2>Accompagnements par mois</h2>${bars(months)}</section>
<div class="grid">${sections}</div>
<p class="note">Pour protéger les personnes, tout nombre inférieur à 11 est affiché « &lt; 11 », et d'autres nombres sont « masqué » lorsqu'ils permettraient de le retrouver. Données anonymes saisies avec Kariole.</p>
</main></body></html>`;
}

export function renderShareGone(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Lien retiré</title><style>${STYLE}</style></head>
<body><main><h1>Ce lien n'est plus disponible</h1><p class="lead">Le lien de partage n'existe pas ou a été retiré par la coordination qui l'avait créé.</p></main></body></html>`;
}
