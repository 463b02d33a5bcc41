import { LANGUAGES, SOURCE_LANGUAGE } from './languages.ts';

// The interface language at start, without a detector library (it weighed 2 kB of the first
// screen): the one the person chose on this device, else the first of the browser's
// languages Kariole speaks (a region is dropped: en-GB → en), else French.

export const LANGUAGE_STORAGE_KEY = 'kariole.lang';

const SUPPORTED = LANGUAGES.map((l) => l.code);

function supported(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  return SUPPORTED.find((c) => c === t) ?? SUPPORTED.find((c) => c === t.split(/[-_]/)[0]);
}

export function detectLanguage(stored: string | null | undefined, browser: readonly string[]): string {
  return supported(stored) ?? browser.map(supported).find((c) => c !== undefined) ?? SOURCE_LANGUAGE;
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLanguage(lng: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode or full storage: the choice lasts for this visit.
  }
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}
