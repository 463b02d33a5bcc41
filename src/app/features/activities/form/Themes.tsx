import { useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { ADMIN_THEME_PARENT, ADMIN_THEMES, THEMES } from '../../../../shared/activity/codes.ts';
import { localiseLink, mostAsked } from '../../../../shared/portal/localise.ts';
import { linkInCategory } from '../../../../shared/portal/categories.ts';
import type { PortalLink } from '../../../../shared/portal/schema.ts';
import { setAidantsConnect, toggleAdminTheme, togglePortalLink, toggleTheme } from '../lib/form-state.ts';
import { Choice, ChoiceGroup } from '../components/Choice.tsx';
import type { SectionProps } from './types.ts';

// "Aide aux démarches administratives" first: it is the most frequent help where Kariole is
// used; the other themes follow, the mediator's most used first.
function orderedThemes(frequent: readonly string[]) {
  const rank = (code: string) => (frequent.includes(code) ? frequent.indexOf(code) : frequent.length);
  const rest = THEMES.filter((x) => x.code !== ADMIN_THEME_PARENT)
    .map((x, i) => ({ x, i }))
    .sort((a, b) => rank(a.x.code) - rank(b.x.code) || a.i - b.i)
    .map(({ x }) => x);
  return [...THEMES.filter((x) => x.code === ADMIN_THEME_PARENT), ...rest];
}
const FEW_SITES = 8;
const SHORTCUTS = 5;

/** The démarches offered before any theme is chosen: the mediator's own most used, then the national top five. */
function frequentSites(data: SectionProps['data']): { link: PortalLink; adminTheme?: string }[] {
  const byId = new Map(data.links.map((l) => [l.id, l]));
  const out: { link: PortalLink; adminTheme?: string }[] = [];
  for (const f of data.usual.frequentSites) {
    const link = byId.get(f.id);
    if (link && out.length < SHORTCUTS) out.push({ link, adminTheme: f.adminTheme });
  }
  for (const link of mostAsked(data.links)) if (out.length < SHORTCUTS && !out.some((o) => o.link.id === link.id)) out.push({ link });
  return out;
}

/** Themes; with "Aide aux démarches administratives": its themes, the sites used and Aidants Connect. */
export function Themes({ state, update, data, errors }: SectionProps) {
  const { t, lang } = useT('activities');
  const [allSites, setAllSites] = useState(false);
  const admin = state.themes.includes(ADMIN_THEME_PARENT);

  // Sites of the chosen démarche categories first (the catalogue uses the same ten categories).
  const chosen = new Set<string>(state.adminThemes);
  const relevant = data.links.filter((l) => l.category === 'local' || [...chosen].some((c) => linkInCategory(l, c)));
  const base = chosen.size > 0 ? relevant : data.links;
  const few = base.slice(0, FEW_SITES);
  const selectedElsewhere = data.links.filter((l) => state.portalLinkIds.includes(l.id) && !few.includes(l));
  const sites = allSites ? data.links : [...few, ...selectedElsewhere];

  const ORDERED_THEMES = orderedThemes(data.usual.frequentThemes);
  // one tap for the usual démarche: the site, its category (the one last used with it) and the theme
  const shortcuts = state.type === 'individuel' && state.themes.length === 0 && data.links.length > 0 ? frequentSites(data) : [];

  const themeChoice = ({ code }: (typeof THEMES)[number]) => (
    <Choice key={code} icon={code} pressed={state.themes.includes(code)} label={t(`codes.themes.${code}`)} onClick={() => update((s) => toggleTheme(s, code))} testId={`theme-${code}`} />
  );
  const error = errors.includes('themes');

  // The administrative block opens right under its theme, before the other themes: no scrolling
  // between the taps of the most frequent session.
  return (
    <fieldset class={`act-group${error ? ' act-group--error' : ''}`} id="act-themes" tabIndex={-1} aria-describedby={error ? 'act-themes-error' : undefined}>
      <legend class="act-group__legend">{t('form.themes')}</legend>
      {error && (
        <p class="field-error" id="act-themes-error">
          {t('errors.themes')}
        </p>
      )}
      {shortcuts.length > 0 && (
        <ChoiceGroup id="act-frequent" legend={t('form.frequentSites')} hint={t('form.frequentSitesHint')}>
          {shortcuts.map(({ link, adminTheme }) => (
            <Choice
              key={link.id}
              img={`/pictos/${link.pictogram}.svg`}
              pressed={false}
              label={localiseLink(link, lang).name}
              onClick={() => update((s) => togglePortalLink(s, link.id, adminTheme ?? link.category))}
              testId={`frequent-${link.id}`}
            />
          ))}
        </ChoiceGroup>
      )}
      <div class="choices">{ORDERED_THEMES.slice(0, 1).map(themeChoice)}</div>
      {admin && (
        <div class="act-sub act-sub--admin">
          <ChoiceGroup id="act-admin-themes" legend={t('form.adminThemes')}>
            {ADMIN_THEMES.map(({ code }) => (
              <Choice key={code} icon={code} pressed={state.adminThemes.includes(code)} label={t(`codes.adminThemes.${code}`)} onClick={() => update((s) => toggleAdminTheme(s, code))} testId={`admin-${code}`} />
            ))}
          </ChoiceGroup>
          {data.links.length > 0 && (
            <ChoiceGroup id="act-sites" legend={t('form.sites')} hint={t('form.sitesHint')}>
              {sites.map((l) => (
                <Choice
                  key={l.id}
                  img={`/pictos/${l.pictogram}.svg`}
                  pressed={state.portalLinkIds.includes(l.id)}
                  label={localiseLink(l, lang).name}
                  onClick={() => update((s) => togglePortalLink(s, l.id, l.category))}
                  testId={`site-${l.id}`}
                />
              ))}
              {data.links.length > sites.length || allSites ? (
                <button type="button" class="btn btn-ghost" aria-expanded={allSites} onClick={() => setAllSites(!allSites)}>
                  {allSites ? t('form.sitesFewer') : t('form.sitesAll')}
                </button>
              ) : null}
            </ChoiceGroup>
          )}
          <ChoiceGroup id="act-aidants-connect" legend={t('form.aidantsConnect')} hint={t('form.aidantsConnectHint')}>
            <Choice pressed={state.aidantsConnect} label={t('form.yes')} icon="check" onClick={() => update((s) => setAidantsConnect(s, !s.aidantsConnect))} testId="aidants-connect" />
          </ChoiceGroup>
        </div>
      )}
      <div class="choices act-themes-rest">{ORDERED_THEMES.slice(1).map(themeChoice)}</div>
    </fieldset>
  );
}
