/**
 * The one layout system: three form factors, chosen by the viewport, and named once here so
 * the shell, the screens and the components switch at the same widths.
 *
 * - **phone** (narrower than 700 px, e.g. 390×844 and 360×740): one column, the screen's main
 *   list fills the height; the header is one row with a Menu button for the screens.
 * - **tablet** (700 px up to the kiosk, e.g. 1280×800): side by side; the header is one row
 *   with the screens' links.
 * - **kiosk** (at least 1600×900, e.g. 1920×1080): the tablet layout read at arm's length; the
 *   root font size grows from 16 to 20 px (index.html), and since every size is in rem, type,
 *   gaps and targets (3 rem = 48 px, 60 px on a kiosk) scale up with it.
 *
 * Sizes are in rem everywhere so the kiosk scale reaches them; no target is under 2.75 rem
 * (44 px). index.html repeats the kiosk query for the root font size (plain CSS there).
 */
import { unsafeCSS } from 'lit';

/** Media query of a phone, for `@media ${PHONE}` in a `css` template. */
export const PHONE = unsafeCSS('(max-width: 699.98px)');
/** Media query of a tablet or kiosk (the side-by-side layouts). */
export const WIDE = unsafeCSS('(min-width: 700px)');
/** Media query of a counter kiosk (index.html scales the root font size under it). */
export const KIOSK = unsafeCSS('(min-width: 1600px) and (min-height: 900px)');
