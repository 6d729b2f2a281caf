/**
 * A manager's serial exceptions: the store's open exceptions as the sync pull delivered them
 * (a serial sold twice, one that fails the pattern, a unit handed over without one), each with
 * the orders it names in full (a receipt number alone can be shared by two orders), and the
 * three resolutions — correct with the right serial (checked on the device against the active
 * pattern), accept as is, or void the unit; accepting and voiding ask to be confirmed first.
 * A resolution goes through the outbox like a sale, so it works offline; the server decides,
 * and a refusal comes back on the exception. "Resolved" lists the settled ones with who
 * resolved them, when and how.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { repositoriesContext, syncControlsContext, type SyncControls } from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialExceptionRecord } from '../data/serial-records.ts';
import { log } from '../log.ts';
import type { SerialExceptionKind, SerialResolution } from '../protocol/serials.ts';
import { loadSerialValidation } from '../controllers/load-serial-modules.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { serialExpectation, serialRefusal } from '../i18n/serial-words.ts';
import { formatDateTime } from '../i18n/format.ts';

const KIND_LABELS: Record<SerialExceptionKind, () => string> = {
  duplicate: () => msg('Sold twice'),
  invalid_format: () => msg('Does not match the serial pattern'),
  missing: () => msg('Handed over without a serial'),
  quarantined_unit: () => msg('Sold while quarantined (returned damaged or defective)'),
  duplicate_return: () => msg('Returned twice (two tills, offline): both refunds were paid'),
};

/** "The … is waiting to be sent to the server", per resolution. */
const WAITING_TEXT: Record<SerialResolution, () => string> = {
  corrected: () => msg('The correction is waiting to be sent to the server.'),
  accepted: () => msg('The acceptance is waiting to be sent to the server.'),
  voided: () => msg('The void is waiting to be sent to the server.'),
};

const RESOLVED_LABELS: Record<SerialResolution, () => string> = {
  corrected: () => msg('Corrected'),
  accepted: () => msg('Accepted as sold'),
  voided: () => msg('Unit voided'),
};

/** What Accept and Void do, said before they are confirmed. */
const CONFIRM_TEXT: Record<'accepted' | 'voided', (serial: string) => string> = {
  accepted: (serial) =>
    msg(str`Accept serial ${serial} as it is? Both sales keep it and the exception closes.`),
  voided: (serial) =>
    msg(
      str`Void this unit? Serial ${serial} leaves the registry for this sale; the sale itself stays.`,
    ),
};

type Shown = 'open' | 'resolved';

