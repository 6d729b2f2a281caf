/**
 * The receipt of a return, read live from the device so its sync state turns to "synced" (and
 * any flag the server raised appears) the moment the server answers. Print prints it alone.
 */
import { localized, msg } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repositoriesContext, sessionContext, type AppSession } from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-return-receipt.ts';
import { receiptPageStyles } from '../components/receipt-styles.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import { screenLocale } from '../i18n/format.ts';

@customElement('pos-view-return-receipt')
@localized()
export class PosViewReturnReceipt extends LitElement {
  static override styles = [controlStyles, receiptPageStyles];

  @property({ attribute: 'return-id' }) returnId = '';

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  private readonly _record = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos, this.returnId] as const)),
    query: async (repos, returnId) => {
      const record = await repos.returns.getReturn(returnId);
      const approvers =
        record?.approvedBy == null ? [] : await repos.approvals.approvers(record.storeId);
      const approver = approvers.find((entry) => entry.userId === record?.approvedBy);
      return { record, approverName: approver?.displayName ?? record?.approvedBy ?? null };
    },
  });

  override render() {
    const app = this._app;
    return this._record.render({
      pending: () => html`<p role="status">${msg('Loading the return…')}</p>`,
      complete: ({ record, approverName }) =>
        record === undefined || app === undefined
          ? html`<h1>${msg('Return not found')}</h1>
              <p>${msg('This device has no return with that number.')}</p>`
          : html`<div class="top">
                <h1>${msg('Return complete')}</h1>
                <div class="actions">
                  <button @click=${() => window.print()}>${msg('Print')}</button>
                  <button class="primary" @click=${() => navigate({ name: 'return' })}>
                    ${msg('Next return')}
                  </button>
                </div>
              </div>
              <pos-return-receipt
                .view=${{
                  record,
                  storeLabel: app.store.label,
                  locale: screenLocale(),
                  associateName: app.session.displayName,
                  approverName,
                  sync: record.sync,
                  flags: record.flags,
                }}
              ></pos-return-receipt>`,
      error: () =>
        html`<p role="alert">${msg('This return could not be read from the device.')}</p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-return-receipt': PosViewReturnReceipt;
  }
}
