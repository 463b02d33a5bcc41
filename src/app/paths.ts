/**
 * Top-level paths (French, as people read them in the address bar). Each feature routes below
 * its prefix. A module of its own: features link to each other through it without importing
 * routes.tsx, which lazily imports the features.
 */
export const PATHS = {
  home: '/',
  activities: '/accompagnements',
  portal: '/portail',
  kiosk: '/kiosque',
  venues: '/orienter',
  sync: '/synchro',
  settings: '/reglages',
  coordination: '/coordination',
} as const;
