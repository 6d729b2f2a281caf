/**
 * Keeps typing aimed at a screen's barcode field: a printable key pressed while focus sits on
 * a button or nowhere moves focus to the field first, so the character (a person typing a SKU,
 * or a scanner the burst detector did not recognise) lands there and Enter submits it. Keys
 * typed into another text field, Space (which presses the focused button) and shortcuts are
 * left alone. When the app's lock goes away, focus returns to the field.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { APP_UNLOCKED_EVENT } from './idle-controller.ts';

export interface ScanFocusOptions {
  /** Moves focus to the barcode field. */
  readonly focusField: () => void;
  /** While this returns false (a payment dialog is open) nothing is steered. */
  readonly enabled: () => boolean;
}

const isTextEntry = (target: EventTarget | undefined): boolean =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

export class ScanFocusController implements ReactiveController {
  private readonly _options: ScanFocusOptions;

  constructor(host: ReactiveControllerHost, options: ScanFocusOptions) {
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    window.addEventListener(APP_UNLOCKED_EVENT, this._onUnlocked);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
    window.removeEventListener(APP_UNLOCKED_EVENT, this._onUnlocked);
  }

  private readonly _onUnlocked = (): void => {
    if (this._options.enabled()) this._options.focusField();
  };

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (!this._options.enabled() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length !== 1 || event.key === ' ') return;
    if (isTextEntry(event.composedPath()[0])) return;
    this._options.focusField();
  };
}
