/**
 * The store server's entry point: reads the environment, migrates, seeds the demo store on
 * first run (unless AISLE_DEMO=0), listens, and prints where it is and how to sign in.
 * Run: node --import tsx server/src/main.ts
 */
import { readSettings } from './env.ts';
import { DEMO_USERS } from './seed/demo-catalog.ts';
import { startServer } from './server.ts';

const settings = readSettings();
const server = await startServer({
  port: settings.port,
  host: settings.host,
  databaseUrl: settings.databaseUrl,
  adminToken: settings.adminToken,
  demo: settings.demo,
  staticDir: settings.staticDir,
  corsOrigins: settings.corsOrigins,
  logger: { level: settings.logLevel },
  email: settings.smtpUrl === null ? null : { smtpUrl: settings.smtpUrl, from: settings.smtpFrom },
});

const lines = [
  `Aisle store server listening on ${server.url} (database: ${server.app.storeDb.dialect})`,
  `API document: ${server.url}/v0/openapi.json`,
];
if (settings.demo) {
  lines.push(
    `Demo store sign-in: ${DEMO_USERS.associate.username} / ${DEMO_USERS.associate.password} (associate), ` +
      `${DEMO_USERS.manager.username} / ${DEMO_USERS.manager.password} (manager)`,
  );
}
if (settings.adminToken !== null) lines.push('Admin bearer token: set from AISLE_ADMIN_TOKEN');
// The URL holds the SMTP password: only whether it is set is printed.
lines.push(
  settings.smtpUrl === null
    ? 'Receipts by e-mail: off (set AISLE_SMTP_URL to send them)'
    : 'Receipts by e-mail: on (AISLE_SMTP_URL)',
);
console.log(lines.join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while stopping the server', error);
        process.exit(1);
      },
    );
  });
}
