/**
 * A sale's receipt: store, date and time, sale number, the customer, lines (a serialized unit
 * with its serial and where that serial stands), totals, tenders, whether the server has the
 * sale yet and whether the receipt was e-mailed. Printed on its own (see the print rules in
 * index.html and the views), narrow and black on white, as a receipt printer or an A4 page.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, minor } from '../domain/money.ts';
import type { Sale, SaleLine } from '../domain/sale.ts';
import type { ReceiptEmailView } from '../domain/receipt-email.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import { saleAmounts } from '../domain/sale-amounts.ts';
import { warrantyEnd } from '../domain/store-history.ts';
import './pos-receipt-code.ts';
import { formatDateTime, formatDay, percentOff, screenLocale } from '../i18n/format.ts';
import { discountReasonLabel } from '../i18n/reason-words.ts';
import { receiptPaperStyles } from './receipt-styles.ts';

const SYNC_LABELS: Record<Sale['sync']['state'], () => string> = {
  pending: () => msg('Waiting to sync — kept safely on this device'),
  synced: () => msg('Synced with the store server'),
  rejected: () => msg('Refused by the store server — a manager must review it'),
  mismatch: () => msg('Conflicts with another sale on the server — a manager must review it'),
};

function emailSentence(email: ReceiptEmailView, locale: string): string {
  const to = email.to;
  switch (email.state) {
    case 'waiting':
      return email.synced
        ? msg(str`Receipt for ${to}: asking the store server whether it was e-mailed`)
        : msg(str`Receipt to be e-mailed to ${to} once the sale reaches the store server`);
    case 'queued':
    case 'sending':
      return email.error === null
        ? msg(str`Receipt e-mail to ${to} is queued on the store server`)
        : msg(
            str`Receipt e-mail to ${to} is queued on the store server (retrying: ${email.error})`,
          );
    case 'sent': {
      if (email.sentAt === null) return msg(str`Receipt e-mailed to ${to}`);
      const at = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(
        new Date(email.sentAt),
      );
      return msg(str`Receipt e-mailed to ${to} at ${at}`);
    }
    case 'failed':
      return email.error === null
        ? msg(str`The receipt could not be e-mailed to ${to}`)
        : msg(str`The receipt could not be e-mailed to ${to}: ${email.error}`);
    case 'uncertain':
      return msg(
        str`The receipt was probably e-mailed to ${to}; the store server stopped while sending it and does not send it again`,
      );
    case 'none':
      return msg(str`The store server does not send e-mail: the receipt was not e-mailed to ${to}`);
  }
}

/** A unit's serial state in words (see src/i18n/serial-states.ts). */
export interface SerialStateText {
  readonly label: string;
  readonly help: string | null;
}

@customElement('pos-receipt')
@localized()
export class PosReceipt extends LitElement {
  static override styles = [
    receiptPaperStyles,
    css`
      .help {
        margin-top: 0.2rem;
        padding-left: 0.5rem;
        border-left: 3px solid #000;
      }
      .totals td {
        padding: 0.15rem 0;
      }
      .totals tr.grand td {
        font-size: 1.25rem;
        font-weight: 800;
        border-top: 1px solid #000;
        padding-top: 0.4rem;
      }
      .tender {
        border-top: 1px dashed #000;
        padding-top: 0.6rem;
      }
      .sync {
        margin-top: 0.75rem;
        padding: 0.5rem 0.6rem;
        border-radius: 8px;
        background: var(--pos-chip-bg, #eef);
        font-weight: 600;
      }
      .sync.rejected,
      .sync.mismatch {
        background: var(--pos-danger-soft, #fdd);
        color: var(--pos-danger, #900);
      }
      @media print {
        .sync {
          background: none;
          padding: 0;
          font-weight: 400;
        }
      }
    `,
  ];

  @property({ attribute: false }) sale?: Sale;
  /**
   * Per line id, where its unit's serial stands (`pending`, `accepted`, `exception: …`) and,
   * when a manager must look at it, what happened and what to do.
   */
  @property({ attribute: false }) serialStates: ReadonlyMap<string, SerialStateText> = new Map();
  /** Where the e-mailed receipt stands; null when the sale has no customer e-mail. */
  @property({ attribute: false }) email: ReceiptEmailView | null = null;

