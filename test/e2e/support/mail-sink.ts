/**
 * A real SMTP server for the e2e run (smtp-server on a free local port), started by serve.ts
 * beside the store server so the store server e-mails receipts as it would in a shop. Every
 * message it accepts is written to `E2E_MAIL_DIR` as JSON (envelope recipients, Message-ID,
 * the raw message), where a spec reads it (`receivedMail`).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  readonly to: readonly string[];
  readonly messageId: string | null;
  readonly raw: string;
}

export interface MailSink {
  /** `smtp://…` for AISLE_SMTP_URL. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startMailSink(dir: string): Promise<MailSink> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain TCP on the loopback: smtp-server's own certificate is self-signed.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message: SunkMessage = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          raw,
        };
        count += 1;
        writeFileSync(join(dir, `${String(count).padStart(4, '0')}.json`), JSON.stringify(message));
        callback(null, 'Queued by the e2e mail sink');
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every message the sink has received so far. */
export function receivedMail(dir: string): SunkMessage[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as SunkMessage);
}
