/**
 * An X or Z report: a shift's totals per tender, counts, cash movements, expected cash and,
 * once counted, the count and variance. Renders the figures it is given.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, type Minor } from '../domain/money.ts';
import type { ShiftReport } from '../domain/shift-report.ts';

@customElement('pos-shift-report')
export class PosShiftReport extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    dl {
      display: grid;
      grid-template-columns: auto auto;
      gap: 0.2rem 1rem;
      max-width: 28rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `;

  @property() heading = 'X report';
  @property({ attribute: false }) report: ShiftReport | null = null;
  @property() currency = 'USD';
  @property() locale = 'en-US';

  private _money(amount: Minor): string {
    return formatMoney(amount, this.currency, this.locale);
  }

  override render() {
    const report = this.report;
    if (report === null) return nothing;
    const { totals, counts, movements } = report;
    const rows: [string, string][] = [
      ['Sales', `${this._money(totals.sales)} (${counts.sales})`],
      ['Returns', `${this._money(totals.returns)} (${counts.returns})`],
      ['Discounts', this._money(totals.discounts)],
      ['Tax', this._money(totals.tax)],
      ['Cash, net', this._money(totals.byMethod.cash)],
      ['Card, net', this._money(totals.byMethod.card)],
      ['Serialized units sold', String(counts.serializedUnitsSold)],
      ['Serialized units returned', String(counts.serializedUnitsReturned)],
      ['Safe drops', this._money(movements.safeDrop)],
      ['Paid in', this._money(movements.paidIn)],
      ['Paid out', this._money(movements.paidOut)],
      ['Expected cash', this._money(report.expectedCash)],
      ...(report.countedCash === null
        ? []
        : ([['Counted cash', this._money(report.countedCash)]] as [string, string][])),
      ...(report.variance === null
        ? []
        : ([['Variance', this._money(report.variance)]] as [string, string][])),
    ];
    return html`<section aria-label=${this.heading}>
      <h2>${this.heading}</h2>
      <dl>
        ${rows.map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd data-testid=${`report.${label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
                ${value}
              </dd>`,
        )}
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-shift-report': PosShiftReport;
  }
}
