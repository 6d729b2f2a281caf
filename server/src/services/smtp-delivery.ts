/**
 * One message handed to an SMTP server over one connection, with nodemailer's SMTPConnection
 * (its SMTP client without the transport around it), for one reason: the message is given
 * as a stream whose end waits for `gate()`. nodemailer writes the final `.` that makes the
 * server take the message only after the stream ends, so when `gate` writes "committing" to
 * the database first, a message whose row never got there was certainly not accepted (see
 * `receipt-email-queue.ts`). A gate that answers false ends the attempt with nothing sent.
 *
 * The outcome says what is known: `sent`; `refused` with the server's reply code (it
 * certainly did not take the message); or `broken` (the connection failed) with whether the
 * gate had been passed — only a broken attempt past the gate may have been delivered.
 */
import { Readable } from 'node:stream';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  /** smtps: TLS from the first byte; smtp: plain, upgraded with STARTTLS when offered. */
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  /** `?requireTLS=true` on the URL: refuse to send unless STARTTLS succeeds. */
  readonly requireTLS: boolean;
}

/** How long nodemailer waits at each step, so an attempt ends well inside the queue's lease. */
export const SMTP_TIMEOUTS = {
  connectionMs: 15_000,
  greetingMs: 15_000,
  socketMs: 60_000,
} as const;

/** Reads `smtp://user:pass@host:port` or `smtps://…`; throws a sentence naming the problem. */
export function parseSmtpUrl(url: string): SmtpTarget {
  const protocol = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error('AISLE_SMTP_URL must start with smtp:// or smtps://');
  }
  const options = parseConnectionUrl(url) as {
    host?: string;
    port?: number;
    secure?: boolean;
    auth?: { user: string; pass: string };
    requireTLS?: unknown;
  };
  if (options.host === undefined || options.host === '') {
    throw new Error('AISLE_SMTP_URL needs a host, e.g. smtp://user:pass@mail.example.com:587');
  }
  const secure = options.secure === true;
  return {
    host: options.host,
    port: options.port ?? (secure ? 465 : 587),
    secure,
    auth:
      options.auth === undefined
        ? null
        : {
            user: decodeURIComponent(options.auth.user),
            pass: decodeURIComponent(options.auth.pass),
          },
    requireTLS: options.requireTLS === true,
  };
}

export type DeliveryOutcome =
  | { readonly kind: 'sent'; readonly response: string }
  | {
      readonly kind: 'refused';
      readonly responseCode: number;
      /**
       * A 5xx about this message (its recipient or its content): sending it again cannot
       * help. A 5xx to the sign-in or the sender is the server's setup, which an
       * administrator can fix, so those are retried like a 4xx.
       */
      readonly permanent: boolean;
      readonly message: string;
    }
  | { readonly kind: 'broken'; readonly message: string; readonly pastGate: boolean }
  /** The gate said no (the attempt lost its claim, or the server is stopping). */
  | { readonly kind: 'withheld' };

export interface Delivery {
  readonly outcome: Promise<DeliveryOutcome>;
  /** Whether the message's end may have been handed over (the gate said yes). */
  readonly pastGate: () => boolean;
  /** Drops the connection at once; only safe (and only done) while the gate is not passed. */
  readonly abort: () => boolean;
}

interface NodemailerError extends Error {
  responseCode?: number;
  response?: string;
  /** The SMTP command the error answers (`RCPT TO`, `DATA`, `AUTH PLAIN`, `CONN` …). */
  command?: string;
}

const MESSAGE_COMMANDS: ReadonlySet<string> = new Set(['RCPT TO', 'DATA']);

/** The message, then — once `gate` agrees — its end. */
class GatedMessage extends Readable {
  private _sent = false;
  private _gating = false;

  constructor(
    private readonly _message: Buffer,
    private readonly _gate: () => Promise<boolean>,
    private readonly _onPassed: () => void,
  ) {
    super();
  }

  override _read(): void {
    if (!this._sent) {
      this._sent = true;
      this.push(this._message);
      return;
    }
    if (this._gating) return;
    this._gating = true;
    this._gate().then(
      (open) => {
        if (!open) {
          this.destroy(new Error('withheld'));
          return;
        }
        this._onPassed();
        this.push(null);
      },
      (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

export function deliver(
  target: SmtpTarget,
  envelope: { readonly from: string; readonly to: string },
  message: Buffer,
  gate: () => Promise<boolean>,
): Delivery {
  let pastGate = false;
  let gateStarted = false;
  let withheld = false;
  const connection = new SMTPConnection({
    host: target.host,
    port: target.port,
    secure: target.secure,
    requireTLS: target.requireTLS,
    connectionTimeout: SMTP_TIMEOUTS.connectionMs,
    greetingTimeout: SMTP_TIMEOUTS.greetingMs,
    socketTimeout: SMTP_TIMEOUTS.socketMs,
    // A store server's mail relay is often on the store's own network.
    allowInternalNetworkInterfaces: true,
  });

  const outcome = new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const settle = (result: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      if (result.kind === 'sent') connection.quit();
      else connection.close();
      resolve(result);
    };
    const failed = (error: NodemailerError): void => {
      if (withheld) {
        settle({ kind: 'withheld' });
        return;
      }
      const text = (error.response ?? error.message).slice(0, 300);
      if (typeof error.responseCode === 'number' && error.responseCode >= 400) {
        settle({
          kind: 'refused',
          responseCode: error.responseCode,
          permanent: error.responseCode >= 500 && MESSAGE_COMMANDS.has(error.command ?? ''),
          message: text,
        });
        return;
      }
      settle({ kind: 'broken', message: text, pastGate });
    };
    connection.on('error', failed);
    // A reply that closes the connection (421) also reaches the send's callback; that answer,
    // with its code, is the better one, so the bare "closed" waits a turn.
    connection.once('end', () =>
      setImmediate(() => {
        const last =
          typeof connection.lastServerResponse === 'string' ? connection.lastServerResponse : '';
        const code = /^([45]\d\d)[ -]/.exec(last)?.[1];
        failed(
          Object.assign(
            new Error(`the mail server closed the connection${last === '' ? '' : `: ${last}`}`),
            {
              ...(code === undefined ? {} : { responseCode: Number(code), response: last }),
            },
          ),
        );
      }),
    );

    const source = new GatedMessage(
      message,
      async () => {
        gateStarted = true;
        const open = await gate();
        if (!open) withheld = true;
        return open;
      },
      () => {
        pastGate = true;
      },
    );
    const send = (): void =>
      connection.send(envelope, source, (error, info) => {
        if (error !== null) failed(error);
        else settle({ kind: 'sent', response: info.response });
      });
    connection.connect((error?: NodemailerError) => {
      if (error !== undefined) {
        failed(error);
        return;
      }
      if (target.auth === null) {
        send();
        return;
      }
      connection.login(target.auth, (loginError) => {
        if (loginError !== null) failed(loginError);
        else send();
      });
    });
  });

  return {
    outcome,
    pastGate: () => pastGate,
    abort: () => {
      if (gateStarted) return false;
      withheld = true;
      connection.close();
      return true;
    },
  };
}
