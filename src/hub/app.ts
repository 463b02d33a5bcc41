import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import { constants as zlib } from 'node:zlib';
import type { HubConfig } from './config.ts';
import type { DB, Dialect } from './db/schema.ts';
import { installProblemHandler } from './plugins/problem.ts';
import { registerStatic } from './plugins/static.ts';
import { installTextGuard } from './plugins/text-guard.ts';
import { installSecurityHeaders } from './plugins/security-headers.ts';
import { registerRoutes } from './routes/index.ts';
import { registerOpenApi } from './plugins/openapi.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: DB;
    dialect: Dialect;
    config: HubConfig;
  }
}

export interface BuildOptions {
  config: HubConfig;
  db: DB;
  dialect: Dialect;
  /** pino logger options; false in tests */
  logger?: boolean | object;
}

/** Builds the hub (API + static app) without listening: tests call app.inject(). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  // Forwarded headers are believed only from the proxies TRUST_PROXY names (none by default).
  const tp = opts.config.trustProxy;
  const trustProxy: FastifyServerOptions['trustProxy'] = typeof tp === 'number' ? (_address: string, hop: number) => hop < tp : tp;
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 10_000,
    trustProxy,
    return503OnClosing: true,
  });
  app.decorate('db', opts.db);
  app.decorate('dialect', opts.dialect);
  app.decorate('config', opts.config);

  installProblemHandler(app);
  installSecurityHeaders(app);
  installTextGuard(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    // Kiosk links open official sites in new tabs; keep the referrer minimal but present.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // API answers are compressed for the browsers that accept it: a page of 1,000 places is
  // ~600 kB of JSON and a tenth of that compressed, which is what a 4G bar in a bus lets
  // through. The app's files are compressed at build time (static.ts sends those copies).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await registerOpenApi(app);
  await registerRoutes(app);
  await registerStatic(app, opts.config.distDir);
  return app;
}
