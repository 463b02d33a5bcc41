import type { PortalLink } from './schema.ts';

// Sites an official démarche goes through besides its own address: FranceConnect and its
// identity providers (a person signs in to the CAF with their impots or ameli account).
const SIGN_IN_DOMAINS = ['franceconnect.gouv.fr', 'franceconnect.fr', 'impots.gouv.fr', 'ameli.fr', 'msa.fr', 'laposte.fr', 'france-identite.gouv.fr'];

/** Everything the browser runs and clears when the lobby tablet sits idle (Chrome/Edge IdleTimeoutActions). */
export const KIOSK_IDLE_ACTIONS = [
  'close_browsers',
  'close_tabs',
  'clear_browsing_history',
  'clear_download_history',
  'clear_cookies_and_other_site_data',
  'clear_cached_images_and_files',
  'clear_password_signing',
  'clear_autofill',
  'clear_site_settings',
] as const;

/**
 * A URL filter for a site and its sub-domains: "caf.fr" for https://www.caf.fr (logins often
 * move to wwwd.caf.fr, connect.caf.fr…); "ants.gouv.fr" for https://passeport.ants.gouv.fr.
 */
export function siteFilter(url: string): string {
  const host = new URL(url).hostname.toLowerCase();
  const labels = host.split('.');
  const keep = host.endsWith('.gouv.fr') || host.endsWith('.gouv.fr.') ? 3 : 2;
  return labels.slice(-keep).join('.');
}

export interface KioskPolicyInput {
  links: PortalLink[];
  /** the hub's own address (the kiosk app comes from there) */
  hubUrl: string;
  idleSeconds: number;
}

/** The managed-browser policy (Chrome / Edge JSON) for a structure's lobby tablets. */
export function buildKioskPolicy({ links, hubUrl, idleSeconds }: KioskPolicyInput): Record<string, unknown> {
  const hub = new URL(hubUrl);
  const hubFilter = `${hub.protocol}//${hub.host}`;
  const sites = links.filter((l) => l.audience === 'public' && !l.hidden).map((l) => siteFilter(l.url));
  const allow = [...new Set([hubFilter, ...sites, ...SIGN_IN_DOMAINS])];
  const kioskUrl = `${hubFilter}/kiosque`;
  return {
    URLBlocklist: ['*'],
    URLAllowlist: allow,
    IdleTimeout: Math.max(1, Math.ceil(idleSeconds / 60)),
    IdleTimeoutActions: [...KIOSK_IDLE_ACTIONS],
    RestoreOnStartup: 4,
    RestoreOnStartupURLs: [kioskUrl],
    HomepageLocation: kioskUrl,
    HomepageIsNewTabPage: false,
    ShowHomeButton: true,
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    IncognitoModeAvailability: 1,
    DeveloperToolsAvailability: 2,
  };
}
