/**
 * Layout of the sell screen: cart and checkout side by side on a landscape tablet or a kiosk,
 * stacked on a phone with the totals and Pay button pinned to the bottom within thumb reach.
 */
import { css } from 'lit';

export const sellStyles = css`
  :host {
    display: block;
    height: 100%;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(19rem, 26rem);
    gap: 1rem;
    height: 100%;
    padding: 1rem;
  }
  .cart {
    display: flex;
    flex-direction: column;
    min-height: 0;
    gap: 0.5rem;
  }
  .scan-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  .scan-row pos-scan-field {
    flex: 1 1 18rem;
    min-width: 0;
  }
  .scan-row .camera {
    min-height: 56px;
    white-space: nowrap;
  }
  .message {
    margin: 0;
    min-height: 2.9rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--pos-radius-small);
    font-weight: 600;
  }
  .message.info {
    background: var(--pos-ok-soft);
    color: var(--pos-ok-text);
  }
  .message.error {
    background: var(--pos-danger-soft);
    color: var(--pos-danger);
  }
  .exchange {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.8rem;
    border-radius: var(--pos-radius-small);
    border: 2px solid var(--pos-primary);
  }
  .exchange p {
    margin: 0;
  }
  .exchange-totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 1rem;
    margin: 0;
    font-weight: 700;
  }
  .exchange-totals dd {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .storage-full {
    margin: 0;
    padding: 0.6rem 0.8rem;
    border-radius: var(--pos-radius-small);
    background: var(--pos-danger);
    color: var(--pos-on-primary);
    font-weight: 700;
  }
  .cart-title {
    margin: 0.25rem 0 0;
    font-size: 1.1rem;
    color: var(--pos-muted);
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .checkout {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    align-self: start;
    padding: 1.25rem;
    background: var(--pos-surface);
    border: 1px solid var(--pos-border);
    border-radius: var(--pos-radius);
    box-shadow: 0 2px 10px rgb(15 23 32 / 6%);
  }
  .checkout h2 {
    margin: 0;
    font-size: 1.3rem;
  }
  .actions {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .pay {
    min-height: 64px;
    font-size: 1.3rem;
  }
  @media (max-width: 560px) {
    .scan-row .camera {
      flex-basis: 100%;
      min-height: 48px;
    }
  }
  @media (max-width: 900px) {
    .layout {
      grid-template-columns: 1fr;
      grid-template-rows: minmax(0, 1fr) auto;
      padding: 0.75rem 0.75rem 0;
      gap: 0.5rem;
    }
    .checkout {
      position: sticky;
      bottom: 0;
      align-self: end;
      gap: 0.6rem;
      padding: 0.9rem 1rem calc(0.9rem + env(safe-area-inset-bottom));
      margin: 0 -0.75rem;
      border-radius: var(--pos-radius) var(--pos-radius) 0 0;
      box-shadow: 0 -4px 18px rgb(15 23 32 / 12%);
    }
    .checkout h2 {
      display: none;
    }
    .actions {
      flex-direction: row-reverse;
    }
    .actions .pay {
      flex: 2;
    }
    .actions .clear {
      flex: 1;
    }
  }
`;
