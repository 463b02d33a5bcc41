import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DB } from '../db/schema.ts';
import type { SeedContext } from './index.ts';
import { importVenues } from '../repositories/venue-import.ts';

const DEMO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data-demo/hub-du-sud-2023-05-17.json');

/** Imports the demo venues (data-demo/hub-du-sud-2023-05-17.json) on first start. */
export async function seedVenues(db: DB, _ctx: SeedContext): Promise<string[]> {
  if (!fs.existsSync(DEMO_FILE)) return ['Demo places not imported: data-demo/hub-du-sud-2023-05-17.json is missing.'];
  const r = await importVenues(db, fs.createReadStream(DEMO_FILE), { source: 'hub-du-sud' });
  return [
    `${r.imported} places of the Région Sud directory imported (sample of 2023-05-17; ${r.rejected.length} rejected, ${r.warningCount} warnings: npm run hub -- import-venues FILE for your own file).`,
  ];
}
