import { useT } from '../../../i18n/use-t.ts';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { hasSpeech, useVoices, voiceFor } from '../lib/speech.ts';

/**
 * For the team, before starting the kiosk: the kiosk languages this tablet cannot read aloud
 * (read-aloud is silently absent for the public in those languages).
 */
export function VoiceCheck({ codes }: { codes: string[] }) {
  const { t } = useT('kiosk');
  const voices = useVoices();
  const languages = codes.length ? LANGUAGES.filter((l) => codes.includes(l.code)) : LANGUAGES;
  if (!hasSpeech()) {
    return (
      <p class="notice notice--warn" data-testid="setup-voices">
        {t('setup.voicesNone')}
      </p>
    );
  }
  const missing = languages.filter((l) => !voiceFor(l.code, voices));
  if (missing.length === 0) {
    return (
      <p class="hint" data-testid="setup-voices">
        {t('setup.voicesAll')}
      </p>
    );
  }
  const names = missing.map((l) => l.nativeName);
  return (
    <p class="notice notice--warn" role="status" data-testid="setup-voices">
      {t('setup.voicesMissing', { languages: new Intl.ListFormat(document.documentElement.lang || 'fr', { type: 'conjunction' }).format(names) })}
    </p>
  );
}
