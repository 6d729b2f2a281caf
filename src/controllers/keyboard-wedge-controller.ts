/**
 * Hears a keyboard-wedge barcode scanner anywhere on a screen, without a field being
 * focused first. Keys are watched on the window (capture phase) and fed to the pure
 * KeyboardWedgeDetector; a completed scan is reported once. When the burst landed in a text
 * field that is not the barcode field, the scanned characters are taken back out of it and
 * the terminator is swallowed (so Enter does not submit that form). Human typing is never
 * touched: it is too slow to be a burst.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KeyboardWedgeDetector } from '../scan/keyboard-wedge.ts';
import {
  SCAN_SETTINGS_CHANGED,
  loadScanSettings,
  terminatorKeys,
  type ScanSettings,
} from '../scan/scan-settings.ts';

export interface KeyboardWedgeControllerOptions {
  /** Receives each scanned code (prefix/suffix removed). */
  readonly onScan: (code: string) => void;
  /**
   * True for the element that is the screen's own barcode field: it handles its own Enter,
   * so scans typed into it are left to it.
   */
  readonly isScanField?: (element: Element) => boolean;
  /** While this returns false (a payment dialog is open, say) keys are ignored. */
  readonly enabled?: () => boolean;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'tel',
  'url',
  'email',
  'number',
  'password',
  '',
]);

function asTextField(target: EventTarget | undefined): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return target;
  return null;
}

export class KeyboardWedgeController implements ReactiveController {
  private readonly _detector = new KeyboardWedgeDetector();

  constructor(
    host: ReactiveControllerHost,
    private readonly _options: KeyboardWedgeControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._configure(loadScanSettings());
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    window.addEventListener(SCAN_SETTINGS_CHANGED, this._onSettings);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
    window.removeEventListener(SCAN_SETTINGS_CHANGED, this._onSettings);
    this._detector.reset();
  }

  private _configure(settings: ScanSettings): void {
    this._detector.configure({
      prefix: settings.prefix,
      suffix: settings.suffix,
      terminators: terminatorKeys(settings.terminator),
    });
  }

  private readonly _onSettings = (event: Event): void => {
    this._configure((event as CustomEvent<ScanSettings>).detail);
  };

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (this._options.enabled?.() === false || event.ctrlKey || event.metaKey || event.altKey) {
      this._detector.reset();
      return;
    }
    const verdict = this._detector.onKey(event.key, event.timeStamp);
    if (verdict.kind !== 'scan') return;
    const target = event.composedPath()[0];
    if (target instanceof Element && this._options.isScanField?.(target) === true) return;
    // The scan is ours: the terminator must not submit a form or press a focused button.
    event.preventDefault();
    event.stopPropagation();
    const field = asTextField(target);
    if (field !== null) removeTyped(field, verdict.typed);
    this._options.onScan(verdict.code);
  };
}

/** Takes the last `count` characters before the caret back out of a field. */
function removeTyped(field: TextField, count: number): void {
  const end = field.selectionEnd ?? field.value.length;
  const start = Math.max(0, end - count);
  field.value = field.value.slice(0, start) + field.value.slice(end);
  try {
    field.setSelectionRange(start, start);
  } catch {
    // Number and email inputs have no selection API; the value is already right.
  }
  // Frameworks that mirror the field's value hear about the change.
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
