/**
 * Discounts at the till (DESIGN §10.3): opens the discount dialog for a line or the whole
 * sale, checks what was entered against the configured reasons and the role's limits, asks a
 * manager's approval on the device when the associate's limit is passed or a price is
 * overridden (their name and their own PIN, offline too), and writes the discount with the
 * approval to the cart. The sell view owns the cart; this owns the two dialogs, which load on
 * the first discount (and are cached by the service worker like every chunk).
 */
import { msg, str } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ApproverOption } from '../components/pos-approval-dialog.ts';
import type { PosEvent } from '../components/events.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { CartLineRecord } from '../data/types.ts';
import {
  checkDiscount,
  discountLimits,
  type Discount,
  type DiscountApproval,
  type DiscountLimits,
} from '../domain/discounts.ts';
import { formatMoney, minor, type Minor } from '../domain/money.ts';
import { CounterMessages } from '../i18n/counter-messages.ts';
import { percentOff } from '../i18n/format.ts';
import type { Role } from '../protocol/wire-constants.ts';

/** What the dialog is open for: one line, or the whole sale. */
type Target = { readonly kind: 'line'; readonly lineId: string } | { readonly kind: 'order' };

/** A discount that waits for its approval. */
type Pending =
  | { readonly kind: 'discount'; readonly target: Target; readonly discount: Discount }
  | {
      readonly kind: 'override';
      readonly lineId: string;
      readonly price: Minor;
      readonly reason: string;
    };

export interface DiscountOptions {
  readonly repos: () => Repositories | undefined;
  readonly context: () =>
    | {
        readonly deviceId: string;
        readonly role: Role;
        readonly storeId: string;
        readonly currency: string;
        readonly locale: string;
      }
    | undefined;
  readonly lines: () => readonly CartLineRecord[];
  /** The discount on the whole sale now, if any. */
  readonly orderDiscount: () => Discount | null;
  /** The cart changed (a discount was written): the view re-reads it. */
  readonly onChanged: (text: string) => void;
}

/**
 * The discount and approval dialogs load on the first discount (warmed while the till is
 * idle), off the first paint.
 */
export function loadDiscountDialogs(): Promise<unknown> {
  return Promise.all([
    import('../components/pos-discount-dialog.ts'),
    import('../components/pos-approval-dialog.ts'),
  ]);
}

export class DiscountController implements ReactiveController {
  private _target: Target | null = null;
  private _error = '';
  private _pending: Pending | null = null;
  private _approvers: ApproverOption[] = [];
  private _approvalError = '';
  private _limits: DiscountLimits | null = null;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: DiscountOptions;

