/**
 * The e-mailed receipt: a plain-text part and a simple HTML part (no images, no links, no
 * tracking of any kind) with the store, the date in the store's time zone, the sale number,
 * the items with their serials, the totals and every tender. Built with nodemailer's
 * MailComposer into the bytes the SMTP delivery sends; the Message-ID is the queue's, the
 * same on every attempt.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { formatMoney, fromDecimal } from '../../../src/domain/money.ts';
import { receiptNumber } from '../../../src/domain/receipt-number.ts';
import type { Order } from '../../../src/protocol/schemas.ts';
import type { StoresTable } from '../db/tables.ts';

export interface ReceiptSender {
  /** The address receipts come from. */
  readonly address: string;
  /** The name shown beside it; the store's label when null. */
  readonly name: string | null;
}

interface ReceiptRow {
  readonly description: string;
  readonly detail: string | null;
  readonly amount: string;
}

interface ReceiptContent {
  readonly subject: string;
  readonly heading: readonly string[];
  readonly rows: readonly ReceiptRow[];
  readonly totals: readonly (readonly [string, string])[];
  readonly tenders: readonly (readonly [string, string])[];
  readonly closing: string;
}

/** Units of one product at one price without serials are one row ("3 × Cable"). */
function receiptRows(order: Order, money: (amount: number) => string): ReceiptRow[] {
  const rows: {
    title: string;
    serial: string | null;
    price: number;
    count: number;
    key: string;
  }[] = [];
  for (const item of order.items) {
    const title = item.title ?? item.product_id;
    const key = `${item.product_id}|${item.item_price}`;
    const last = rows.at(-1);
    if (item.serial_number === null && last?.serial === null && last.key === key) {
      last.count += 1;
      continue;
    }
    rows.push({ title, serial: item.serial_number, price: item.item_price, count: 1, key });
  }
  return rows.map((row) => ({
    description: row.count === 1 ? row.title : `${row.count} × ${row.title}`,
    detail: row.serial === null ? null : `S/N ${row.serial}`,
    amount: money(row.price * row.count),
  }));
}

function tenderLines(order: Order, money: (amount: number) => string): [string, string][] {
  const lines: [string, string][] = [];
  for (const payment of order.payments) {
    if (payment.method === 'cash') {
      lines.push(['Cash', money(payment.amount)]);
      if (payment.tendered !== undefined) lines.push(['Cash given', money(payment.tendered)]);
      if (payment.change !== undefined && payment.change > 0) {
        lines.push(['Change', money(payment.change)]);
      }
    } else if (payment.method === 'card') {
      const reference = payment.reference === undefined ? '' : ` · reference ${payment.reference}`;
      lines.push([`Card${reference}`, money(payment.amount)]);
    } else {
      lines.push(['Exchange credit', money(payment.amount)]);
    }
  }
  return lines;
}

export function receiptContent(order: Order, store: StoresTable): ReceiptContent {
  const currency = order.currency;
  const money = (amount: number): string =>
    formatMoney(fromDecimal(amount, currency), currency, store.locale);
  const when = new Intl.DateTimeFormat(store.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: store.timezone,
  }).format(new Date(order.placed_at ?? order.created_at));
  const number = receiptNumber(order.external_id);
  const taxRate = new Intl.NumberFormat(store.locale, {
    style: 'percent',
    maximumFractionDigits: 3,
  }).format(store.tax_rate_micros / 1_000_000);
  return {
    subject: `Your receipt from ${store.label} — sale ${number}`,
    heading: [
      store.label,
      ...(store.address === null ? [] : [store.address]),
      when,
      `Sale ${number}`,
    ],
    rows: receiptRows(order, money),
    totals: [
      ['Subtotal', money(order.totals.subtotal)],
      [`Tax ${taxRate}`, money(order.totals.tax)],
      ['Total', money(order.totals.total)],
    ],
    tenders: tenderLines(order, money),
    closing: `Thank you for shopping at ${store.label}.`,
  };
}

/** Pads between a label and an amount so plain-text columns line up in a fixed-width font. */
const column = (left: string, right: string, width = 44): string =>
  `${left}${' '.repeat(Math.max(2, width - left.length - right.length))}${right}`;

export function receiptText(content: ReceiptContent): string {
  const lines = [...content.heading, ''];
  for (const row of content.rows) {
    lines.push(column(row.description, row.amount));
    if (row.detail !== null) lines.push(`  ${row.detail}`);
  }
  lines.push('', ...content.totals.map(([label, amount]) => column(label, amount)));
  lines.push('', 'Paid', ...content.tenders.map(([label, amount]) => column(label, amount)));
  lines.push('', content.closing, '');
  return lines.join('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function receiptHtml(content: ReceiptContent): string {
  const cell = 'padding:4px 0;vertical-align:top';
  const amount = `${cell};text-align:right;white-space:nowrap`;
  const pairs = (entries: readonly (readonly [string, string])[], bold = '') =>
    entries
      .map(
        ([label, value], i) =>
          `<tr><td style="${cell}${i === entries.length - 1 ? bold : ''}">${escapeHtml(label)}</td>` +
          `<td style="${amount}${i === entries.length - 1 ? bold : ''}">${escapeHtml(value)}</td></tr>`,
      )
      .join('');
  const [title = '', ...rest] = content.heading;
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>',
    escapeHtml(content.subject),
    '</title></head><body style="font-family:sans-serif;color:#000;background:#fff">',
    '<div style="max-width:28rem;margin:0 auto">',
    `<h1 style="font-size:1.3rem;margin:0 0 4px">${escapeHtml(title)}</h1>`,
    ...rest.map((line) => `<p style="margin:2px 0">${escapeHtml(line)}</p>`),
    '<table style="width:100%;border-collapse:collapse;margin:12px 0">',
    ...content.rows.map(
      (row) =>
        `<tr><td style="${cell}">${escapeHtml(row.description)}` +
        (row.detail === null
          ? ''
          : `<br><span style="font-size:0.9em;color:#333">${escapeHtml(row.detail)}</span>`) +
        `</td><td style="${amount}">${escapeHtml(row.amount)}</td></tr>`,
    ),
    '</table>',
    '<table style="width:100%;border-collapse:collapse;border-top:1px solid #000">',
    pairs(content.totals, ';font-weight:bold'),
    '</table>',
    '<h2 style="font-size:1rem;margin:12px 0 4px">Paid</h2>',
    `<table style="width:100%;border-collapse:collapse">${pairs(content.tenders)}</table>`,
    `<p style="margin-top:16px">${escapeHtml(content.closing)}</p>`,
    '</div></body></html>',
  ].join('');
}

/** The whole message, ready to send. */
export function composeReceiptEmail(
  order: Order,
  store: StoresTable,
  sender: ReceiptSender,
  recipient: { readonly address: string; readonly name: string | null },
  messageId: string,
  now: Date,
): Promise<Buffer> {
  const content = receiptContent(order, store);
  return new MailComposer({
    from: { name: sender.name ?? store.label, address: sender.address },
    to:
      recipient.name === null
        ? recipient.address
        : { name: recipient.name, address: recipient.address },
    subject: content.subject,
    text: receiptText(content),
    html: receiptHtml(content),
    messageId,
    date: now,
    headers: { 'Auto-Submitted': 'auto-generated' },
  })
    .compile()
    .build();
}
