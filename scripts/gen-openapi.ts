// Writes the hub's generated OpenAPI documents into docs/openapi/ (checked in, so a reviewer
// sees contract changes in the diff; tests/hub/coop-api-openapi.test.ts fails when they are stale).
// Usage: npm run openapi
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/hub/app.ts';
import { readConfig } from '../src/hub/config.ts';
import { migrateToLatest, openDatabase } from '../src/hub/plugins/db.ts';
import { coopDocument, hubDocument } from '../src/hub/plugins/openapi.ts';

export const DOC_ORIGIN = 'https://hub.example.org';

const database = openDatabase({ dataDir: '/tmp', sqliteFile: ':memory:' });
await migrateToLatest(database.db);
const app = await buildApp({ config: { ...readConfig({}), seedDemo: false }, db: database.db, dialect: database.dialect, logger: false });
await app.ready();
const out = path.resolve('docs/openapi');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'hub.openapi.json'), JSON.stringify(hubDocument(app), null, 2) + '\n');
fs.writeFileSync(path.join(out, 'coop-v1.openapi.json'), JSON.stringify(coopDocument(app, DOC_ORIGIN), null, 2) + '\n');
await app.close();
await database.close();
process.stdout.write(`Wrote ${path.relative(process.cwd(), out)}/hub.openapi.json and coop-v1.openapi.json\n`);
