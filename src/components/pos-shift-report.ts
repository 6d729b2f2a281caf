/**
 * An X or Z report: a shift's totals per tender, counts, cash movements, expected cash and,
 * once counted, the count and variance. Renders the figures it is given, in the language and
 * locale of the screen; each row's test id is its English name (`report.expected-cash`).
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, type Minor } from '../domain/money.ts';
import type { ShiftReport } from '../domain/shift-report.ts';
import { screenLocale } from '../i18n/format.ts';

/** A row of the report: its test id, its label in the language shown, its figure. */
type Row = readonly [id: string, label: string, value: string];

@customElement('pos-shift-report')
@localized()
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

  /** The report's name ("X report", "Z report"), in the language shown; X report when none. */
  @property() heading = '';
  @property({ attribute: false }) report: ShiftReport | null = null;
  @property() currency = 'USD';

  private _money(amount: Minor): string {
    return formatMoney(amount, this.currency, screenLocale());
  }

  override render() {
    const report = this.report;
    if (report === null) return nothing;
    const { totals, counts, movements } = report;
    const rows: Row[] = [
      ['sales', msg('Sales'), `${this._money(totals.sales)} (${counts.sales})`],
      ['returns', msg('Returns'), `${this._money(totals.returns)} (${counts.returns})`],
      ['discounts', msg('Discounts'), this._money(totals.discounts)],
      ['tax', msg('Tax'), this._money(totals.tax)],
      ['cash-net', msg('Cash, net'), this._money(totals.byMethod.cash)],
      ['card-net', msg('Card, net'), this._money(totals.byMethod.card)],
      ['serialized-units-sold', msg('Serialized units sold'), String(counts.serializedUnitsSold)],
      [
        'serialized-units-returned',
        msg('Serialized units returned'),
        String(counts.serializedUnitsReturned),
      ],
      ['safe-drops', msg('Safe drops'), this._money(movements.safeDrop)],
      ['paid-in', msg('Paid in'), this._money(movements.paidIn)],
      ['paid-out', msg('Paid out'), this._money(movements.paidOut)],
      ['expected-cash', msg('Expected cash'), this._money(report.expectedCash)],
      ...(report.countedCash === null
        ? []
        : ([['counted-cash', msg('Counted cash'), this._money(report.countedCash)]] as Row[])),
      ...(report.variance === null
        ? []
        : ([['variance', msg('Variance'), this._money(report.variance)]] as Row[])),
    ];
    const heading = this.heading === '' ? msg('X report') : this.heading;
    return html`<section aria-label=${heading}>
      <h2>${heading}</h2>
      <dl>
        ${rows.map(
          ([id, label, value]) =>
            html`<dt>${label}</dt>
              <dd data-testid=${`report.${id}`}>${value}</dd>`,
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
