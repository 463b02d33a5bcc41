import { foldText } from '../text.ts';
import type { PortalLink } from './schema.ts';

// portal-catalogue.md: "Préfecture (template: https://www.{département}.gouv.fr, e.g. nord.gouv.fr)".
// Paris has no such site: its préfecture de police and région pages live elsewhere.
const EXCEPTIONS: Record<string, string> = {
  '75': 'https://www.prefectures-regions.gouv.fr/ile-de-france',
};

/** The préfecture site of a département from its name ("Bouches-du-Rhône" → bouches-du-rhone.gouv.fr). */
export function prefectureUrl(code: string, name: string): string {
  const exception = EXCEPTIONS[code];
  if (exception) return exception;
  const slug = foldText(name)
    .replace(/^la /, '')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `https://www.${slug}.gouv.fr`;
}

/** The generated "local" entries of a structure: one préfecture per département of its territory. */
export function prefectureLinks(departements: { code: string; name: string }[]): PortalLink[] {
  return departements.map((d) => ({
    id: `prefecture-${d.code.toLowerCase()}`,
    name: `Préfecture (${d.name})`,
    url: prefectureUrl(d.code, d.name),
    category: 'local',
    pictogram: 'prefecture',
    audience: 'public',
    description: 'Le site de la préfecture : titres de séjour, rendez-vous, actualités et démarches du département.',
    checklist: [],
    i18n: {
      en: { name: `Prefecture (${d.name})`, description: 'The prefecture’s site: residence permits, appointments, news and procedures of the département.' },
      ar: { name: `المحافظة (${d.name})`, description: 'موقع المحافظة: بطاقات الإقامة، المواعيد، الأخبار وإجراءات المقاطعة.' },
      es: { name: `Prefectura (${d.name})`, description: 'El sitio de la prefectura: permisos de residencia, citas, noticias y trámites del departamento.' },
      pt: { name: `Prefeitura (${d.name})`, description: 'O site da prefeitura: autorizações de residência, marcações, notícias e procedimentos do departamento.' },
      tr: { name: `Valilik (${d.name})`, description: 'Valiliğin sitesi: oturma izinleri, randevular, haberler ve ilin işlemleri.' },
      uk: { name: `Префектура (${d.name})`, description: 'Сайт префектури: посвідки на проживання, записи на прийом, новини та процедури департаменту.' },
    },
  }));
}
