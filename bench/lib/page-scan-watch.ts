/**
 * Runs INSIDE the page (part of the page-probe bundle, so no bundler helpers leak into
 * page.evaluate): watches the sell screen's cart across open shadow roots and reports, for one
 * armed scan, the milliseconds from its first keydown to the DOM change that shows it.
 */

export interface ScanTiming {
  /** First keydown of the scan → cart change: what the associate waits, typing included. */
  fromFirstKeyMs: number;
  /** Terminator (Enter) keydown → cart change: the app's own share. */
  fromEnterMs: number;
}

export interface ScanWatch {
  arm(): void;
  result(timeoutMs: number): Promise<ScanTiming>;
}

/** Finds cart lines (elements named `lineTag`) across shadow roots and watches for changes. */
export function createScanWatch(lineTag: string): ScanWatch {
  const observed = new WeakSet<Node>();
  let firstKeydown: number | null = null;
  let enterKeydown: number | null = null;
  let armed = false;
  let baseline = '';
  let resolveChange: ((at: number) => void) | null = null;

  // The cart as the associate sees it: every line's rendered text, in order.
  const cartSignature = (): string => {
    const parts: string[] = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === lineTag) {
          parts.push((element.shadowRoot?.textContent ?? '') + (element.textContent ?? ''));
        }
        if (element.shadowRoot !== null) visit(element.shadowRoot);
      }
    };
    visit(document);
    return `${parts.length}\u0000${parts.join('\u0001')}`;
  };

  const observer = new MutationObserver(() => {
    const at = performance.now();
    observeShadowRoots(document);
    if (!armed || firstKeydown === null || resolveChange === null) return;
    if (cartSignature() === baseline) return;
    armed = false;
    resolveChange(at);
  });
  const options = { childList: true, subtree: true, characterData: true, attributes: false };
  const observeShadowRoots = (root: Document | ShadowRoot): void => {
    if (!observed.has(root)) {
      observed.add(root);
      observer.observe(root, options);
    }
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot !== null) observeShadowRoots(element.shadowRoot);
    }
  };
  observeShadowRoots(document);

  window.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (!armed) return;
      const at = performance.now();
      firstKeydown ??= at;
      if (event.key === 'Enter') enterKeydown = at;
    },
    { capture: true },
  );

  let changed: Promise<number> = Promise.resolve(0);
  return {
    arm() {
      observeShadowRoots(document);
      baseline = cartSignature();
      firstKeydown = null;
      enterKeydown = null;
      armed = true;
      changed = new Promise((resolve) => {
        resolveChange = resolve;
      });
    },
    async result(timeoutMs) {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`the cart did not change within ${timeoutMs} ms`)),
          timeoutMs,
        ),
      );
      const at = await Promise.race([changed, timeout]);
      if (firstKeydown === null || enterKeydown === null) {
        throw new Error("the scan's keys did not reach the page");
      }
      return { fromFirstKeyMs: at - firstKeydown, fromEnterMs: at - enterKeydown };
    },
  };
}
