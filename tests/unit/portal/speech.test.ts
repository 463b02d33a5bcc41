import { describe, expect, it } from 'vitest';
import { voiceFor } from '../../../src/app/features/kiosk/lib/speech.ts';

const voice = (lang: string, localService: boolean, name = `${lang}-${localService ? 'local' : 'cloud'}`) =>
  ({ lang, localService, name, default: false, voiceURI: name }) as SpeechSynthesisVoice;

describe('choosing a read-aloud voice', () => {
  it('prefers a voice that runs on the device (works offline, sends nothing away)', () => {
    const voices = [voice('ar-SA', false), voice('fr-FR', true), voice('ar-EG', true)];
    expect(voiceFor('ar', voices)?.name).toBe('ar-EG-local');
  });

  it('takes any voice of the language when no local one exists, whatever the region or separator', () => {
    expect(voiceFor('uk', [voice('uk_UA', false)])?.name).toBe('uk_UA-cloud');
    expect(voiceFor('pt', [voice('pt-BR', false), voice('es-ES', true)])?.name).toBe('pt-BR-cloud');
  });

  it('finds none when the language has no voice: the button is then hidden', () => {
    expect(voiceFor('tr', [voice('fr-FR', true), voice('en-GB', true)])).toBeUndefined();
  });
});
