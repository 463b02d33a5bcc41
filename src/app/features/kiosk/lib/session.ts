import { i18next } from '../../../i18n/index.ts';
import { setKioskLocked } from '../lock.ts';

// Entering and leaving kiosk mode. The mediator's own language is put back on the way out
// (visitors change the language many times a day).
const RETURN_LANG_KEY = 'kariole.kioskReturnLang';

export function enterKiosk(): void {
  try {
    localStorage.setItem(RETURN_LANG_KEY, i18next.language);
  } catch {
    // private mode: the mediator gets French back
  }
  setKioskLocked(true);
}

export function leaveKiosk(): void {
  setKioskLocked(false);
  let lang = 'fr';
  try {
    lang = localStorage.getItem(RETURN_LANG_KEY) ?? 'fr';
    localStorage.removeItem(RETURN_LANG_KEY);
  } catch {
    // keep French
  }
  void i18next.changeLanguage(lang);
}
