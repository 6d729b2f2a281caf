/**
 * A measurement of what a person can reach and see, not a picture: in the page as it is now,
 * every visible interactive element (links, buttons, fields, checkboxes, selects, summaries,
 * anything focusable) must be at least 44×44 CSS pixels, every element's box and every
 * text's box must stay inside the viewport's width, and no button's text may spill out of
 * it. Shadow roots are walked; what is clipped away by a scrolling or hidden-overflow
 * ancestor counts only for the part that shows. While a modal dialog is open (a <dialog> in
 * the top layer, or an `aria-modal` overlay) only what is inside it is measured, since the
 * rest cannot be reached. Returns the problems in words, empty when there are none.
 */
import type { Page } from '@playwright/test';

export const MIN_TARGET_PX = 44;

export interface LayoutProblem {
  readonly what: string;
  readonly problem: string;
}

/** Runs the audit in the page; `label` names the screen in each problem. */
export async function layoutProblems(page: Page, label: string): Promise<string[]> {
  const problems = await page.evaluate((minTarget: number): LayoutProblem[] => {
    const found: LayoutProblem[] = [];
    const vw = document.documentElement.clientWidth;
    const slack = 0.5;
    const INTERACTIVE =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [tabindex]:not([tabindex="-1"])';

    /** The flat-tree parent: a slot's assigned node rises to the slot, a root to its host. */
    const parentOf = (node: Element): Element | null => {
      if (node.assignedSlot !== null) return node.assignedSlot;
      if (node.parentElement !== null) return node.parentElement;
      const root = node.getRootNode();
      return root instanceof ShadowRoot ? root.host : null;
    };

    const describe = (el: Element): string => {
      const name =
        el.getAttribute('aria-label') ??
        el.getAttribute('data-testid') ??
        (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const host = (el.getRootNode() as Partial<ShadowRoot>).host?.localName ?? 'document';
      return `<${el.localName}${el.id === '' ? '' : `#${el.id}`}> "${name}" in ${host}`;
    };

    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot !== null) walk(el.shadowRoot);
      }
    };
    walk(document);

    // A modal open? Only its content counts.
    const modal =
      all.find((el) => el instanceof HTMLDialogElement && el.open && el.matches(':modal')) ??
      all.find(
        (el) => el.getAttribute('aria-modal') === 'true' && el.getClientRects().length > 0,
      ) ??
      null;
    const inside = (el: Element, container: Element): boolean => {
      for (let node: Element | null = el; node !== null; node = parentOf(node)) {
        if (node === container) return true;
      }
      return false;
    };

    /** What `start` and its ancestors let show: the intersection of their clipping boxes. */
    interface Box {
      readonly left: number;
      readonly right: number;
      readonly top: number;
      readonly bottom: number;
    }
    const clipOf = (start: Element | null): Box => {
      let left = -Infinity;
      let right = Infinity;
      let top = -Infinity;
      let bottom = Infinity;
      for (let node = start; node !== null; node = parentOf(node)) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
          const clip = node.getBoundingClientRect();
          if (style.overflowX !== 'visible') {
            left = Math.max(left, clip.left);
            right = Math.min(right, clip.right);
          }
          if (style.overflowY !== 'visible') {
            top = Math.max(top, clip.top);
            bottom = Math.min(bottom, clip.bottom);
          }
        }
        // The top layer and fixed boxes escape their ancestors' clipping.
        if (node instanceof HTMLDialogElement && node.matches(':modal')) break;
        if (node.matches(':popover-open') || style.position === 'fixed') break;
      }
      return { left, right, top, bottom };
    };

    // Plain numbers: a DOMRect of infinite size has a NaN right edge.
    const intersect = (a: Box, b: Box): Box | null => {
      const left = Math.max(a.left, b.left);
      const right = Math.min(a.right, b.right);
      const top = Math.max(a.top, b.top);
      const bottom = Math.min(a.bottom, b.bottom);
      return right - left <= 0 || bottom - top <= 0 ? null : { left, right, top, bottom };
    };

    /** The box that shows: the element's, cut by every clipping ancestor's. */
    const visibleBox = (el: Element): Box | null =>
      intersect(el.getBoundingClientRect(), clipOf(parentOf(el)));

    const shown = (el: Element): boolean => {
      if (el.getClientRects().length === 0) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') return false;
      // The visually-hidden pattern (1×1 px, clipped) is for screen readers only.
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') {
        return false;
      }
      for (let node: Element | null = el; node !== null; node = parentOf(node)) {
        if (node.hasAttribute('inert')) return false;
        const s = getComputedStyle(node);
        if (s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
      }
      return true;
    };

    for (const el of all) {
      if (modal !== null && !inside(el, modal)) continue;
      if (!shown(el)) continue;
      const box = visibleBox(el);
      if (box === null) continue;
      if (box.left < -slack || box.right > vw + slack) {
        found.push({
          what: describe(el),
          problem: `box ${Math.round(box.left)}…${Math.round(box.right)} px leaves the ${vw} px viewport`,
        });
      }
      if (el.matches(INTERACTIVE) && !(el as HTMLInputElement).disabled) {
        const rect = el.getBoundingClientRect();
        if (rect.width + slack < minTarget || rect.height + slack < minTarget) {
          found.push({
            what: describe(el),
            problem: `target ${Math.round(rect.width)}×${Math.round(rect.height)} px is under ${minTarget}×${minTarget}`,
          });
        }
      }
      if (el instanceof HTMLButtonElement && el.scrollWidth > el.clientWidth + 1) {
        found.push({
          what: describe(el),
          problem: `text ${el.scrollWidth} px wide spills out of its ${el.clientWidth} px button`,
        });
      }
      // The element's own text: each line box must stay in the viewport too.
      for (const child of el.childNodes) {
        if (child.nodeType !== Node.TEXT_NODE || (child.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(child);
        const clip = clipOf(el);
        for (const line of range.getClientRects()) {
          const part = intersect(line, clip);
          if (part === null) continue;
          if (part.left < -slack || part.right > vw + slack) {
            found.push({
              what: describe(el),
              problem: `text ${Math.round(line.left)}…${Math.round(line.right)} px leaves the ${vw} px viewport`,
            });
            break;
          }
        }
      }
    }
    if (document.documentElement.scrollWidth > vw + slack) {
      found.push({
        what: 'the page',
        problem: `scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`,
      });
    }
    return found;
  }, MIN_TARGET_PX);
  return problems.map(({ what, problem }) => `${label}: ${what}: ${problem}`);
}
