/** Layout of one fulfilment request being picked: scan row, messages, units, then the actions. */
import { css } from 'lit';

export const pickRequestStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
    margin-bottom: 0.75rem;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--pos-muted);
  }
  .progress {
    font-weight: 700;
    margin-inline-start: auto;
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
    margin: 0.5rem 0;
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
  .sync-error {
    margin: 0.5rem 0;
    padding: 0.6rem 0.8rem;
    border-radius: var(--pos-radius-small);
    background: var(--pos-warn-soft);
    font-weight: 600;
  }
  ol {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .actions label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 600;
  }
  .done {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--pos-radius);
    background: var(--pos-ok-soft);
    color: var(--pos-ok-text);
    font-weight: 700;
  }
`;
