/**
 * Styles every element shares: buttons and fields sized for fingers (3 rem: 48 px, 60 px on a
 * kiosk; never under 44 px), a visible focus ring, and the colour tokens from index.html.
 * Contrast is kept at WCAG AA or better because tills are read at arm's length under shop
 * lighting. Hover colours apply to enabled buttons only: a disabled one looks the same
 * whatever the pointer does.
 */
import { css } from 'lit';

export const controlStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 3rem;
    min-width: 3rem;
    padding: 0 1.1rem;
    border-radius: var(--pos-radius-small);
    border: 2px solid var(--pos-primary);
    background: var(--pos-surface);
    color: var(--pos-primary);
    cursor: pointer;
    touch-action: manipulation;
  }
  button:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--pos-primary-soft);
  }
  button.primary {
    background: var(--pos-primary);
    color: var(--pos-on-primary);
  }
  button.primary:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--pos-primary-strong);
  }
  button.pay {
    background: var(--pos-pay);
    border-color: var(--pos-pay);
    color: var(--pos-on-primary);
  }
  button.pay:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--pos-pay-strong);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
  }
  button.quiet:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--pos-primary-soft);
  }
  button.danger {
    color: var(--pos-danger);
    border-color: transparent;
    background: transparent;
  }
  button.danger:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--pos-danger-soft);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 1;
    background: var(--pos-disabled-bg);
    border-color: var(--pos-disabled-bg);
    color: var(--pos-disabled-text);
  }
  button.quiet:disabled {
    background: transparent;
    border-color: transparent;
    color: var(--pos-border-strong);
  }
  input,
  select {
    font: inherit;
    min-height: 3rem;
    max-width: 100%;
    padding: 0 0.75rem;
    border: 2px solid var(--pos-border-strong);
    border-radius: var(--pos-radius-small);
    background: var(--pos-surface);
    color: var(--pos-text);
  }
  input[type='checkbox'] {
    width: 2.75rem;
    height: 2.75rem;
    min-height: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--pos-primary);
    flex: none;
  }
  /* A link that leads to another screen is a target like a button. */
  a.link {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    min-width: 2.75rem;
    font-weight: 600;
    color: var(--pos-primary);
  }
  :focus-visible {
    outline: 3px solid var(--pos-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .money {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;

/**
 * The modal dialogs' frame (approval, customer, discount, serial, sign-out): at most the
 * screen's width less a margin, a dimmed backdrop, a heading, fields stacked under their
 * labels, an error box and the buttons at the end, wrapping on a phone. A dialog's own
 * styles after these set its width (`--pos-dialog-width`) and what it adds.
 */
export const dialogStyles = css`
  dialog {
    width: min(var(--pos-dialog-width, 30rem), 96vw);
    border: none;
    border-radius: var(--pos-radius);
    padding: 1.25rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.3rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 600;
    margin-top: 0.75rem;
  }
  select {
    font: inherit;
    min-height: 48px;
  }
  .error {
    margin-top: 0.6rem;
    padding: 0.6rem 0.75rem;
    border-radius: var(--pos-radius-small);
    background: var(--pos-danger-soft);
    color: var(--pos-danger);
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 1rem;
  }
`;
