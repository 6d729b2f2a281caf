/**
 * Reads the server's environment once, with defaults, into a typed settings object. Nothing
 * else in the server reads `process.env`, so tests pass settings directly.
 */
export interface ServerSettings {
  port: number;
  host: string;
  databaseUrl: string;
  /** When set, a bearer token with the admin role for every store (integrations). */
  adminToken: string | null;
  /** Seed the demo store on first run (no stores yet). */
  demo: boolean;
  staticDir: string;
  /** AISLE_CORS_ORIGINS, comma-separated origins allowed to call the API cross-site. */
  corsOrigins: string[];
  /** AISLE_LOG_LEVEL: `info` (default: start, warnings, errors) or `debug` (every request). */
  logLevel: LogLevel;
  /** AISLE_SMTP_URL: receipts are e-mailed through it when set (it holds a password). */
  smtpUrl: string | null;
  /** AISLE_SMTP_FROM: the sender of e-mailed receipts. */
  smtpFrom: string | null;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const isLogLevel = (value: string): value is LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value);

export function readSettings(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT ?? ''}"`);
  }
  const adminToken = env.AISLE_ADMIN_TOKEN?.trim() ?? '';
  const logLevel = env.AISLE_LOG_LEVEL?.trim() || 'info';
  if (!isLogLevel(logLevel)) {
    throw new Error(`AISLE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const optional = (value: string | undefined): string | null =>
    value === undefined || value.trim() === '' ? null : value.trim();
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/aisle.sqlite',
    adminToken: adminToken === '' ? null : adminToken,
    demo: env.AISLE_DEMO !== '0',
    staticDir: env.AISLE_STATIC_DIR ?? 'dist',
    corsOrigins: (env.AISLE_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    logLevel,
    smtpUrl: optional(env.AISLE_SMTP_URL),
    smtpFrom: optional(env.AISLE_SMTP_FROM),
  };
}
