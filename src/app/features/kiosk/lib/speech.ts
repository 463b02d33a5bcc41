import { useEffect, useState } from 'preact/hooks';

// Read-aloud through the Web Speech API. Voices that run on the device (localService) work
// offline and send nothing to a cloud service: they are preferred.

function synth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

/** The best voice for a language: a local one first, then any; undefined when none exists. */
export function voiceFor(lang: string, voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | undefined {
  const base = lang.toLowerCase().split('-')[0]!;
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base);
  return matching.find((v) => v.localService) ?? matching[0];
}

/** True when the browser has speech synthesis at all. */
export function hasSpeech(): boolean {
  return !!synth();
}

/** The voice for `lang`, updated when the browser finishes loading its voices. */
export function useVoice(lang: string): SpeechSynthesisVoice | undefined {
  return voiceFor(lang, useVoices());
}

/** The device's voices, updated when the browser finishes loading them. */
export function useVoices(): SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth()?.getVoices() ?? []);
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoices(s.getVoices());
    update();
    s.addEventListener('voiceschanged', update);
    return () => s.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd?: () => void): void {
  const s = synth();
  if (!s) return;
  s.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.9;
  if (onEnd) {
    u.onend = onEnd;
    u.onerror = onEnd;
  }
  s.speak(u);
}

export function stopSpeaking(): void {
  synth()?.cancel();
}
