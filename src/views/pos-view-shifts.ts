/**
 * A manager's view of the store's shifts, every till's, open and closed, with the figures the
 * store server recomputed from what it received (online only: a device does not hold other
 * tills' shifts).
 */
import { localized, msg } from '@lit/localize';
import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { formatMoney, fromDecimal } from '../domain/money.ts';
import type { Shift } from '../protocol/shifts.ts';
import { formatDateTime, screenLocale } from '../i18n/format.ts';

@customElement('pos-view-shifts')
@localized()
export class PosViewShifts extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 60rem;
        margin: 0 auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        padding: 0.3rem 0.5rem;
        border-bottom: 1px solid var(--pos-border);
        text-align: right;
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext })
  @state()
  private _sync?: SyncControls;

  private readonly _shifts = new Task(this, {
    args: () => [this._app?.store.store_id, this._sync] as const,
    task: async ([storeId, sync]) =>
      storeId === undefined || sync === undefined ? null : sync.shiftClient.storeShifts(storeId),
  });

  private _money(shift: Shift, amount: number | null): string {
    if (amount === null) return '—';
    return formatMoney(fromDecimal(amount, shift.currency), shift.currency, screenLocale());
  }

  override render() {
    return html`<h1>${msg('Shifts')}</h1>
      <button type="button" @click=${() => void this._shifts.run()}>${msg('Refresh')}</button>
      ${this._shifts.render({
        pending: () => html`<p role="status">${msg("Loading the store's shifts…")}</p>`,
        complete: (answer) => {
          if (answer === null) return html``;
          if (answer.kind === 'offline') {
            return html`<p role="alert">
              ${msg(
                "The store server cannot be reached. The store's shifts show when the till is online.",
              )}
            </p>`;
          }
          if (answer.kind === 'refused') {
            return html`<p role="alert">
              ${msg('Only a manager of this store can see its shifts.')}
            </p>`;
          }
          if (answer.shifts.length === 0) {
            return html`<p>${msg('No shifts in this store yet.')}</p>`;
          }
          return html`<table aria-label=${msg('Shifts of the store')}>
            <thead>
              <tr>
                <th scope="col">${msg('Opened')}</th>
                <th scope="col">${msg('Till')}</th>
                <th scope="col">${msg('State')}</th>
                <th scope="col">${msg('Sales')}</th>
                <th scope="col">${msg('Expected cash')}</th>
                <th scope="col">${msg('Counted')}</th>
                <th scope="col">${msg('Variance')}</th>
              </tr>
            </thead>
            <tbody>
              ${answer.shifts.map(
                (shift) =>
                  html`<tr data-shift-id=${shift.shift_id}>
                    <td>${formatDateTime(shift.opened_at)}</td>
                    <td>${shift.device_id.slice(0, 8)}</td>
                    <td>
                      ${
                        shift.closed_at === null
                          ? msg('Open', { id: 'shift.state.open' })
                          : msg('Closed', { id: 'shift.state.closed' })
                      }
                    </td>
                    <td>${this._money(shift, shift.totals.sales)}</td>
                    <td>${this._money(shift, shift.expected_cash)}</td>
                    <td>${this._money(shift, shift.counted_cash)}</td>
                    <td>${this._money(shift, shift.variance)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
        },
        error: () => html`<p role="alert">${msg("The store's shifts could not be read.")}</p>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-shifts': PosViewShifts;
  }
}