  constructor(host: ReactiveControllerHost, options: DiscountOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  /** Leaving the screen closes the dialogs: nothing half-entered stays for the next visit. */
  hostDisconnected(): void {
    this._target = null;
    this._pending = null;
  }

  get open(): boolean {
    return this._target !== null || this._pending !== null;
  }

  async openFor(target: Target): Promise<void> {
    const [config] = await Promise.all([
      this._options.repos()?.catalog.activeConfig(),
      loadDiscountDialogs(),
    ]);
    this._limits = discountLimits(config?.envelope.config);
    this._target = target;
    this._error = '';
    this._host.requestUpdate();
  }

  render() {
    const context = this._options.context();
    const target = this._target;
    const line = target?.kind === 'line' ? this._line(target.lineId) : undefined;
    const base = target === null ? 0 : this._base(target);
    return html`<pos-discount-dialog
        ?open=${target !== null && this._pending === null}
        target=${target?.kind === 'order' ? msg('The whole sale') : (line?.title ?? '')}
        base=${base}
        currency=${context?.currency ?? 'USD'}
        locale=${context?.locale ?? 'en-US'}
        .reasons=${this._limits?.reasons ?? []}
        ?allow-override=${target?.kind === 'line'}
        ?has-discount=${target?.kind === 'line' ? line?.discount != null || line?.priceOverride != null : this._options.orderDiscount() !== null}
        error=${this._error}
        @pos-discount-apply=${(event: PosEvent<'pos-discount-apply'>) => void this._onApply(event.detail)}
        @pos-discount-remove=${() => void this._onRemove()}
        @pos-discount-cancel=${this._close}
      ></pos-discount-dialog>
      <pos-approval-dialog
        ?open=${this._pending !== null}
        summary=${this._approvalSummary()}
        reason=${this._pending?.kind === 'override' ? this._pending.reason : (this._pending?.discount.reason ?? '')}
        .approvers=${this._approvers}
        error=${this._approvalError}
        @pos-approval-submit=${(event: PosEvent<'pos-approval-submit'>) => void this._onApprove(event.detail)}
        @pos-approval-cancel=${() => {
          this._pending = null;
          this._host.requestUpdate();
        }}
      ></pos-approval-dialog>`;
  }

  private _line(lineId: string): CartLineRecord | undefined {
    return this._options.lines().find((line) => line.lineId === lineId);
  }

  /** What a discount on the target comes off: the line's (or sale's) price before discounts. */
  private _base(target: Target): number {
    const lines =
      target.kind === 'line'
        ? [this._line(target.lineId)].filter((l) => l !== undefined)
        : this._options.lines();
    return lines.reduce(
      (sum, line) => sum + (line.priceOverride?.price ?? line.unitPrice) * line.quantity,
      0,
    );
  }

  private _approvalSummary(): string {
    const pending = this._pending;
    const context = this._options.context();
    if (pending === null || context === undefined) return '';
    const money = (amount: number) => formatMoney(minor(amount), context.currency, context.locale);
    if (pending.kind === 'override') {
      const line = this._line(pending.lineId);
      const title = line?.title ?? msg('the unit');
      return msg(
        str`Set the price of ${title} to ${money(pending.price)} (catalog ${money(line?.unitPrice ?? 0)}).`,
      );
    }
    const value =
      pending.discount.kind === 'percentage'
        ? percentOff(pending.discount.value, context.locale)
        : money(pending.discount.value);
    if (pending.target.kind === 'order') {
      return msg(str`A ${value} discount on the whole sale, above the associate's limit.`);
    }
    const title = this._line(pending.target.lineId)?.title ?? '';
    return msg(str`A ${value} discount on ${title}, above the associate's limit.`);
  }

  private async _onApply(entry: PosEvent<'pos-discount-apply'>['detail']): Promise<void> {
    const context = this._options.context();
    const target = this._target;
    const limits = this._limits;
    if (context === undefined || target === null || limits === null) return;
    if (!Number.isFinite(entry.value)) {
      this._refuse(CounterMessages.discountInvalid());
      return;
    }
    if (entry.kind === 'override') {
      if (target.kind !== 'line' || entry.value < 0) {
        this._refuse(CounterMessages.discountInvalid());
        return;
      }
      if (!limits.reasons.includes(entry.reason)) {
        this._refuse(CounterMessages.discountReasonUnknown());
        return;
      }
      await this._askApproval({
        kind: 'override',
        lineId: target.lineId,
        price: minor(entry.value),
        reason: entry.reason,
      });
      return;
    }
    const discount: Discount = {
      kind: entry.kind,
      value: entry.value,
      reason: entry.reason,
      approval: null,
    };
    const checked = checkDiscount(
      discount,
      minor(this._base(target)),
      context.role === 'admin' ? 'manager' : context.role,
      limits,
    );
    if (!checked.ok) {
      this._refuse(
        checked.problem === 'above_manager_limit'
          ? CounterMessages.discountAboveLimit(limits.managerMaxPercent)
          : checked.problem === 'unknown_reason'
            ? CounterMessages.discountReasonUnknown()
            : CounterMessages.discountInvalid(),
      );
      return;
    }
    if (checked.needsApproval) {
      await this._askApproval({ kind: 'discount', target, discount });
      return;
    }
    await this._write({ kind: 'discount', target, discount }, null);
  }

  private async _askApproval(pending: Pending): Promise<void> {
    const context = this._options.context();
    const repos = this._options.repos();
    if (context === undefined || repos === undefined) return;
    [this._approvers] = await Promise.all([
      repos.approvals.approvers(context.storeId),
      loadDiscountDialogs(),
    ]);
    this._approvalError = '';
    this._pending = pending;
    this._host.requestUpdate();
  }

  private async _onApprove(detail: PosEvent<'pos-approval-submit'>['detail']): Promise<void> {
    const context = this._options.context();
    const repos = this._options.repos();
    const pending = this._pending;
    if (context === undefined || repos === undefined || pending === null) return;
    try {
      const approval = await repos.approvals.approve({
        ...detail,
        storeId: context.storeId,
        now: new Date().toISOString(),
      });
      await this._write(pending, approval);
    } catch (error) {
      this._approvalError = describeDataError(error);
      this._host.requestUpdate();
    }
  }

  private async _write(pending: Pending, approval: DiscountApproval | null): Promise<void> {
    const context = this._options.context();
    const repos = this._options.repos();
    if (context === undefined || repos === undefined) return;
    const now = new Date().toISOString();
    try {
      if (pending.kind === 'override') {
        if (approval === null) return;
        await repos.carts.setPriceOverride(
          pending.lineId,
          { price: pending.price, reason: pending.reason, approval },
          now,
        );
      } else {
        const discount = { ...pending.discount, approval };
        if (pending.target.kind === 'line')
          await repos.carts.setLineDiscount(pending.target.lineId, discount, now);
        else await repos.carts.setOrderDiscount(context.deviceId, discount, now);
      }
      this._pending = null;
      this._target = null;
      this._host.requestUpdate();
      this._options.onChanged(
        approval === null
          ? msg('Discount given.')
          : msg('Discount given with the manager’s approval.'),
      );
    } catch (error) {
      this._pending = null;
      this._refuse(describeDataError(error));
    }
  }

  private async _onRemove(): Promise<void> {
    const target = this._target;
    const repos = this._options.repos();
    const context = this._options.context();
    if (target === null || repos === undefined || context === undefined) return;
    const now = new Date().toISOString();
    if (target.kind === 'order') {
      await repos.carts.setOrderDiscount(context.deviceId, null, now);
    } else {
      await repos.carts.setLineDiscount(target.lineId, null, now);
      await repos.carts.setPriceOverride(target.lineId, null, now);
    }
    this._close();
    this._options.onChanged(msg('Discount removed.'));
  }

  private _refuse(message: string): void {
    this._error = message;
    this._host.requestUpdate();
  }

  private readonly _close = (): void => {
    this._target = null;
    this._pending = null;
    this._error = '';
    this._host.requestUpdate();
  };
}
