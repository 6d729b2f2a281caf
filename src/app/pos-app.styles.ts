/**
 * The shell's layout: a dark header of one fixed height (whatever the sync status says, and
 * for a manager's five links at 1280 px), the routed screen filling the rest, and the update
 * notice in its own row under it. On a phone the links and Sign out move into the Menu
 * (a popover under the header). When printing, only the receipt is left.
 */
import { css } from 'lit';
import { KIOSK, PHONE } from '../components/layout.ts';

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100dvh;
    background: var(--pos-bg);
    color: var(--pos-text);
    --pos-header-height: 4rem;
  }
  /* Wraps the header and the screen only so the lock can make them inert; no box of its own. */
  .screen {
    display: contents;
  }
  header {
    flex: none;
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: 0.75rem;
    height: var(--pos-header-height);
    padding: 0 1rem;
    background: var(--pos-header-bg);
    color: var(--pos-header-text);
  }
  .brand {
    flex: 0 1 auto;
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-width: 0;
    max-width: 15rem;
  }
  .logo {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.2rem;
    height: 2.2rem;
    border-radius: 0.6rem;
    background: var(--pos-accent);
    color: var(--pos-header-bg);
    font-weight: 900;
  }
  .who-where {
    display: flex;
    flex-direction: column;
    min-width: 0;
    line-height: 1.25;
  }
  .store,
  .name {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .store {
    font-weight: 700;
    font-size: 1.05rem;
  }
  .name {
    color: var(--pos-header-muted);
    font-size: 0.9rem;
  }
  pos-sync-status {
    flex: 1 1 0;
    min-width: 0;
  }
  nav {
    display: flex;
    gap: 0.15rem;
  }
  nav.links {
    flex: none;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0 0.6rem;
    border-radius: var(--pos-radius-small);
    color: var(--pos-header-text);
    font-weight: 600;
    text-decoration: none;
    white-space: nowrap;
  }
  nav a:hover {
    background: rgb(255 255 255 / 12%);
  }
  nav a[aria-current='page'] {
    background: rgb(255 255 255 / 20%);
    text-decoration: underline;
  }
  button.on-dark {
    flex: none;
    color: var(--pos-header-text);
    border-color: var(--pos-header-muted);
    white-space: nowrap;
  }
  button.on-dark:hover {
    background: rgb(255 255 255 / 12%);
  }
  .menu-toggle {
    display: none;
    align-items: center;
    gap: 0.5rem;
    padding: 0 0.75rem;
  }
  .burger,
  .burger::before,
  .burger::after {
    display: block;
    width: 1.1rem;
    height: 2px;
    background: currentcolor;
  }
  .burger {
    position: relative;
  }
  .burger::before,
  .burger::after {
    content: '';
    position: absolute;
    left: 0;
  }
  .burger::before {
    top: -6px;
  }
  .burger::after {
    top: 6px;
  }
  /* The phone's menu: the screens, who is signed in, Sign out. */
  .menu {
    inset: var(--pos-header-height) 0 auto auto;
    width: min(20rem, 100vw);
    max-height: calc(100dvh - var(--pos-header-height));
    margin: 0;
    padding: 0.75rem;
    border: none;
    border-radius: 0 0 0 var(--pos-radius);
    background: var(--pos-header-bg);
    color: var(--pos-header-text);
    box-shadow: 0 12px 32px rgb(0 0 0 / 35%);
  }
  .menu nav {
    flex-direction: column;
  }
  .menu nav a {
    min-height: 3rem;
  }
  .menu-who {
    margin: 0 0 0.5rem;
    padding: 0 0.6rem;
  }
  .menu-store {
    color: var(--pos-header-muted);
  }
  .menu .sign-out {
    width: 100%;
    margin-top: 0.5rem;
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
    flex: none;
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
  ::slotted([slot='notice']) {
    flex: none;
  }
  /* The links do not fit beside the sync status (header-fit-controller.ts): the Menu has them. */
  header.compact nav.links,
  header.compact .sign-out {
    display: none;
  }
  header.compact .menu-toggle {
    display: inline-flex;
  }
  @media ${PHONE} {
    :host {
      --pos-header-height: 3.5rem;
    }
    header {
      gap: 0.5rem;
      padding: 0 0.5rem 0 0.75rem;
    }
    .who-where,
    nav.links,
    header .sign-out {
      display: none;
    }
    .menu-toggle {
      display: inline-flex;
    }
  }
  @media ${KIOSK} {
    .brand {
      max-width: 20rem;
    }
    nav a {
      padding: 0 0.9rem;
    }
  }
  @media print {
    :host {
      height: auto;
      background: #fff;
    }
    header,
    .banner,
    .menu,
    ::slotted([slot='notice']) {
      display: none;
    }
    main {
      overflow: visible;
    }
  }
`;
