import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The hub's version, from package.json. */
export const HUB_VERSION: string = pkg.version;
