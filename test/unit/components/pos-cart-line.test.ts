// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-cart-line.ts';
import type { PosCartLine } from '../../../src/components/pos-cart-line.ts';
import { minor } from '../../../src/domain/money.ts';
import type { SaleLine } from '../../../src/domain/sale.ts';

const line: SaleLine = {
  lineId: 'line-1',
  productId: 'demo-016',
  title: 'USB-C Cable',
  unitPrice: minor(1499),
  quantity: 2,
  serialized: false,
  shippingType: 'in_store_handover',
  serial: null,
  serialCapture: null,
};

async function mountLine(value: SaleLine): Promise<PosCartLine> {
  const element = document.createElement('pos-cart-line');
  element.line = value;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const shadow = (element: Element) => element.shadowRoot!;

afterEach(() => {
  document.body.replaceChildren();
});

describe('<pos-cart-line>', () => {
  it('shows the title, unit price, quantity and line total', async () => {
    const element = await mountLine(line);
    const text = shadow(element).textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('USB-C Cable');
    expect(text).toContain('$14.99 each');
    expect(text).toContain('$29.98');
    const input = shadow(element).querySelector<HTMLInputElement>('input');
    expect(input?.value).toBe('2');
    expect(input?.getAttribute('aria-label')).toBe('Quantity of USB-C Cable');
  });

  it('asks for one more, one less, a typed quantity and removal through events', async () => {
    const element = await mountLine(line);
    const events: string[] = [];
    element.addEventListener('pos-quantity-change', (event) =>
      events.push(`quantity ${event.detail.lineId} ${event.detail.quantity}`),
    );
    element.addEventListener('pos-remove-line', (event) =>
      events.push(`remove ${event.detail.lineId}`),
    );
    const button = (label: string) =>
      shadow(element).querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

    button('One more USB-C Cable').click();
    button('One less USB-C Cable').click();
    const input = shadow(element).querySelector<HTMLInputElement>('input')!;
    input.value = '2';
    input.dispatchEvent(new Event('change'));
    input.value = '7';
    input.dispatchEvent(new Event('change'));
    button('Remove USB-C Cable').click();

    expect(events).toEqual([
      'quantity line-1 3',
      'quantity line-1 1',
      'quantity line-1 7',
      'remove line-1',
    ]);
  });

  it('shows a serialized unit as one unit without quantity buttons', async () => {
    const element = await mountLine({ ...line, serialized: true, quantity: 1 });
    expect(shadow(element).querySelector('input')).toBeNull();
    expect(shadow(element).textContent).toContain('Serialized item');
  });
});
