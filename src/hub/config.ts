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
  /**
   * Which proxies may set X-Forwarded-For/-Proto/-Host (TRUST_PROXY): false (unset: nobody,
   * the socket's address is the client), a hop count, or a list of addresses / CIDR ranges.
   */
  trustProxy: false | number | string[];
}

/** TRUST_PROXY: unset or empty = trust nobody; "1" = one proxy hop; "10.0.0.1,192.168.0.0/16" = these addresses. */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new Error(`TRUST_PROXY: a hop count from 0 to 10 is expected (got "${raw}").`);
    return hops;
  }
  if (v.toLowerCase() === 'true') {
    throw new Error('TRUST_PROXY=true would believe any forged X-Forwarded-For header: give the number of proxies in front of the hub (e.g. 1) or their addresses.');
  }
  const list = v.split(',').map((a) => a.trim()).filter(Boolean);
  const bad = list.filter((a) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(a));
  if (bad.length) throw new Error(`TRUST_PROXY: "${bad.join('", "')}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal.`);
  return list;
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
