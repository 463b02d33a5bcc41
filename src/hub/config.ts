import path from 'node:path';

/** Runtime configuration, read once from the environment (protocol.md, "Command line"). */
export interface HubConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  distDir: string;
  /** Public base URL used in share links and kiosk policies; defaults from host/port. */
  publicUrl: string | undefined;
  /** Seed demo data on an empty database (default on; KARIOLE_SEED_DEMO=0 turns it off). */
  seedDemo: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number between 0 and 65535 (got "${env.PORT}").`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    distDir: path.resolve(env.KARIOLE_DIST ?? './dist'),
    publicUrl: env.PUBLIC_URL || undefined,
    seedDemo: env.KARIOLE_SEED_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
