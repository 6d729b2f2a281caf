/**
 * A manager's serial exceptions: the store's open exceptions as the sync pull delivered them
 * (a serial sold twice, one that fails the pattern, a unit handed over without one), each with
 * the orders it names, and the three resolutions — correct with the right serial (checked on
 * the device against the active pattern), accept as is, or void the unit. A resolution goes
 * through the outbox like a sale, so it works offline; the server decides, and a refusal comes
 * back on the exception.
 */
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
import { serialExpectation, serialRefusal } from '../i18n/serial-words.ts';
import { formatDateTime } from '../i18n/format.ts';

const KIND_LABELS: Record<SerialExceptionKind, string> = {
  duplicate: 'Sold twice',
  invalid_format: 'Does not match the serial pattern',
  missing: 'Handed over without a serial',
  quarantined_unit: 'Sold while quarantined (returned damaged or defective)',
  duplicate_return: 'Returned twice (two tills, offline): both refunds were paid',
};

const RESOLUTION_LABELS: Record<SerialResolution, string> = {
  corrected: 'correction',
  accepted: 'acceptance',
  voided: 'void',
};

@customElement('pos-view-exceptions')
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
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: syncControlsContext })
  @state()
  private _sync?: SyncControls;

  /** Per exception id, why the last resolution tried here was not queued. */
  @state() private _errors: ReadonlyMap<string, string> = new Map();

  private readonly _exceptions = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: async (repos) => {
      const open = await repos.serials.openExceptions();
      const { createSerialValidator } = await loadSerialValidation();
      // Each refused serial's pattern in words (the pattern the server judged it by).
      const expected = new Map<string, string>();
      for (const exception of open) {
        const pattern = exception.details.pattern;
        if (typeof pattern !== 'string') continue;
        const validator = createSerialValidator(pattern);
        expected.set(exception.id, serialExpectation({ ...validator, pattern }));
      }
      return { open, expected, pattern: (await repos.serials.settings()).pattern };
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Exceptions arrive with the pull: fetch what the server knows now (when online).
    this._sync?.scheduler.refreshCatalog();
  }

  override render() {
    return html`<div class="top">
        <h1>Serial exceptions</h1>
        <button @click=${() => this._sync?.scheduler.refreshCatalog()}>Refresh</button>
      </div>
      ${this._exceptions.render({
        pending: () => html`<p role="status">Loading…</p>`,
        complete: ({ open, expected }) =>
          open.length === 0
            ? html`<p>No open serial exceptions in this store.</p>`
            : html`<ol aria-label="Open serial exceptions">
                ${repeat(
                  open,
                  (exception) => exception.id,
                  (exception) =>
                    html`<li>${this._renderException(exception, expected.get(exception.id))}</li>`,
                )}
              </ol>`,
        error: () => html`<p role="alert">The exceptions on this device could not be read.</p>`,
      })}`;
  }

  private _renderException(exception: SerialExceptionRecord, expected: string | undefined) {
    const pending = exception.pendingResolution;
    const waiting = pending !== null && pending.error === null;
    const error = this._errors.get(exception.id) ?? pending?.error ?? null;
    const title = exception.product_title ?? exception.product_id;
    const pattern = exception.details.pattern;
    const patternLine =
      expected === undefined || typeof pattern !== 'string'
        ? nothing
        : html`<p>${expected} Pattern: <code>${pattern}</code></p>`;
    return html`<article aria-label=${`${KIND_LABELS[exception.kind]}: ${title}`}>
      <h2>${KIND_LABELS[exception.kind]}: ${title}</h2>
      <p>Serial <strong>${exception.serial_number ?? 'none'}</strong></p>
      <p>
        Sale ${receiptNumber(exception.order.external_id)}
        ${exception.order.placed_at === null ? '' : `· ${formatDateTime(exception.order.placed_at)}`}
      </p>
      ${
        exception.other_order === null
          ? nothing
          : 'in_another_store' in exception.other_order
            ? html`<p>Already sold in another store</p>`
            : html`<p>Already sold in sale ${receiptNumber(exception.other_order.external_id)}</p>`
      }
      ${patternLine}
      ${
        waiting
          ? html`<p class="waiting" role="status">
              The ${RESOLUTION_LABELS[pending.resolution]} is waiting to be sent to the server.
            </p>`
          : this._renderActions(exception)
      }
      ${error === null ? nothing : html`<p class="error" role="alert">${error}</p>`}
    </article>`;
  }

  private _renderActions(exception: SerialExceptionRecord) {
    const resolve = (resolution: SerialResolution) => () =>
      void this._resolve(exception, resolution);
    return html`<form
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const input = (event.target as HTMLFormElement).elements.namedItem('serial');
        void this._resolve(exception, 'corrected', (input as HTMLInputElement).value);
      }}
    >
      <label>
        Right serial
        <input name="serial" autocomplete="off" autocapitalize="off" spellcheck="false" />
      </label>
      <button type="submit" class="primary">Correct</button>
      <button type="button" @click=${resolve('accepted')}>Accept as is</button>
      <button type="button" class="danger" @click=${resolve('voided')}>Void unit</button>
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
          errors.set(exception.id, serialRefusal(checked) ?? 'That serial is refused.');
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
