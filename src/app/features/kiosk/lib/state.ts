import { signal } from '@preact/signals';
import { i18next } from '../../../i18n/index.ts';
import { stopSpeaking } from './speech.ts';

// The kiosk's own state: everything a visitor leaves behind. resetKiosk() wipes it so the next
// person starts from the welcome screen and finds nothing of the previous one.

export type KioskScreen = 'welcome' | 'portal' | 'glossary';
export type KioskDialog = 'language' | 'exit' | undefined;

export const screen = signal<KioskScreen>('welcome');
export const categoryId = signal<string | undefined>(undefined);
export const openLinkId = signal<string | undefined>(undefined);
export const query = signal('');
export const glossaryQuery = signal('');
export const dialog = signal<KioskDialog>(undefined);
/** language the kiosk returns to after each visitor */
export const defaultLanguage = signal('fr');
/** counts the returns to the welcome screen: the catalogue and settings synced meanwhile are read again then */
export const resets = signal(0);

/** Back to the welcome screen in the default language, with no trace of the last visitor. */
export function resetKiosk(): void {
  stopSpeaking();
  screen.value = 'welcome';
  categoryId.value = undefined;
  openLinkId.value = undefined;
  query.value = '';
  glossaryQuery.value = '';
  dialog.value = undefined;
  resets.value += 1;
  if (i18next.language !== defaultLanguage.value) void i18next.changeLanguage(defaultLanguage.value);
  if (typeof window !== 'undefined') {
    window.getSelection?.()?.removeAllRanges();
    window.scrollTo(0, 0);
    (document.activeElement as HTMLElement | null)?.blur?.();
  }
}
