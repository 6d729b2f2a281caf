/**
 * Receipt paper, shared by the sale and the return receipt: black on white whatever the
 * theme, a dashed rule under the store's header, the lines as a table with amounts aligned
 * right, and, printed, the width of an 80 mm till roll without the card's shadow.
 */
import { css } from 'lit';

export const receiptPaperStyles = css`
  :host {
    display: block;
    max-width: 26rem;
    margin: 0 auto;
    padding: 1.5rem 1.25rem;
    background: #fff;
    color: #000;
    border-radius: var(--pos-radius);
    box-shadow: 0 2px 12px rgb(0 0 0 / 12%);
    font-size: 1rem;
  }
  header {
    text-align: center;
    border-bottom: 1px dashed #000;
    padding-bottom: 0.75rem;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.35rem;
  }
  p {
    margin: 0.1rem 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.75rem 0;
  }
  th {
    text-align: left;
    font-weight: 600;
    border-bottom: 1px solid #000;
    padding: 0.25rem 0;
  }
  td {
    padding: 0.35rem 0;
    vertical-align: top;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .detail {
    font-size: 0.9rem;
    color: #333;
  }
  @media print {
    :host {
      box-shadow: none;
      max-width: 80mm;
      padding: 0;
      font-size: 11pt;
    }
  }
`;

/**
 * The screen around a receipt: its title and buttons (print, new sale) in a row above the
 * paper, hidden when printed.
 */
export const receiptPageStyles = css`
  :host {
    display: block;
    padding: 1rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.75rem;
    max-width: 40rem;
    margin: 0 auto 1rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  @media print {
    :host {
      padding: 0;
    }
    .top {
      display: none;
    }
  }
`;
