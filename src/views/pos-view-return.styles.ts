/** Layout of the Return screen: the search row, the sale's units, and the refund panel. */
import { css } from 'lit';

export const returnStyles = css`
  :host {
    display: block;
    max-width: 56rem;
    margin: 0 auto;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 0.75rem;
  }
  h2 {
    font-size: 1.2rem;
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
  .message {
    margin: 0.5rem 0;
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
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .matches li + li,
  .units li + li {
    margin-top: 0.5rem;
  }
  .unit {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    padding: 0.75rem;
    border: 1px solid var(--pos-border);
    border-radius: var(--pos-radius-small);
    background: var(--pos-surface);
  }
  .unit.returned {
    color: var(--pos-muted);
  }
  .pick {
    display: flex;
    flex: 1 1 100%;
    align-items: center;
    gap: 0.75rem;
    min-height: 48px;
    font-weight: 600;
  }
  .pick input {
    width: 28px;
    height: 28px;
  }
  .amount {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .details label,
  .unit label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: 48px;
  }
  .ok {
    color: var(--pos-ok-text);
    font-weight: 700;
  }
  .note {
    color: var(--pos-muted);
  }
  .refund {
    margin-top: 1rem;
    padding: 1rem;
    border-radius: var(--pos-radius);
    background: var(--pos-surface);
    border: 1px solid var(--pos-border);
  }
  .tenders li {
    display: flex;
    gap: 1rem;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0.75rem 0;
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
  }
  fieldset input[type='radio'] {
    width: 24px;
    height: 24px;
  }
  .give-back {
    font-size: 1.6rem;
    font-weight: 800;
  }
  .pay {
    width: 100%;
    min-height: 56px;
  }
`;
