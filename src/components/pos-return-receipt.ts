/**
 * A return's receipt (issue 12): store, date and time, the return's number and the sale it
 * takes back, each unit with its serial, condition and refund, the refund per tender, who
 * approved it, and whether the server has it yet. Printable like a sale's receipt.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney } from '../domain/money.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import type { HistoryReturn } from '../domain/store-history.ts';
import type { ReturnCondition } from '../protocol/wire-constants.ts';
import './pos-receipt-code.ts';
import { formatDateTime } from '../i18n/format.ts';
import { returnReasonLabel } from '../i18n/reason-words.ts';
import { receiptPaperStyles } from './receipt-styles.ts';

export interface ReturnReceiptView {
  readonly record: HistoryReturn;
  readonly storeLabel: string;
  readonly locale: string;
  readonly associateName: string;
  readonly approverName: string | null;
  readonly sync: { readonly state: string; readonly error: string | null };
  readonly flags: readonly { readonly kind: string; readonly message: string }[];
}

const CONDITION_LABELS: Record<ReturnCondition, () => string> = {
  resellable: () => msg('resellable, back to stock'),
  damaged: () => msg('damaged, quarantined'),
  defective: () => msg('defective, quarantined'),
};

const SYNC_LABELS: Record<string, () => string> = {
  pending: () => msg('Waiting to sync — kept safely on this device'),
  synced: () => msg('Synced with the store server'),
  rejected: () => msg('Refused by the store server — a manager must review it'),
  mismatch: () => msg('Conflicts with another return on the server — a manager must review it'),
};

@customElement('pos-return-receipt')
@localized()
export class PosReturnReceipt extends LitElement {
  static override styles = [
    receiptPaperStyles,
    css`
      .grand td {
        font-weight: 800;
        border-top: 1px solid #000;
      }
      .flag {
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) view?: ReturnReceiptView;

  override render() {
    const view = this.view;
    if (view === undefined) return nothing;
    const { record, locale } = view;
    const money = (amount: number) => formatMoney(amount as never, record.currency, locale);
    const when = formatDateTime(record.returnedAt, locale);
    const total = record.refunds.reduce((sum, refund) => sum + refund.amount, 0);
    return html`
      <header>
        <h2>${view.storeLabel}</h2>
        <p>${when}</p>
        <p>
          ${msg('Return')}
          <strong data-testid="return-receipt.number">${receiptNumber(record.returnId)}</strong>
          · ${view.associateName}
        </p>
        <p>
          ${
            record.orderExternalId === null
              ? msg('Without a receipt')
              : html`${msg('For sale')}
                  <strong data-testid="return-receipt.sale"
                    >${receiptNumber(record.orderExternalId)}</strong
                  >`
          }
        </p>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Returned')}</th>
            <th scope="col" class="num">${msg('Refund')}</th>
          </tr>
        </thead>
        <tbody>
          ${record.items.map(
            (item) =>
              html`<tr data-testid="return-receipt.unit">
                <td>
                  ${item.title ?? item.productId}
                  ${item.serial === null ? nothing : html`<div class="detail">S/N ${item.serial}</div>`}
                  <div class="detail">
                    ${CONDITION_LABELS[item.condition]()} · ${returnReasonLabel(item.reason)}
                  </div>
                </td>
                <td class="num">${money(item.refund)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table>
        <tbody>
          ${record.refunds.map(
            (refund) =>
              html`<tr>
                <td>
                  ${refund.method === 'cash' ? msg('Refunded in cash') : refund.method === 'card' ? msg(str`Refunded to card ${refund.reference ?? ''}`) : msg('Exchange credit')}
                </td>
                <td class="num">${money(refund.amount)}</td>
              </tr>`,
          )}
          <tr class="grand">
            <td>${msg('Total refunded')}</td>
            <td class="num" data-testid="return-receipt.total">${money(total)}</td>
          </tr>
        </tbody>
      </table>
      ${
        view.approverName === null
          ? nothing
          : html`<p data-testid="return-receipt.approved">
              ${msg(str`Approved by ${view.approverName}`)}
            </p>`
      }
      ${view.flags.map((flag) => html`<p class="flag" role="alert">${flag.message}</p>`)}
      <pos-receipt-code
        value=${record.returnId}
        label=${msg(str`Return ${receiptNumber(record.returnId)}`)}
      ></pos-receipt-code>
      <p data-testid="return-receipt.sync">
        ${SYNC_LABELS[view.sync.state]?.() ?? view.sync.state}${view.sync.error === null ? '' : `: ${view.sync.error}`}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-return-receipt': PosReturnReceipt;
  }
}
