/**
 * `buildApp(options)`: the whole store backend as a Fastify instance over an opened, migrated
 * database (seeded with the demo store on first run when asked). Tests build it on a temp
 * SQLite file and call `inject()`; `server.ts` makes it listen. Every route it registers is
 * listed in `app.routeList`, so the access test can prove it covers them all.
 */
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { constants as zlib } from 'node:zlib';
import { installAuth } from './auth.ts';
import { BODY_LIMIT, installBodyLimits } from './body-limits.ts';
import { DEFAULT_ACCESS, type AccessSettings } from './auth-grants.ts';
import { openDatabase, type StoreDb } from './db/database.ts';
import { migrateToLatest } from './db/migrations/index.ts';
import { installErrorHandlers } from './errors.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerConfigRoutes } from './routes/config.ts';
import { registerFulfillmentRoutes } from './routes/fulfillment.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerOpenApi, registerOpenApiRoute } from './routes/openapi.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { registerReturnRoutes } from './routes/returns.ts';
import { registerSerialRoutes } from './routes/serials.ts';
import { registerShiftRoutes } from './routes/shifts.ts';
import { registerStaticRoutes } from './routes/static.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { seedDemoStore } from './seed/demo-store.ts';
import { mailerSettings, ReceiptMailer, type EmailOptions } from './services/receipt-mailer.ts';
import { countStores } from './services/stores.ts';
import { answerClientError, installSecurityHeaders } from './security.ts';
import { typeboxValidatorCompiler } from './validation.ts';

export interface AppOptions {
  /** `sqlite:PATH` or `postgres://…`. */
  databaseUrl: string;
  /** A bearer token with the admin role for every store; null/undefined = none. */
  adminToken?: string | null;
  /** Seed the demo store when the database has no store yet (default false). */
  demo?: boolean;
  /** The built PWA folder; null/undefined = API only. */
  staticDir?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Token lifetimes and sign-in lockout; defaults in `DEFAULT_ACCESS`. */
  access?: Partial<AccessSettings>;
  /** Origins allowed to call the API from another site (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** E-mail receipts through this SMTP server (AISLE_SMTP_URL); null/undefined = none. */
  email?: EmailOptions | null;
}

export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

/** API answers at least this long are compressed when the client accepts it. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** What must never reach a log line: bearer tokens, cookies. Bodies are never logged. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  return { ...(logger === true ? {} : logger), redact: { paths: REDACT, censor: '[redacted]' } };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The database behind this app, for tests and scripts that need to look underneath. */
    storeDb: StoreDb;
    /** Every route registered, in order (HEAD twins of GET routes left out). */
    routeList: RouteEntry[];
  }
}

/** Every request in and every answer out, at debug: a till's sync would fill an info log. */
function logRequestsAtDebug(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.log.debug({ req: request }, 'incoming request');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // A wrong SMTP URL or sender stops the start with its reason, before the database opens.
  const mail = options.email == null ? null : mailerSettings(options.email);
  const store = openDatabase(options.databaseUrl);
  try {
    await migrateToLatest(store.db);
    if (options.demo === true && (await countStores(store)) === 0) await seedDemoStore(store);
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT,
    clientErrorHandler: answerClientError,
    // Fastify logs two lines per request at info; ours are at debug (AISLE_LOG_LEVEL=debug).
    disableRequestLogging: true,
  });
  logRequestsAtDebug(app);
  app.decorate('storeDb', store);
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeList.push({ method, url: route.url, public: route.config?.public === true });
    }
  });
  app.addHook('onClose', () => store.close());
  app.setValidatorCompiler(typeboxValidatorCompiler);
  // Response schemas document the API; answers are plain JSON of what the handlers return.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);
  installBodyLimits(app);
  // API answers above 1 KiB go out compressed (brotli at a quick level: they are made per
  // request; the built app's files are compressed once at build time, routes/static.ts).
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  installSecurityHeaders(app, options.corsOrigins ?? []);
  installAuth(app, store, options.adminToken ?? null);
  await registerOpenApi(app);

  const deps = { store, receiptEmail: mail?.policy ?? null };
  registerHealthRoutes(app, deps);
  registerAuthRoutes(app, { ...deps, access: { ...DEFAULT_ACCESS, ...options.access } });
  registerAdminRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerConfigRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerReturnRoutes(app, deps);
  registerSerialRoutes(app, deps);
  registerShiftRoutes(app, deps);
  registerFulfillmentRoutes(app, deps);
  registerSyncRoutes(app, deps);
  registerOpenApiRoute(app);
  await registerStaticRoutes(app, options.staticDir ?? null);
  const mailer = mail === null ? null : new ReceiptMailer(store, mail.settings, app.log);
  // Before the database closes: the attempt in flight is cut off or finished (receipt-mailer.ts).
  if (mailer !== null) app.addHook('preClose', () => mailer.stop());
  await app.ready();
  mailer?.start();
  return app;
}
