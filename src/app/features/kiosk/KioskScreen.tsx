import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useT } from '../../i18n/use-t.ts';
import { loadDeviceSettings } from '../../db/settings.ts';
import { PATHS } from '../../paths.ts';
import { useCatalogue } from '../portal/lib/use-catalogue.ts';
import { ExitDialog } from './components/ExitDialog.tsx';
import { GlossaryView } from './components/GlossaryView.tsx';
import { IdleWarning } from './components/IdleWarning.tsx';
import { KioskBar } from './components/KioskBar.tsx';
import { KioskPortal } from './components/KioskPortal.tsx';
import { LanguageDialog } from './components/LanguageDialog.tsx';
import { SheetDialog } from './components/SheetDialog.tsx';
import { Welcome } from './components/Welcome.tsx';
import { useIdle } from './lib/idle.ts';
import { setKioskLanguages, uiLanguage } from './lib/languages.ts';
import { leaveKiosk } from './lib/session.ts';
import { exitFullscreen, keepScreenAwake, letScreenSleep } from './lib/screen.ts';
import { defaultLanguage, dialog, resetKiosk, resets, screen } from './lib/state.ts';

export const DEFAULT_IDLE_SECONDS = 120;
const WARN_SECONDS = 20;

/** The locked kiosk: welcome screen, portal, glossary; back to the welcome screen when left alone. */
export function KioskScreen() {
  const { t } = useT('portal');
  const { route } = useLocation();
  const catalogue = useCatalogue(resets.value);
  const [idleSeconds, setIdleSeconds] = useState(DEFAULT_IDLE_SECONDS);

  useEffect(() => {
    resetKiosk();
    keepScreenAwake();
  }, []);
  // The tablet keeps syncing all day: each return to the welcome screen picks up new settings.
  useEffect(() => {
    void loadDeviceSettings()
      .catch(() => undefined)
      .then((s) => {
        if (!s) return;
        setIdleSeconds(s.kioskIdleSeconds);
        setKioskLanguages(s.languages);
        defaultLanguage.value = s.languages.includes('fr') || !s.languages[0] ? 'fr' : s.languages[0];
      });
  }, [resets.value]);
  // 20 s before the reset, a countdown offers to continue (someone may be reading a checklist)
  const left = useIdle(idleSeconds, resetKiosk, true, WARN_SECONDS);
  const busy = screen.value !== 'welcome' || dialog.value !== undefined;

  const exit = () => {
    resetKiosk();
    letScreenSleep();
    exitFullscreen();
    leaveKiosk();
    route(PATHS.portal);
  };

  return (
    <div class="kiosk" data-testid="kiosk" key={uiLanguage.value} onContextMenu={(e) => e.preventDefault()}>
      {screen.value === 'welcome' ? (
        <Welcome />
      ) : (
        <>
          <KioskBar />
          <main id="main" class="kiosk-main">
            {screen.value === 'glossary' ? <GlossaryView /> : catalogue ? <KioskPortal catalogue={catalogue} /> : <p role="status">{t('loading')}</p>}
          </main>
        </>
      )}
      {catalogue && <SheetDialog catalogue={catalogue} />}
      {dialog.value === 'language' && <LanguageDialog />}
      {dialog.value === 'exit' && <ExitDialog onExit={exit} />}
      {left !== undefined && busy && <IdleWarning seconds={left} />}
    </div>
  );
}
