/**
 * A store server with the receipt mailer in a process of its own, for the tests that kill it
 * with SIGKILL in the middle of a send (no hook runs, nothing is cleaned up: a real crash).
 * Started by `startMailerProcess` in receipt-email-restart.test.ts; prints `READY <port>`.
 *
 * Environment: MAILER_DATABASE_URL, MAILER_SMTP_URL, MAILER_ADMIN_TOKEN, MAILER_LEASE_MS.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../server/src/app.ts';

const need = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
};

const app = await buildApp({
  databaseUrl: need('MAILER_DATABASE_URL'),
  adminToken: need('MAILER_ADMIN_TOKEN'),
  email: {
    smtpUrl: need('MAILER_SMTP_URL'),
    from: 'Aisle Demo Store <receipts@aisle.test>',
    pollMs: 25,
    leaseMs: Number(need('MAILER_LEASE_MS')),
  },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as AddressInfo;
process.stdout.write(`READY ${port}\n`);
