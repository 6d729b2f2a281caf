/**
 * The till's shift (DESIGN §10.4), offline like a sale: open with the counted float, record
 * safe drops and cash paid in or out, read the X report at any time, close with a blind count
 * (the expected cash stays hidden until the count is in, by denomination if the associate
 * likes), then the printable Z report with the variance. The reports are reckoned from this
 * device's own records; a Z report whose sales still wait for the server says how many, and
 * becomes final once they and the close are sent.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { ShiftRecord } from '../data/shift-records.ts';
import type { ShiftActions } from '../data/shift-actions.ts';
import { currencyDigits, formatMoney, minor, parseAmount, type Minor } from '../domain/money.ts';
import {
  cashDenominations,
  countedTotal,
  type DenominationCount,
  type ShiftReport,
} from '../domain/shift-report.ts';
import { mayOpen } from '../app/routes.ts';
import { log } from '../log.ts';
import { CashMovementTypes, type CashMovementType } from '../protocol/wire-constants.ts';
import '../components/pos-shift-report.ts';
import { formatDateTime, screenLocale } from '../i18n/format.ts';
import { plural } from '../i18n/plural.ts';

/**
 * A movement's type in words; the type itself (`safe_drop`) is what is stored and sent. One
 * movement, where the report's rows of the same English name are totals ("Einlagen").
 */
const MOVEMENT_LABELS: Record<CashMovementType, () => string> = {
  safe_drop: () => msg('Safe drop'),
  paid_in: () => msg('Paid in', { id: 'shift.movement.paid-in' }),
  paid_out: () => msg('Paid out', { id: 'shift.movement.paid-out' }),
};

