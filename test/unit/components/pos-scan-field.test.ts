// @vitest-environment happy-dom
/**
 * <pos-scan-field>: a code entered with Enter, and with `search` the combobox over the
 * products matching what is typed: the text goes out at a person's pace and never during a
 * scanner's burst, suggestions show only for the text they answer, the arrow keys and Enter
 * choose one, Escape closes the list, and Enter with no active option still submits the code.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/components/pos-scan-field.ts';
import type { PosScanField } from '../../../src/components/pos-scan-field.ts';
import type { ProductOption } from '../../../src/components/product-option.ts';
import { minor } from '../../../src/domain/money.ts';
import { SUGGEST_SETTLE_MS } from '../../../src/scan/typing-pace.ts';

const shadow = (element: Element) => element.shadowRoot!;
const input = (element: PosScanField) => shadow(element).querySelector('input')!;

const OPTIONS: ProductOption[] = [
  {
    productId: 'wall',
    title: '20 W USB-C Wall Charger',
    brand: 'Voltra',
    sku: 'AIS-021',
    price: minor(1900),
    serialized: false,
  },
  {
    productId: 'gan',
    title: '65 W GaN Dual-Port Charger',
    brand: 'Voltra',
    sku: 'AIS-022',
    price: minor(4999),
    serialized: false,
  },
];

async function mount(props: Partial<PosScanField> = {}): Promise<PosScanField> {
  const element: PosScanField = document.createElement('pos-scan-field');
  Object.assign(element, props);
  document.body.append(element);
  await element.updateComplete;
  // With `search` the field loads its combobox first (a chunk of its own in the app).
  if (element.search) {
    await vi.waitFor(() => expect(input(element).getAttribute('role')).toBe('combobox'));
  }
  return element;
}

/** What the field sent: every text for suggestions, codes entered and products chosen. */
function record(element: PosScanField) {
  const sent = { texts: [] as string[], codes: [] as string[], chosen: [] as string[] };
  element.addEventListener('pos-code-input', (event) => sent.texts.push(event.detail.text));
  element.addEventListener('pos-code-entered', (event) => sent.codes.push(event.detail.code));
  element.addEventListener('pos-product-choose', (event) =>
    sent.chosen.push(event.detail.productId),
  );
  return sent;
}

