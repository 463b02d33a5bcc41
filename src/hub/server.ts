import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { HubConfig } from './config.ts';
import { migrateToLatest, openDatabase, type HubDatabase } from './plugins/db.ts';
import { seedDemoIfEmpty, type SeedResult } from './seed/index.ts';

export interface RunningHub {
  app: FastifyInstance;
  database: HubDatabase;
  url: string;
  seeded: SeedResult | undefined;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds demo data on a new database, and listens. */
export async function startHub(config: HubConfig, opts: { logger?: boolean | object } = {}): Promise<RunningHub> {
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db) : undefined;
  const app = await buildApp({ config, db: database.db, dialect: database.dialect, logger: opts.logger });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    database,
    url: `http://${shownHost}:${port}`,
    seeded,
    close() {
      closing ??= (async () => {
        await app.close();
        await database.close();
      })();
      return closing;
    },
  };
}

/** Stops accepting requests, lets those in flight finish, closes the database, exits. */
export function closeOnSignals(hub: RunningHub): void {
  const stop = (signal: string) => {
    hub.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
