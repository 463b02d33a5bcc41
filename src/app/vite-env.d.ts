/// <reference types="vite/client" />
declare const __BUILD_ID__: string;

/** The compact index of French communes generated at build time (vite.config.ts: communesIndex). */
declare module 'virtual:kariole-communes' {
  const text: string;
  export default text;
}
