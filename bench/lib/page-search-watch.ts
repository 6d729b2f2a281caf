/**
 * Runs INSIDE the page (part of the page-probe bundle): times one keystroke in the barcode
 * field of a screen with search by name, from the key's own time (its keydown timeStamp, the
 * moment the keyboard sent it) to the DOM change that shows the suggestions for the field's
 * new text (`<pos-product-search query="…">` with its options, or its "no match" line).
 */

export interface SearchTimes {
  /** Keystroke → its suggestions on screen. */
  shownMs: number;
  /** Keystroke → the field sent the text to search (`pos-code-input`): the event path's share. */
  sentMs: number;
}

export interface SearchWatch {
  /** Expect the suggestions for `text` after the next keystroke. */
  arm(text: string): void;
  result(timeoutMs: number): Promise<SearchTimes>;
}

function findDeep(root: Document | ShadowRoot, tag: string): Element | null {
  const found = root.querySelector(tag);
  if (found !== null) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot === null ? null : findDeep(element.shadowRoot, tag);
    if (inner !== null) return inner;
  }
  return null;
}

export function createSearchWatch(): SearchWatch {
  const field = findDeep(document, 'pos-scan-field');
  const root = field?.shadowRoot;
  if (root == null) throw new Error('no barcode field on this screen');
  let expected: string | null = null;
  let keyAt: number | null = null;
  let sentAt: number | null = null;
  let resolveShown: ((at: number) => void) | null = null;

  const shows = (text: string): boolean => {
    const list = root.querySelector('pos-product-search');
    return (
      list?.getAttribute('query') === text &&
      list.querySelector('[role="option"], .no-match') !== null
    );
  };
  new MutationObserver(() => {
    const at = performance.now();
    if (expected === null || keyAt === null || resolveShown === null) return;
    if (!shows(expected)) return;
    expected = null;
    resolveShown(at);
  }).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });

  field?.addEventListener('pos-code-input', (event) => {
    const { text } = (event as CustomEvent<{ readonly text: string }>).detail;
    if (expected !== null && text === expected) sentAt ??= performance.now();
  });
  window.addEventListener(
    'keydown',
    (event) => {
      if (expected !== null) keyAt ??= event.timeStamp;
    },
    { capture: true },
  );

  let shown: Promise<number> = Promise.resolve(0);
  return {
    arm(text) {
      expected = text;
      keyAt = null;
      sentAt = null;
      shown = new Promise((resolve) => {
        resolveShown = resolve;
      });
    },
    async result(timeoutMs) {
      const wanted = expected;
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no suggestions for "${wanted ?? ''}" within ${timeoutMs} ms`)),
          timeoutMs,
        ),
      );
      const at = await Promise.race([shown, timeout]);
      if (keyAt === null) throw new Error('the keystroke did not reach the page');
      return { shownMs: at - keyAt, sentMs: (sentAt ?? at) - keyAt };
    },
  };
}
