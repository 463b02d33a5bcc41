import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../../i18n/use-t.ts';
import { speak, stopSpeaking, useVoice } from '../lib/speech.ts';

/** "Listen" button; absent when the device has no voice for the text's language. */
export function ReadAloud({ text, lang }: { text: string; lang: string }) {
  const { t } = useT('kiosk');
  const voice = useVoice(lang);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => stopSpeaking(), []);
  if (!voice) return null;
  return (
    <button
      type="button"
      class="btn read-aloud no-print"
      aria-pressed={speaking}
      onClick={() => {
        if (speaking) {
          stopSpeaking();
          setSpeaking(false);
        } else {
          setSpeaking(true);
          speak(text, voice, () => setSpeaking(false));
        }
      }}
    >
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" class="flip-rtl">
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        {!speaking && <path d="M15 8.5a5 5 0 0 1 0 7M17.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />}
      </svg>{' '}
      {speaking ? t('stopListening') : t('listen')}
    </button>
  );
}
