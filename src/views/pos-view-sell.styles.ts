/**
 * Layout of the sell screen, in the three form factors of `components/layout.ts`:
 * - tablet and kiosk: cart and checkout side by side, the checkout a card at the top right;
 * - phone: the cart is the screen — scan row, message, the cart's lines scrolling in all the
 *   height left, and under them (never over them) a compact bar with the totals and Pay.
 */
import { css } from 'lit';
import { KIOSK, PHONE } from '../components/layout.ts';

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
    min-width: 0;
    gap: 0.5rem;
  }
  .scan-row {
    display: flex;
    align-items: end;
    gap: 0.5rem;
  }
  .scan-row pos-scan-field {
    flex: 1 1 auto;
    min-width: 0;
  }
  .scan-row .camera {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 3.5rem;
    white-space: nowrap;
  }
  .icon {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
  }
  .message {
    margin: 0;
    min-height: 2.9rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--pos-radius-small);
    font-weight: 600;
    overflow-wrap: anywhere;
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
  /* The way to open a shift sits in the banner: the banner's own colour keeps its contrast. */
  .storage-full a {
    color: inherit;
    text-decoration: underline;
  }
  .cart-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    min-height: 3rem;
  }
  .cart-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.25rem;
  }
  .cart-actions button {
    padding: 0 0.6rem;
  }
  .cart-head {
    padding: 0 0.25rem;
  }
  .cart-title {
    margin: 0;
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
    min-width: 0;
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
  .pay {
    min-height: 4rem;
    font-size: 1.3rem;
    white-space: nowrap;
  }
  @media ${KIOSK} {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(24rem, 2fr);
      gap: 1.25rem;
      padding: 1.25rem;
    }
  }
  @media ${PHONE} {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) auto;
      gap: 0.4rem;
      padding: 0.4rem 0.25rem 0;
    }
    .cart-actions .long {
      display: none;
    }
    .cart {
      gap: 0.4rem;
    }
    .scan-row .camera {
      padding: 0;
      width: 3.5rem;
      justify-content: center;
    }
    .scan-row .camera .label {
      display: none;
    }
    .message {
      min-height: 2.5rem;
      padding: 0.4rem 0.6rem;
      font-size: 0.95rem;
    }
    .cart-title {
      font-size: 1rem;
    }
    /* The compact bar: totals on the left, Pay on the right; it takes its own grid row. */
    .checkout {
      flex-direction: row;
      align-items: center;
      align-self: stretch;
      gap: 0.75rem;
      margin: 0 -0.25rem;
      padding: 0.5rem 0.75rem calc(0.5rem + env(safe-area-inset-bottom));
      border-width: 1px 0 0;
      border-radius: 0;
      box-shadow: 0 -4px 14px rgb(15 23 32 / 10%);
    }
    .checkout h2 {
      display: none;
    }
    .checkout pos-cart-totals {
      flex: 1 1 auto;
      min-width: 0;
    }
    /* The total is right beside it: the button just says Pay. */
    .pay {
      flex: 0 0 40%;
      min-height: 3.5rem;
      font-size: 1.2rem;
      padding: 0 0.9rem;
    }
    .pay .amount {
      display: none;
    }
  }
`;
