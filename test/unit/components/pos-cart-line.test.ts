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
const text = (element: Element) => shadow(element).textContent?.replace(/\s+/g, ' ') ?? '';

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
    const input = shadow(element).querySelector<HTMLInputElement>('input[type="number"]');
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
    const input = shadow(element).querySelector<HTMLInputElement>('input[type="number"]')!;
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

  it('shows a serialized unit taken now as one unit that needs its serial', async () => {
    const element = await mountLine({ ...line, serialized: true, quantity: 1 });
    expect(shadow(element).querySelector('input[type="number"]')).toBeNull();
    expect(text(element)).toContain('× 1');
    expect(text(element)).toContain('Needs a serial');
    const events: string[] = [];
    element.addEventListener('pos-serial-request', (event) =>
      events.push(`serial ${event.detail.lineId}`),
    );
    element.addEventListener('pos-add-unit', (event) => events.push(`unit ${event.detail.lineId}`));
    element.addEventListener('pos-quantity-change', () => events.push('quantity'));
    shadow(element)
      .querySelector<HTMLButtonElement>('button[aria-label="Add serial of USB-C Cable"]')!
      .click();
    shadow(element)
      .querySelector<HTMLButtonElement>('button[aria-label="One more USB-C Cable"]')!
      .click();
    expect(events).toEqual(['serial line-1', 'unit line-1']);
  });

  it('shows the captured serial, and none on a unit shipped to the customer', async () => {
    const capture = {
      method: 'scanner',
      capturedAt: '2026-11-27T10:00:00Z',
      valid: true,
      configVersion: 2,
    } as const;
    const element = await mountLine({
      ...line,
      serialized: true,
      quantity: 1,
      serial: 'SN4K7Q2M9X1B3C',
      serialCapture: capture,
    });
    expect(text(element)).toContain('S/N SN4K7Q2M9X1B3C · captured');
    expect(
      shadow(element).querySelector('button[aria-label="Change serial of USB-C Cable"]'),
    ).not.toBeNull();
    element.line = { ...line, serialized: true, quantity: 1, shippingType: 'traditional_carrier' };
    await element.updateComplete;
    expect(text(element)).toContain(
      'To be shipped: its serial is scanned when the order is picked',
    );
    expect(text(element)).not.toContain('Needs a serial');
  });

  it('switches between take now and ship through an event, only on user input', async () => {
    const element = await mountLine(line);
    const changes: string[] = [];
    element.addEventListener('pos-shipping-change', (event) =>
      changes.push(event.detail.shippingType),
    );
    const ship = shadow(element).querySelector<HTMLInputElement>(
      'input[aria-label="Ship to customer: USB-C Cable"]',
    )!;
    expect(ship.checked).toBe(false);
    ship.checked = true;
    ship.dispatchEvent(new Event('change'));
    ship.checked = false;
    ship.dispatchEvent(new Event('change'));
    element.line = { ...line, shippingType: 'traditional_carrier' };
    await element.updateComplete;
    expect(ship.checked).toBe(true);
    expect(changes).toEqual(['traditional_carrier', 'in_store_handover']);
  });

  it('flags a unit that needs its serial and focuses its button', async () => {
    const element = await mountLine({ ...line, serialized: true, quantity: 1 });
    element.attention = true;
    await element.updateComplete;
    expect(element.hasAttribute('attention')).toBe(true);
    element.focusSerial();
    expect(shadow(element).activeElement?.getAttribute('aria-label')).toBe(
      'Add serial of USB-C Cable',
    );
  });
});