/** One key into the field (keydown, the character, input), as the browser delivers it. */
function key(element: PosScanField, char: string): void {
  const field = input(element);
  field.dispatchEvent(new KeyboardEvent('keydown', { key: char, bubbles: true, composed: true }));
  field.value += char;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function press(element: PosScanField, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
  input(element).dispatchEvent(event);
  return event;
}

const submit = (element: PosScanField) => shadow(element).querySelector('form')!.requestSubmit();

/** The field's suggestions as the view hands them back for `text`. */
async function answer(element: PosScanField, text: string, options = OPTIONS): Promise<void> {
  element.suggestions = { query: text, options, partial: false, currency: 'USD', locale: 'en-US' };
  await element.updateComplete;
}

const optionsShown = (element: PosScanField) =>
  [...shadow(element).querySelectorAll('[role="option"]')].map((o) =>
    o.getAttribute('data-product-id'),
  );

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('<pos-scan-field>', () => {
  it('emits the typed code on Enter and clears itself', async () => {
    const element = await mount();
    const sent = record(element);
    input(element).value = ' 036000291452 ';
    submit(element);
    expect(sent.codes).toEqual(['036000291452']);
    expect(input(element).value).toBe('');
    submit(element);
    expect(sent.codes).toHaveLength(1);
  });

  it('is a plain text field without `search`: no combobox, no text sent while typing', async () => {
    const element = await mount();
    const sent = record(element);
    key(element, 'c');
    key(element, 'h');
    expect(input(element).hasAttribute('role')).toBe(false);
    expect(sent.texts).toEqual([]);
  });
});

describe('<pos-scan-field search>', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });

  it("sends the text at once at a person's pace", async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    for (const char of 'cha') {
      key(element, char);
      vi.advanceTimersByTime(120);
    }
    expect(sent.texts).toEqual(['c', 'ch', 'cha']);
  });

  it("holds a scanner's burst back, and its Enter drops it", async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    for (const char of 'AIS-022') {
      key(element, char);
      vi.advanceTimersByTime(4);
    }
    submit(element);
    vi.advanceTimersByTime(SUGGEST_SETTLE_MS * 4);
    // Only the first key went out (one character is never searched); the code was entered.
    expect(sent.texts).toEqual(['A']);
    expect(sent.codes).toEqual(['AIS-022']);
  });

  it('sends fast text once the field has been quiet long enough', async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    for (const char of 'usb') {
      key(element, char);
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(SUGGEST_SETTLE_MS - 10);
    expect(sent.texts).toEqual(['u']);
    vi.advanceTimersByTime(10);
    expect(sent.texts).toEqual(['u', 'usb']);
  });

  it('shows suggestions only for the text in the field', async () => {
    const element = await mount({ search: true });
    key(element, 'c');
    vi.advanceTimersByTime(100);
    key(element, 'h');
    // An answer for "c" comes after "ch" was typed: not shown.
    await answer(element, 'c');
    expect(optionsShown(element)).toEqual([]);
    expect(input(element).getAttribute('aria-expanded')).toBe('false');
    await answer(element, 'ch');
    expect(optionsShown(element)).toEqual(['wall', 'gan']);
    expect(input(element).getAttribute('aria-expanded')).toBe('true');
    expect(input(element).getAttribute('aria-controls')).toBe(
      shadow(element).querySelector('[role="listbox"]')?.id,
    );
  });

  it('moves through the suggestions with the arrows and chooses with Enter', async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    key(element, 'c');
    vi.advanceTimersByTime(100);
    key(element, 'h');
    await answer(element, 'ch');
    expect(input(element).hasAttribute('aria-activedescendant')).toBe(false);

    const active = () => {
      const id = input(element).getAttribute('aria-activedescendant');
      const option = id === null ? null : shadow(element).getElementById(id);
      return option?.getAttribute('aria-selected') === 'true'
        ? option.getAttribute('data-product-id')
        : null;
    };
    expect(press(element, 'ArrowDown').defaultPrevented).toBe(true);
    await element.updateComplete;
    expect(active()).toBe('wall');
    press(element, 'ArrowDown');
    await element.updateComplete;
    expect(active()).toBe('gan');
    press(element, 'ArrowDown'); // wraps
    await element.updateComplete;
    expect(active()).toBe('wall');
    press(element, 'ArrowUp'); // and back
    await element.updateComplete;
    expect(active()).toBe('gan');

    expect(press(element, 'Enter').defaultPrevented).toBe(true);
    await element.updateComplete;
    expect(sent.chosen).toEqual(['gan']);
    expect(sent.codes).toEqual([]);
    expect(input(element).value).toBe('');
    expect(optionsShown(element)).toEqual([]);
  });

  it('submits the code on Enter while no suggestion is active, and Escape closes the list', async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    key(element, 'c');
    vi.advanceTimersByTime(100);
    key(element, 'h');
    await answer(element, 'ch');
    press(element, 'Escape');
    await element.updateComplete;
    expect(optionsShown(element)).toEqual([]);
    expect(input(element).value).toBe('ch');

    // The next keystroke opens it again; an arrow then typing again forgets the active one.
    key(element, 'a');
    await answer(element, 'cha');
    press(element, 'ArrowDown');
    key(element, 'r');
    await answer(element, 'char');
    expect(input(element).hasAttribute('aria-activedescendant')).toBe(false);
    expect(press(element, 'Enter').defaultPrevented).toBe(false);
    submit(element);
    expect(sent.codes).toEqual(['char']);
    expect(sent.chosen).toEqual([]);
  });

  it('chooses a tapped suggestion and keeps focus in the field', async () => {
    const element = await mount({ search: true });
    const sent = record(element);
    key(element, 'g');
    vi.advanceTimersByTime(100);
    key(element, 'a');
    await answer(element, 'ga');
    const option = shadow(element).querySelector<HTMLElement>('[data-product-id="gan"]')!;
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    option.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);
    option.click();
    await element.updateComplete;
    expect(sent.chosen).toEqual(['gan']);
    expect(input(element).value).toBe('');
  });

  it('closes the list when the field loses focus and opens it again on focus', async () => {
    const element = await mount({ search: true });
    key(element, 'c');
    vi.advanceTimersByTime(100);
    key(element, 'h');
    await answer(element, 'ch');
    input(element).dispatchEvent(new FocusEvent('blur'));
    await element.updateComplete;
    expect(optionsShown(element)).toEqual([]);
    expect(input(element).getAttribute('aria-expanded')).toBe('false');
    input(element).dispatchEvent(new FocusEvent('focus'));
    await element.updateComplete;
    expect(optionsShown(element)).toEqual(['wall', 'gan']);
  });

  it('says when nothing matches', async () => {
    const element = await mount({ search: true });
    key(element, 'z');
    vi.advanceTimersByTime(100);
    key(element, 'q');
    await answer(element, 'zq', []);
    expect(shadow(element).querySelector('[role="status"]')?.textContent).toContain(
      'No product name or SKU matches “zq”.',
    );
    expect(input(element).getAttribute('aria-expanded')).toBe('false');
  });
});