@customElement('pos-view-shift')
@localized()
export class PosViewShift extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 48rem;
        margin: 0 auto;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .head a {
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        font-weight: 600;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin: 0.75rem 0;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-weight: 600;
      }
      .error {
        color: var(--pos-danger);
        font-weight: 600;
      }
      table {
        border-collapse: collapse;
      }
      td,
      th {
        padding: 0.2rem 0.5rem;
        text-align: right;
      }
      @media print {
        form,
        button,
        .no-print {
          display: none;
        }
      }
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext })
  @state()
  private _sync?: SyncControls;

  @state() private _error = '';
  /** The blind count is being entered: the expected cash is not shown meanwhile. */
  @state() private _counting = false;
  @state() private _byDenomination = false;
  @state() private _denominations: ReadonlyMap<number, number> = new Map();

  /** The shift work, loaded before the live query below reads through it (never inside). */
  @state() private _actions?: ShiftActions;
  private _loadingActions = false;

  private readonly _shift = new LiveQueryController(this, {
    args: () =>
      this._actions !== undefined && this._app !== undefined
        ? ([this._actions, this._app.session.deviceId] as const)
        : undefined,
    query: async (actions, deviceId) => {
      const shift = (await actions.openShiftOf(deviceId)) ?? (await actions.recent(1))[0];
      if (shift === undefined) return null;
      return {
        shift,
        report: await actions.report(shift.shiftId),
        wait: await actions.syncWait(shift.shiftId),
      };
    },
  });

  override willUpdate(): void {
    const repos = this._repos;
    if (repos === undefined || this._actions !== undefined || this._loadingActions) return;
    this._loadingActions = true;
    repos.shifts.actions().then(
      (actions) => (this._actions = actions),
      (error: unknown) => {
        this._loadingActions = false;
        log.error('shift: could not load the shift screen', error);
        this._error = describeDataError(error);
      },
    );
  }

  override render() {
    const app = this._app;
    if (app === undefined) return nothing;
    return html`<div class="head">
        <h1>${msg('Shift')}</h1>
        ${
          mayOpen('shifts', app.session.role)
            ? html`<a href="#/shifts" data-testid="shift.all">${msg("Every till's shifts")}</a>`
            : nothing
        }
      </div>
      ${this._shift.render({
        pending: () => html`<p role="status">${msg('Loading…')}</p>`,
        complete: (found) =>
          found === null || found.shift.state === 'closed'
            ? html`${this._renderOpenForm()}
              ${
                found === null || found.report === null
                  ? nothing
                  : this._renderZ(found.shift, found.report, found.wait)
              }`
            : this._renderOpen(found.shift, found.report),
        error: () =>
          html`<p role="alert">${msg('The shift on this device could not be read.')}</p>`,
      })}
      <p class="error" role="alert">${this._error}</p>`;
  }

  private _money(amount: Minor): string {
    return formatMoney(amount, this._app?.store.currency ?? 'USD', screenLocale());
  }

  private _field(form: HTMLFormElement, name: string): string {
    const value = new FormData(form).get(name);
    return typeof value === 'string' ? value : '';
  }

  private _parse(text: string): Minor | null {
    return parseAmount(text, this._app?.store.currency ?? 'USD');
  }

  private _renderOpenForm() {
    return html`<p>
        ${msg('No shift is open on this till. Count the cash in the drawer and open a shift.')}
      </p>
      <form @submit=${this._onOpen}>
        <label>${msg('Opening float')} <input name="float" inputmode="decimal" required /></label>
        <button type="submit">${msg('Open shift')}</button>
      </form>`;
  }

  private _renderOpen(shift: ShiftRecord, report: ShiftReport | null) {
    if (this._counting) return this._renderCount(shift);
    return html`<p>
        ${msg(
          str`Open since ${formatDateTime(shift.openedAt)} by ${shift.associateName}, float ${this._money(shift.openingFloat)}.`,
        )}
      </p>
      ${
        report === null
          ? nothing
          : html`<pos-shift-report
              heading=${msg('X report')}
              .report=${report}
              currency=${shift.currency}
            ></pos-shift-report>`
      }
      <h2>${msg('Cash movement')}</h2>
      <form @submit=${this._onMovement}>
        <label
          >${msg('Movement')}
          <select name="type">
            ${Object.values(CashMovementTypes).map(
              (type) => html`<option value=${type}>${MOVEMENT_LABELS[type]()}</option>`,
            )}
          </select>
        </label>
        <label>${msg('Amount')} <input name="amount" inputmode="decimal" required /></label>
        <label>${msg('Reason')} <input name="reason" required /></label>
        <button type="submit">${msg('Record movement')}</button>
      </form>
      <button type="button" @click=${() => (this._counting = true)}>${msg('Close shift')}</button>`;
  }

  private _renderCount(shift: ShiftRecord) {
    const digits = currencyDigits(shift.currency);
    const denominations = cashDenominations(digits);
    const total = countedTotal(this._denominationLines());
    return html`<h2>${msg('Close shift: count the cash')}</h2>
      <p>${msg('Count the cash in the drawer. The expected amount is shown after the count.')}</p>
      <label class="no-print">
        <input
          type="checkbox"
          .checked=${this._byDenomination}
          @change=${(event: Event) =>
            (this._byDenomination = (event.target as HTMLInputElement).checked)}
        />
        ${msg('Count by denomination')}
      </label>
      <form @submit=${this._onClose}>
        ${
          this._byDenomination
            ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${msg('Note or coin')}</th>
                      <th scope="col">${msg('How many')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${denominations.map(
                      (value) =>
                        html`<tr>
                          <th scope="row">${this._money(value)}</th>
                          <td>
                            <input
                              type="number"
                              min="0"
                              step="1"
                              aria-label=${msg(str`How many ${this._money(value)}`)}
                              @input=${(event: Event) =>
                                this._setCount(value, (event.target as HTMLInputElement).value)}
                            />
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
                <p>${msg('Counted:')} <output>${this._money(total)}</output></p>`
            : html`<label
                >${msg('Counted cash')} <input name="counted" inputmode="decimal" required
              /></label>`
        }
        <button type="submit">${msg('Close and show Z report')}</button>
        <button type="button" @click=${() => (this._counting = false)}>${msg('Back')}</button>
      </form>`;
  }

  private _renderZ(
    shift: ShiftRecord,
    report: ShiftReport,
    wait: { sales: number; returns: number; final: boolean },
  ) {
    const waiting = wait.sales + wait.returns;
    return html`<pos-shift-report
        heading=${msg('Z report')}
        .report=${report}
        currency=${shift.currency}
      ></pos-shift-report>
      <p role="status" data-testid="shift.final">
        ${
          waiting > 0
            ? plural(waiting, {
                one: () =>
                  msg(
                    '1 sale or return of this shift still waits to sync; the Z report is final once it is sent.',
                  ),
                other: () =>
                  msg(
                    str`${waiting} sales and returns of this shift still wait to sync; the Z report is final once they are sent.`,
                  ),
              })
            : wait.final
              ? msg('Final: the store server has every sale of this shift and its close.')
              : msg('The close waits to sync; the Z report is final once it is sent.')
        }
      </p>
      ${shift.error === null ? nothing : html`<p class="error">${shift.error}</p>`}
      <button type="button" class="no-print" @click=${() => window.print()}>
        ${msg('Print Z report')}
      </button>`;
  }

  private _setCount(denomination: number, text: string): void {
    const next = new Map(this._denominations);
    const count = Number(text);
    if (text.trim() === '' || !Number.isInteger(count) || count < 0) next.delete(denomination);
    else next.set(denomination, count);
    this._denominations = next;
  }

  private _denominationLines(): DenominationCount[] {
    return [...this._denominations].map(([denomination, count]) => ({
      denomination: minor(denomination),
      count,
    }));
  }

  private readonly _onOpen = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const actions = this._actions;
    const app = this._app;
    if (actions === undefined || app === undefined) return;
    const form = event.target as HTMLFormElement;
    const float = this._parse(this._field(form, 'float'));
    if (float === null) {
      this._error = msg('Enter the opening float as an amount, like 200 or 200.00.');
      return;
    }
    try {
      await actions.open({
        deviceId: app.session.deviceId,
        associateId: app.session.associateId,
        associateName: app.session.displayName,
        store: app.store,
        openingFloat: float,
        now: new Date().toISOString(),
      });
      this._error = '';
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      log.error('shift: could not open', error);
      this._error = describeDataError(error);
    }
  };

  private readonly _onMovement = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const shift = this._shift.value?.shift;
    if (this._actions === undefined || shift === undefined) return;
    const form = event.target as HTMLFormElement;
    const amount = this._parse(this._field(form, 'amount'));
    if (amount === null || amount === 0) {
      this._error = msg('Enter the amount moved, like 150 or 150.00.');
      return;
    }
    try {
      await this._actions.addMovement(shift.shiftId, {
        type: this._field(form, 'type') as CashMovementType,
        amount,
        reason: this._field(form, 'reason'),
        now: new Date().toISOString(),
      });
      form.reset();
      this._error = '';
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      log.error('shift: could not record the movement', error);
      this._error = describeDataError(error);
    }
  };

  private readonly _onClose = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const shift = this._shift.value?.shift;
    if (this._actions === undefined || shift === undefined) return;
    const lines = this._byDenomination ? this._denominationLines() : null;
    const counted =
      lines === null
        ? this._parse(this._field(event.target as HTMLFormElement, 'counted'))
        : countedTotal(lines);
    if (counted === null) {
      this._error = msg('Enter the cash counted, like 440 or 440.00.');
      return;
    }
    try {
      await this._actions.close(shift.shiftId, {
        countedCash: counted,
        byDenomination: lines,
        now: new Date().toISOString(),
      });
      this._counting = false;
      this._denominations = new Map();
      this._error = '';
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      log.error('shift: could not close', error);
      this._error = describeDataError(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-shift': PosViewShift;
  }
}
