// @vitest-environment happy-dom
/**
 * <pos-serial-prompt>: shows what the pattern expects, the view's refusal, and reports what
 * was entered with how (typed slowly, or a scanner's burst), "Later" and the camera as events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-serial-prompt.ts';
import type { PosSerialPrompt } from '../../../src/components/pos-serial-prompt.ts';

async function mountPrompt(props: Partial<PosSerialPrompt> = {}): Promise<PosSerialPrompt> {
  const element = document.createElement('pos-serial-prompt');
  Object.assign(element, { productTitle: 'Pixel Nova 8', open: true, ...props });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const root = (element: PosSerialPrompt) => element.shadowRoot!;
const text = (element: PosSerialPrompt) => root(element).textContent?.replace(/\s+/g, ' ') ?? '';
const input = (element: PosSerialPrompt) => root(element).querySelector('input')!;
const submit = (element: PosSerialPrompt) =>
  root(element)
    .querySelector('form')!
    .dispatchEvent(new Event('submit', { cancelable: true }));

afterEach(() => {
  document.body.replaceChildren();
});

describe('<pos-serial-prompt>', () => {
  it('names the product and says what is expected as the view words it', async () => {
    const expected = 'Expected: 14 capital letters or digits, for example A1B2C3D4E5F6G7.';
    const element = await mountPrompt({ expected });
    expect(text(element)).toContain('Pixel Nova 8');
    expect(text(element)).toContain(expected);
    expect(text(element)).not.toContain('^');
  });

  it('shows typed text in capitals and starts phone keyboards in capitals when asked', async () => {
    const element = await mountPrompt();
    expect(input(element).getAttribute('autocapitalize')).toBe('off');
    element.uppercase = true;
    await element.updateComplete;
    expect(input(element).getAttribute('autocapitalize')).toBe('characters');
    expect(input(element).classList.contains('uppercase')).toBe(true);
  });

  it('shows the refusal as an alert and marks the field invalid', async () => {
    const element = await mountPrompt({ error: 'SN1 is not a valid serial number.' });
    expect(root(element).querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'SN1 is not a valid serial number.',
    );
    expect(input(element).getAttribute('aria-invalid')).toBe('true');
  });

  it('reports a typed serial as typed, and Later and the camera as their own events', async () => {
    const element = await mountPrompt();
    const events: string[] = [];
    element.addEventListener('pos-serial-entered', (event) =>
      events.push(`${event.detail.method} ${event.detail.serial}`),
    );
    element.addEventListener('pos-serial-cancel', () => events.push('later'));
    element.addEventListener('pos-serial-camera', () => events.push('camera'));
    input(element).value = 'SN4K7Q2M9X1B3C';
    submit(element);
    const buttons = [...root(element).querySelectorAll<HTMLButtonElement>('button')];
    buttons.find((button) => button.textContent?.trim() === 'Later')!.click();
    buttons.find((button) => button.textContent?.trim() === 'Scan with camera')!.click();
    expect(events).toEqual(['typed SN4K7Q2M9X1B3C', 'later', 'camera']);
  });

  it('reports a burst of keys as a scanner capture', async () => {
    const element = await mountPrompt();
    let method = '';
    element.addEventListener('pos-serial-entered', (event) => (method = event.detail.method));
    const field = input(element);
    for (const key of 'SN4K7Q2M9X1B3C') {
      field.dispatchEvent(new KeyboardEvent('keydown', { key }));
      field.value += key;
    }
    submit(element);
    expect(method).toBe('scanner');
  });

  it('submits nothing while the view is busy checking the last serial', async () => {
    const element = await mountPrompt({ busy: true });
    let entered = 0;
    element.addEventListener('pos-serial-entered', () => (entered += 1));
    input(element).value = 'SN4K7Q2M9X1B3C';
    submit(element);
    expect(entered).toBe(0);
  });
});
