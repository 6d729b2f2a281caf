/**
 * The shell's layout: a dark header with the store, sync status and associate; the routed
 * screen fills the rest. When printing, only the receipt is left.
 */
import { css } from 'lit';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100dvh;
    background: var(--pos-bg);
    color: var(--pos-text);
  }
  /* Wraps the header and the screen only so the lock can make them inert; no box of its own. */
  .screen {
    display: contents;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    padding: 0.5rem 1rem;
    background: var(--pos-header-bg);
    color: var(--pos-header-text);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    font-weight: 700;
    font-size: 1.15rem;
  }
  .logo {
    display: grid;
    place-items: center;
    width: 2.2rem;
    height: 2.2rem;
    border-radius: 0.6rem;
    background: var(--pos-accent);
    color: var(--pos-header-bg);
    font-weight: 900;
  }
  pos-sync-status {
    flex: 1;
    min-width: 14rem;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.75rem;
    border-radius: var(--pos-radius-small);
    color: var(--pos-header-text);
    font-weight: 600;
    text-decoration: none;
  }
  nav a:hover {
    background: rgb(255 255 255 / 12%);
  }
  nav a[aria-current='page'] {
    background: rgb(255 255 255 / 20%);
    text-decoration: underline;
  }
  .who {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-left: auto;
  }
  button.on-dark {
    color: var(--pos-header-text);
    border-color: var(--pos-header-muted);
  }
  button.on-dark:hover {
    background: rgb(255 255 255 / 12%);
  }
  main {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  main.full {
    height: 100%;
  }
  .splash {
    display: grid;
    place-items: center;
    height: 100%;
    margin: 0;
    font-size: 1.2rem;
    color: var(--pos-muted);
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.5rem 1rem;
    background: var(--pos-danger-soft);
    color: var(--pos-danger);
    font-weight: 600;
  }
  .banner.warn {
    background: var(--pos-warn-soft);
    color: var(--pos-text);
  }
  @media (max-width: 900px) {
    header {
      padding: 0.4rem 0.75rem;
      gap: 0.35rem 0.75rem;
    }
    .who .name {
      display: none;
    }
    pos-sync-status {
      order: 3;
      flex-basis: 100%;
    }
  }
  @media print {
    :host {
      height: auto;
      background: #fff;
    }
    header,
    .banner {
      display: none;
    }
    main {
      overflow: visible;
    }
  }
`;
