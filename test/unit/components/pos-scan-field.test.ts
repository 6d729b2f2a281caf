// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-scan-field.ts';
import type { PosScanField } from '../../../src/components/pos-scan-field.ts';

const shadow = (element: Element) => element.shadowRoot!;

afterEach(() => {
  document.body.replaceChildren();
});

describe('<pos-scan-field>', () => {
  it('emits the typed code on Enter and clears itself', async () => {
    const element: PosScanField = document.createElement('pos-scan-field');
    document.body.append(element);
    await element.updateComplete;
    const codes: string[] = [];
    element.addEventListener('pos-code-entered', (event) => codes.push(event.detail.code));
    const input = shadow(element).querySelector('input')!;
    input.value = ' 036000291452 ';
    shadow(element).querySelector('form')!.requestSubmit();
    expect(codes).toEqual(['036000291452']);
    expect(input.value).toBe('');
    shadow(element).querySelector('form')!.requestSubmit();
    expect(codes).toHaveLength(1);
  });
});