@customElement('pos-view-exceptions')
@localized()
export class PosViewExceptions extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 48rem;
        margin: 0 auto;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
      }
      ol {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      article {
        background: var(--pos-surface);
        border: 1px solid var(--pos-border);
        border-left: 6px solid var(--pos-danger);
        border-radius: var(--pos-radius);
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0.2rem 0;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 0.6rem;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.2rem;
        font-weight: 600;
        flex: 1;
        min-width: 12rem;
      }
      .error {
        color: var(--pos-danger);
        font-weight: 600;
      }
      .waiting {
        font-weight: 600;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.75rem 0 0;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--pos-primary);
        color: var(--pos-on-primary);
      }
      .id {
        font-family: ui-monospace, monospace;
        font-size: 0.9rem;
        color: var(--pos-muted);
        overflow-wrap: anywhere;
      }
      article.resolved {
        border-left-color: var(--pos-ok);
      }
      .outcome {
        font-weight: 600;
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.6rem;
        padding: 0.6rem 0.75rem;
        border-radius: var(--pos-radius-small);
        background: var(--pos-warn-soft);
      }
      .confirm p {
        flex-basis: 100%;
        font-weight: 600;
      }
      button.danger-solid {
        background: var(--pos-danger);
        border-color: var(--pos-danger);
        color: var(--pos-on-primary);
      }
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _shown: Shown = 'open';
  /** Accept or Void tapped once on this exception: waiting for Yes or Cancel. */
  @state() private _confirm: {
    readonly id: string;
    readonly resolution: 'accepted' | 'voided';
  } | null = null;

  /** Per exception id, why the last resolution tried here was not queued. */
  @state() private _errors: ReadonlyMap<string, string> = new Map();

  private readonly _exceptions = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: async (repos) => {
      const open = await repos.serials.openExceptions();
      const { createSerialValidator } = await loadSerialValidation();
      // Each refused serial's pattern (the pattern the server judged it by), put in words when
      // shown, so the words follow the language.
      const validators = new Map<string, SerialValidator>();
      for (const exception of open) {
        const pattern = exception.details.pattern;
        if (typeof pattern === 'string')
          validators.set(exception.id, createSerialValidator(pattern));
      }
      return {
        open,
        resolved: await repos.serials.resolvedExceptions(),
        validators,
        pattern: (await repos.serials.settings()).pattern,
      };
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Exceptions arrive with the pull: fetch what the server knows now (when online).
    this._sync?.scheduler.refreshCatalog();
  }

  override render() {
    const counts = this._exceptions.value;
    return html`<div class="top">
        <h1>${msg('Serial exceptions')}</h1>
        <button @click=${() => this._sync?.scheduler.refreshCatalog()}>${msg('Refresh')}</button>
      </div>
      <div class="tabs" role="group" aria-label=${msg('Which exceptions')}>
        ${this._tab('open', msg(str`Open (${counts?.open.length ?? 0})`))}
        ${this._tab('resolved', msg(str`Resolved (${counts?.resolved.length ?? 0})`))}
      </div>
      ${this._exceptions.render({
        pending: () => html`<p role="status">${msg('Loading…')}</p>`,
        complete: ({ open, resolved, validators }) =>
          this._shown === 'resolved'
            ? this._renderResolved(resolved)
            : open.length === 0
              ? html`<p>${msg('No open serial exceptions in this store.')}</p>`
              : html`<ol aria-label=${msg('Open serial exceptions')}>
                  ${repeat(
                    open,
                    (exception) => exception.id,
                    (exception) =>
                      html`<li>
                        ${this._renderException(exception, validators.get(exception.id))}
                      </li>`,
                  )}
                </ol>`,
        error: () =>
          html`<p role="alert">${msg('The exceptions on this device could not be read.')}</p>`,
      })}`;
  }

  private _tab(shown: Shown, label: string) {
    return html`<button
      type="button"
      aria-pressed=${this._shown === shown ? 'true' : 'false'}
      @click=${() => (this._shown = shown)}
    >
      ${label}
    </button>`;
  }

  /** The orders an exception names: the receipt number, and the order's whole id. */
  private _renderOrder(label: string, order: SerialExceptionRecord['order']) {
    return html`<p>
      ${label} <strong>${receiptNumber(order.external_id)}</strong>
      ${order.placed_at === null ? '' : `· ${formatDateTime(order.placed_at)}`}
      <br /><span class="id">${msg(str`order ${order.external_id}`)}</span>
    </p>`;
  }

  private _renderResolved(resolved: readonly SerialExceptionRecord[]) {
    if (resolved.length === 0) {
      return html`<p>${msg('No resolved serial exceptions on this device.')}</p>`;
    }
    return html`<ol aria-label=${msg('Resolved serial exceptions')}>
      ${repeat(
        resolved,
        (exception) => exception.id,
        (exception) => {
          const title = exception.product_title ?? exception.product_id;
          const how =
            exception.resolution === null
              ? msg('Resolved')
              : RESOLVED_LABELS[exception.resolution]();
          const heading = `${KIND_LABELS[exception.kind]()}: ${title}`;
          return html`<li>
            <article class="resolved" aria-label=${heading}>
              <h2>${heading}</h2>
              ${this._renderSerial(exception)} ${this._renderOrder(msg('Sale'), exception.order)}
              <p class="outcome">
                ${
                  exception.resolved_serial === null
                    ? how
                    : msg(str`${how} to ${exception.resolved_serial}`)
                }
                ${exception.resolved_at === null ? '' : `· ${formatDateTime(exception.resolved_at)}`}
                ${exception.resolved_by === null ? '' : `· ${msg(str`by ${exception.resolved_by}`)}`}
              </p>
            </article>
          </li>`;
        },
      )}
    </ol>`;
  }

  private _renderSerial(exception: SerialExceptionRecord) {
    return html`<p>${msg('Serial')} <strong>${exception.serial_number ?? msg('none')}</strong></p>`;
  }

  private _renderException(
    exception: SerialExceptionRecord,
    validator: SerialValidator | undefined,
  ) {
    const pending = exception.pendingResolution;
    const waiting = pending !== null && pending.error === null;
    const error = this._errors.get(exception.id) ?? pending?.error ?? null;
    const title = exception.product_title ?? exception.product_id;
    const pattern = exception.details.pattern;
    const patternLine =
      validator === undefined || typeof pattern !== 'string'
        ? nothing
        : html`<p>
            ${serialExpectation({ ...validator, pattern })} ${msg('Pattern:')}
            <code>${pattern}</code>
          </p>`;
    const heading = `${KIND_LABELS[exception.kind]()}: ${title}`;
    return html`<article aria-label=${heading}>
      <h2>${heading}</h2>
      ${this._renderSerial(exception)} ${this._renderOrder(msg('Sale'), exception.order)}
      ${
        exception.other_order === null
          ? nothing
          : 'in_another_store' in exception.other_order
            ? html`<p>${msg('Already sold in another store')}</p>`
            : this._renderOrder(msg('Already sold in sale'), exception.other_order)
      }
      ${patternLine}
      ${
        waiting
          ? html`<p class="waiting" role="status">${WAITING_TEXT[pending.resolution]()}</p>`
          : this._renderActions(exception)
      }
      ${error === null ? nothing : html`<p class="error" role="alert">${error}</p>`}
    </article>`;
  }

  private _renderActions(exception: SerialExceptionRecord) {
    const confirm = this._confirm?.id === exception.id ? this._confirm.resolution : null;
    if (confirm !== null) {
      return html`<div class="confirm" role="group" aria-label=${msg('Confirm')}>
        <p>${CONFIRM_TEXT[confirm](exception.serial_number ?? msg('none'))}</p>
        <button
          type="button"
          class=${confirm === 'voided' ? 'danger-solid' : 'primary'}
          @click=${() => {
            this._confirm = null;
            void this._resolve(exception, confirm);
          }}
        >
          ${confirm === 'voided' ? msg('Yes, void the unit') : msg('Yes, accept')}
        </button>
        <button type="button" @click=${() => (this._confirm = null)}>${msg('Cancel')}</button>
      </div>`;
    }
    const ask = (resolution: 'accepted' | 'voided') => () => {
      this._confirm = { id: exception.id, resolution };
    };
    return html`<form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const input = (event.target as HTMLFormElement).elements.namedItem('serial');
        void this._resolve(exception, 'corrected', (input as HTMLInputElement).value);
      }}
    >
      <label>
        ${msg('Right serial')}
        <input name="serial" autocomplete="off" autocapitalize="off" spellcheck="false" />
      </label>
      <button type="submit" class="primary">${msg('Correct')}</button>
      <button type="button" @click=${ask('accepted')}>${msg('Accept as is')}</button>
      <button type="button" class="danger" @click=${ask('voided')}>${msg('Void unit')}</button>
    </form>`;
  }

  private async _resolve(
    exception: SerialExceptionRecord,
    resolution: SerialResolution,
    serial?: string,
  ): Promise<void> {
    const repos = this._repos;
    if (repos === undefined) return;
    const errors = new Map(this._errors);
    errors.delete(exception.id);
    try {
      let serialNumber: string | undefined;
      if (resolution === 'corrected') {
        const { createSerialValidator } = await loadSerialValidation();
        const pattern = this._exceptions.value?.pattern ?? null;
        const validator = createSerialValidator(pattern);
        // Typed by the manager: upper-cased when the pattern takes no small letter.
        const typed = validator.uppercaseTyped ? (serial ?? '').toUpperCase() : (serial ?? '');
        const checked = validator.validate(typed);
        if (!checked.ok) {
          errors.set(exception.id, serialRefusal(checked) ?? msg('That serial is refused.'));
          return;
        }
        serialNumber = checked.serial;
      }
      await repos.serials.queueResolution({
        exceptionId: exception.id,
        resolution,
        ...(serialNumber === undefined ? {} : { serialNumber }),
        now: new Date().toISOString(),
      });
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      log.warn('exceptions: resolution not queued', { error: String(error) });
      errors.set(exception.id, describeDataError(error));
    } finally {
      this._errors = errors;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-exceptions': PosViewExceptions;
  }
}