  override render() {
    const sale = this.sale;
    if (sale === undefined) return nothing;
    const locale = screenLocale();
    const money = (amount: number) => formatMoney(minor(amount), sale.currency, locale);
    const when = formatDateTime(sale.createdAt, locale);
    const amounts = saleAmounts(sale.lines, sale.orderDiscount, sale.taxRate, sale.priceMethod);
    const included = sale.priceMethod === 'tax_included';
    const taxRate = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 3,
    }).format(sale.taxRate);
    return html`
      <header>
        <h2>${sale.storeLabel}</h2>
        <p>${when}</p>
        <p>
          ${msg('Sale')}
          <strong data-testid="receipt.sale-id">${receiptNumber(sale.saleId)}</strong> ·
          ${sale.associateName}
        </p>
        ${
          sale.customer?.name == null
            ? nothing
            : html`<p data-testid="receipt.customer">Customer: ${sale.customer.name}</p>`
        }
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Item')}</th>
            <th scope="col" class="num">${msg('Amount')}</th>
          </tr>
        </thead>
        <tbody>
          ${sale.lines.map((line) => {
            const paid = amounts.units
              .filter((unit) => unit.lineId === line.lineId)
              .reduce((sum, unit) => sum + unit.price, 0);
            const list = line.unitPrice * line.quantity;
            return html`<tr>
              <td>
                ${line.title}
                <div class="detail">${line.quantity} × ${money(line.unitPrice)}</div>
                ${
                  paid === list
                    ? nothing
                    : html`<div class="detail" data-testid="receipt.discount">
                        ${this._discountText(line, money)} −${money(list - paid)}
                      </div>`
                }
                ${this._renderSerial(line)}
              </td>
              <td class="num">${money(paid)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <table class="totals">
        <tbody>
          ${
            sale.totals.discount === undefined
              ? nothing
              : html`<tr>
                  <td>${msg('You saved')}</td>
                  <td class="num" data-testid="receipt.saved">${money(sale.totals.discount)}</td>
                </tr>`
          }
          <tr>
            <td>${included ? msg('Net') : msg('Subtotal')}</td>
            <td class="num">${money(sale.totals.subtotal)}</td>
          </tr>
          <tr>
            <td>${included ? msg(str`Tax included ${taxRate}`) : msg(str`Tax ${taxRate}`)}</td>
            <td class="num">${money(sale.totals.tax)}</td>
          </tr>
          <tr class="grand">
            <td>${msg('Total')}</td>
            <td class="num" data-testid="receipt.total">${money(sale.totals.total)}</td>
          </tr>
        </tbody>
      </table>
      <div class="tender">
        ${sale.tenders.map((tender) =>
          tender.method === 'cash'
            ? html`<p data-testid="receipt.tender">
                  ${msg('Cash')} <span class="num">${money(tender.amount)}</span>
                </p>
                <p>${msg('Cash given')} <span class="num">${money(tender.tendered)}</span></p>
                ${
                  tender.change > 0 || sale.tenders.length === 1
                    ? html`<p>
                        <strong
                          >${msg('Change', { id: 'receipt.change' })}
                          <span data-testid="receipt.change">${money(tender.change)}</span></strong
                        >
                      </p>`
                    : nothing
                }`
            : html`<p data-testid="receipt.tender">
                ${tender.method === 'card' ? msg(str`Card · reference ${tender.reference}`) : msg('Exchange credit')}
                <span class="num">${money(tender.amount)}</span>
              </p>`,
        )}
        ${
          sale.exchangeForReturnId === undefined
            ? nothing
            : html`<p data-testid="receipt.exchange">
                Exchange: the units that came back are on
                <a href="#/return-receipt/${sale.exchangeForReturnId}">their return receipt</a>.
              </p>`
        }
      </div>
      <pos-receipt-code
        value=${sale.saleId}
        label=${msg(str`Sale ${receiptNumber(sale.saleId)}`)}
      ></pos-receipt-code>
      <p class="sync ${sale.sync.state}" data-testid="receipt.sync">
        ${SYNC_LABELS[sale.sync.state]()}${sale.sync.error === null ? '' : `: ${sale.sync.error}`}
      </p>
      ${this._renderEmail()}
    `;
  }

  /** The discounts on a line in words: a new price, a line discount, its share of the sale's. */
  private _discountText(line: SaleLine, money: (amount: number) => string): string {
    const parts: string[] = [];
    if (line.priceOverride != null) {
      parts.push(msg(str`Price set to ${money(line.priceOverride.price)}`));
    }
    if (line.discount != null) {
      parts.push(
        msg(
          str`Discount ${line.discount.kind === 'percentage' ? percentOff(line.discount.value) : money(line.discount.value)} (${discountReasonLabel(line.discount.reason)})`,
        ),
      );
    }
    if (this.sale?.orderDiscount != null) parts.push(msg('share of the sale discount'));
    return parts.join(' · ');
  }

  private _renderEmail() {
    const email = this.email;
    if (email === null) return nothing;
    const problem = email.state === 'failed' || email.state === 'uncertain';
    return html`<p
      class="sync ${problem ? 'rejected' : ''}"
      data-testid="receipt.email"
      data-state=${email.state}
    >
      ${emailSentence(email, screenLocale())}
    </p>`;
  }

  private _renderSerial(line: SaleLine) {
    if (line.shippingType !== 'in_store_handover') {
      return html`<div class="detail">${msg('To be shipped to the customer')}</div>`;
    }
    if (!line.serialized) return nothing;
    const state = this.serialStates.get(line.lineId);
    const sale = this.sale;
    const warranty =
      sale === undefined ? null : warrantyEnd(sale.createdAt, line.warrantyMonths ?? null);
    return html`<div class="detail" data-testid="receipt.serial">
        S/N ${line.serial ?? msg('missing')}${state === undefined ? '' : ` · ${state.label}`}
      </div>
      ${
        state?.help == null
          ? nothing
          : html`<div class="detail help" data-testid="receipt.serial-help">${state.help}</div>`
      }
      ${
        warranty === null || sale === undefined
          ? nothing
          : html`<div class="detail" data-testid="receipt.warranty">
              ${msg(str`Warranty until ${formatDay(warranty)}`)}
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-receipt': PosReceipt;
  }
}
