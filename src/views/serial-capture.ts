/**
 * What the sell and pick screens' serial prompts share, so both check a serial the same way:
 * the active pattern read live, a serial validated against it on the device, a GS1 scan's
 * GTIN checked against the unit's product, and the `<pos-serial-prompt>` they render. Each
 * screen keeps what it does with an accepted serial.
 */
import { html, type ReactiveControllerHost } from 'lit';
import '../components/pos-serial-prompt.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { SerialCaptureInput } from '../data/cart-repository.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialSettings } from '../data/serial-repository.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { loadSerialValidation } from './load-serial-validation.ts';
import type { PosEvent } from '../components/events.ts';

export type SerialSettingsQuery = LiveQueryController<SerialSettings, readonly [Repositories]>;

/** The serial settings (pattern and its version), re-read when an admin changes them. */
export function serialSettingsQuery(
  host: ReactiveControllerHost,
  repos: () => Repositories | undefined,
): SerialSettingsQuery {
  return new LiveQueryController(host, {
    args: () => {
      const current = repos();
      return current === undefined ? undefined : ([current] as const);
    },
    query: (current) => current.serials.settings(),
  });
}

/** The validator of the active pattern (no pattern: any non-empty serial passes). */
export async function serialValidator(
  settings: SerialSettings | undefined,
): Promise<SerialValidator> {
  const { createSerialValidator } = await loadSerialValidation();
  return createSerialValidator(settings?.pattern ?? null);
}

export type SerialValidated =
  | { readonly ok: true; readonly capture: SerialCaptureInput }
  | { readonly ok: false; readonly message: string | null };

/** Validates a serial by the active pattern: the capture to record, or the refusal's sentence. */
export async function validateSerial(
  settings: SerialSettings | undefined,
  raw: string,
  method: CaptureMethod,
): Promise<SerialValidated> {
  const validator = await serialValidator(settings);
  const { describeSerialRefusal } = await loadSerialValidation();
  const result = validator.validate(raw);
  if (!result.ok) return { ok: false, message: describeSerialRefusal(result) };
  return {
    ok: true,
    capture: {
      serial: result.serial,
      method,
      capturedAt: new Date().toISOString(),
      valid: validator.active ? true : null,
      configVersion: settings?.version ?? null,
    },
  };
}

/**
 * A GS1 scan names its product: the refusal when it is not the unit's (the associate scanned
 * the wrong box), or null when it fits or the scan named none.
 */
export async function wrongProductRefusal(
  repos: Repositories,
  gtin: string | null,
  unit: { readonly productId: string; readonly title: string },
): Promise<string | null> {
  if (gtin === null) return null;
  const product = await repos.catalog.findByCode(gtin);
  if (product?.productId === unit.productId) return null;
  return `That code belongs to ${product?.title ?? 'another product'}, not ${unit.title}. Scan the serial of the ${unit.title}.`;
}

export const CAMERA_REFUSAL =
  'The camera could not be opened here. Type the serial or use the scanner.';

export interface SerialPromptState {
  readonly title: string | undefined;
  readonly pattern: string;
  readonly example: string;
  readonly error: string;
  readonly busy: boolean;
  readonly onEntered: (serial: string, method: CaptureMethod) => void;
  readonly onCancel: () => void;
  readonly onCamera: () => void;
}

/** The prompt, open while `title` names a unit. */
export function renderSerialPrompt(state: SerialPromptState) {
  return html`<pos-serial-prompt
    ?open=${state.title !== undefined}
    product-title=${state.title ?? ''}
    pattern=${state.pattern}
    example=${state.example}
    error=${state.error}
    ?busy=${state.busy}
    @pos-serial-entered=${(event: PosEvent<'pos-serial-entered'>) =>
      state.onEntered(event.detail.serial, event.detail.method)}
    @pos-serial-cancel=${state.onCancel}
    @pos-serial-camera=${state.onCamera}
  ></pos-serial-prompt>`;
}
