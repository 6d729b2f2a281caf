/**
 * A real SMTP server for the receipt e-mail tests (smtp-server, on a free local port): it
 * signs in `aisle` / `mail-pass`, keeps every message it accepted (raw, with its headers and
 * its text and HTML parts decoded), records each transaction's start, and can be told to
 * refuse transactions or to hold one at a chosen point until the test releases it. No mock:
 * the store server talks SMTP over TCP to it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export const SMTP_USER = 'aisle';
export const SMTP_PASS = 'mail-pass';

export interface ReceivedMessage {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string;
  readonly html: string;
}

/** Where a transaction can be held: before answering RCPT TO, or before answering the final dot. */
export type HoldPoint = 'rcpt' | 'reply';

export interface Hold {
  /** Resolves when a transaction reached the point and waits there. */
  readonly reached: Promise<void>;
  release(): void;
}

export interface Refusal {
  readonly at: 'mail' | 'rcpt' | 'data';
  readonly code: number;
  readonly message: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly messages: ReceivedMessage[];
  /** When each transaction began (MAIL FROM), refused or not. */
  readonly transactions: number[];
  /** The next transactions get these answers, one each, in order. */
  refuseNext(...refusals: Refusal[]): void;
  /** The next transaction waits at `point` until released. */
  holdNext(point: HoldPoint): Hold;
  close(): Promise<void>;
}

/** Undoes quoted-printable (RFC 2045 §6.7): soft line breaks and =XX bytes. */
function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const body = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] ?? '';
    const hex = body.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  if (end < 0) return { headers: parseHeaders(raw), body: '' };
  return {
    headers: parseHeaders(raw.slice(0, end)),
    body: raw.slice(end).replace(/^\r?\n\r?\n/, ''),
  };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** A message's headers and its text/plain and text/html parts (multipart/alternative or single). */
export function parseMessage(raw: string): Omit<ReceivedMessage, 'from' | 'to'> {
  const { headers, body } = splitEntity(raw);
  const parts = { text: '', html: '' };
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const entities =
    boundary === undefined
      ? [{ headers, body }]
      : body
          .split(`--${boundary}`)
          .slice(1)
          .filter((part) => !part.startsWith('--'))
          .map((part) => splitEntity(part.replace(/^\r?\n/, '')));
  for (const entity of entities) {
    const partType = (entity.headers.get('content-type') ?? '').toLowerCase();
    if (partType.startsWith('text/plain')) parts.text = decodeBody(entity.headers, entity.body);
    if (partType.startsWith('text/html')) parts.html = decodeBody(entity.headers, entity.body);
  }
  return { raw, headers, ...parts };
}

function refusalError(refusal: Refusal): Error & { responseCode: number } {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMessage[] = [];
  const transactions: number[] = [];
  const refusals: Refusal[] = [];
  const holds: { point: HoldPoint; reach: () => void; released: Promise<void> }[] = [];
  const releases: (() => void)[] = [];
  // The plan of each transaction, taken when it starts (MAIL FROM), by session id.
  const plans = new Map<
    string,
    { refusal: Refusal | undefined; hold: (typeof holds)[number] | undefined }
  >();

  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    // Plain TCP: smtp-server's own certificate is self-signed, which nodemailer rightly refuses.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A held transaction whose client died must not keep the test waiting at close.
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
      }
    },
    onMailFrom(_address, session, callback) {
      transactions.push(Date.now());
      const plan = { refusal: refusals.shift(), hold: holds.shift() };
      plans.set(session.id, plan);
      if (plan.refusal?.at === 'mail') callback(refusalError(plan.refusal));
      else callback();
    },
    onRcptTo(_address, session, callback) {
      const plan = plans.get(session.id);
      if (plan?.refusal?.at === 'rcpt') {
        callback(refusalError(plan.refusal));
        return;
      }
      if (plan?.hold?.point === 'rcpt') {
        const hold = plan.hold;
        hold.reach();
        void hold.released.then(() => callback());
        return;
      }
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const plan = plans.get(session.id);
        if (plan?.refusal?.at === 'data') {
          callback(refusalError(plan.refusal));
          return;
        }
        // The whole message and its final dot arrived: this server has it now.
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ...parseMessage(raw),
        });
        if (plan?.hold?.point === 'reply') {
          plan.hold.reach();
          void plan.hold.released.then(() => callback(null, 'Queued as test'));
          return;
        }
        callback(null, 'Queued as test');
      });
    },
  });
  // A client killed mid-transaction resets its connection: expected here, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    messages,
    transactions,
    refuseNext: (...next) => void refusals.push(...next),
    holdNext(point) {
      let reach = (): void => undefined;
      let release = (): void => undefined;
      const reached = new Promise<void>((resolve) => (reach = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ point, reach, released });
      releases.push(release);
      return { reached, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of releases) release();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
