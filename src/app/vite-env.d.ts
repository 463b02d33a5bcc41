/// <reference types="vite/client" />
declare const __BUILD_ID__: string;
/** true only in a build made with KARIOLE_TEST_HOOKS=1 (e2e tests that drive the app's db module) */
declare const __KARIOLE_TEST_HOOKS__: boolean;

/** The compact index of French communes generated at build time (vite.config.ts: communesIndex). */
declare module 'virtual:kariole-communes' {
  const text: string;
  export default text;
}
