import 'i18next';
import type common from './locales/fr/common.json';
import type activities from './locales/fr/activities.json';
import type sync from './locales/fr/sync.json';
import type venues from './locales/fr/venues.json';
import type portal from './locales/fr/portal.json';
import type kiosk from './locales/fr/kiosk.json';
import type coordination from './locales/fr/coordination.json';

// Keys are typed from the French source: a key missing in fr is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      activities: typeof activities;
      sync: typeof sync;
      venues: typeof venues;
      portal: typeof portal;
      kiosk: typeof kiosk;
      coordination: typeof coordination;
    };
  }
}
