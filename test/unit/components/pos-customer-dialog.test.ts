// @vitest-environment happy-dom
/**
 * <pos-customer-dialog>: shows the attached customer, refuses a bad e-mail or phone beside the
 * field (marked invalid) without emitting anything, and emits the checked customer, a removal
 * or a cancel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-customer-dialog.ts';
import type { PosCustomerDialog } from '../../../src/components/pos-customer-dialog.ts';
import type { Customer } from '../../../src/domain/customer.ts';

async function mountDialog(customer: Customer | null = null): Promise<PosCustomerDialog> {
  const element = document.createElement('pos-customer-dialog');
  Object.assign(element, { customer, open: true });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const root = (element: PosCustomerDialog) => element.shadowRoot!;
const field = (element: PosCustomerDialog, name: string) =>
  root(element).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const submit = async (element: PosCustomerDialog) => {
  root(element)
    .querySelector('form')!
    .dispatchEvent(new Event('submit', { cancelable: true }));
  await element.updateComplete;
};

/** Every event the dialog emits, as "name detail". */
function record(element: PosCustomerDialog): string[] {
  const events: string[] = [];
  element.addEventListener('pos-customer-save', (event) =>
    events.push(`save ${JSON.stringify(event.detail.customer)}`),
  );
  element.addEventListener('pos-customer-remove', () => events.push('remove'));
  element.addEventListener('pos-customer-cancel', () => events.push('cancel'));
  return events;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<pos-customer-dialog>', () => {
  it('emits the checked customer', async () => {
    const element = await mountDialog();
    const events = record(element);
    field(element, 'name').value = '  Ada  Lovelace';
    field(element, 'email').value = 'ada@Example.com';
    field(element, 'phone').value = '';
    await submit(element);
    expect(events).toEqual(['save {"name":"Ada Lovelace","email":"ada@example.com","phone":null}']);
  });

  it('refuses a bad e-mail and phone beside their fields, emitting nothing', async () => {
    const element = await mountDialog();
    const events = record(element);
    field(element, 'email').value = 'ada@localhost';
    field(element, 'phone').value = '12';
    await submit(element);
    expect(events).toEqual([]);
    expect(field(element, 'email').getAttribute('aria-invalid')).toBe('true');
    expect(field(element, 'phone').getAttribute('aria-invalid')).toBe('true');
    expect(field(element, 'name').getAttribute('aria-invalid')).toBe('false');
    const message = (name: string) =>
      root(element).querySelector(`#customer-${name}-error`)?.textContent?.trim();
    expect(message('email')).toBe('E-mail must end in a domain like example.com.');
    expect(message('phone')).toBe('Phone must have 7 to 15 digits.');
    expect(field(element, 'email').getAttribute('aria-describedby')).toBe('customer-email-error');
  });

  it('shows the attached customer, and removes it with Remove or with every field emptied', async () => {
    const ada = { name: 'Ada Lovelace', email: 'ada@example.com', phone: null };
    const element = await mountDialog(ada);
    const events = record(element);
    expect(field(element, 'email').value).toBe('ada@example.com');
    root(element).querySelector<HTMLButtonElement>('[data-testid="customer.remove"]')!.click();
    field(element, 'name').value = '';
    field(element, 'email').value = '';
    await submit(element);
    expect(events).toEqual(['remove', 'remove']);
  });

  it('cancels without a change', async () => {
    const element = await mountDialog();
    const events = record(element);
    const cancel = [...root(element).querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Cancel',
    );
    cancel?.click();
    expect(events).toEqual(['cancel']);
  });
});
