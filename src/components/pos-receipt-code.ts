/**
 * The scannable code printed on every receipt (DESIGN §10.2): a QR code of the order's
 * `external_id`, which the Return screen reads (camera or hardware scanner) to open the sale.
 * The encoder (@zxing/library's, already the app's decoder) loads on first use, off the first
 * paint; until it arrives the receipt number below stands in.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

interface QrModules {
  readonly size: number;
  /** One SVG path of every dark module, in module units. */
  readonly path: string;
}

async function encode(text: string): Promise<QrModules> {
  const { QRCodeEncoder, QRCodeDecoderErrorCorrectionLevel } = await import('@zxing/library');
  const matrix = QRCodeEncoder.encode(text, QRCodeDecoderErrorCorrectionLevel.M).getMatrix();
  const size = matrix.getWidth();
  let path = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) if (matrix.get(x, y) === 1) path += `M${x} ${y}h1v1h-1z`;
  }
  return { size, path };
}

@customElement('pos-receipt-code')
@localized()
export class PosReceiptCode extends LitElement {
  static override styles = css`
    :host {
      display: block;
      text-align: center;
    }
    svg {
      width: 9rem;
      height: 9rem;
      shape-rendering: crispEdges;
    }
    p {
      margin: 0.25rem 0 0;
      font-size: 0.9rem;
    }
  `;

  /** What the code holds: the order's external id. */
  @property() value = '';
  /** The human-readable number printed under it. */
  @property() label = '';

  @state() private _modules: QrModules | null = null;
  private _encoded = '';

  override willUpdate(): void {
    if (this.value === this._encoded || this.value === '') return;
    this._encoded = this.value;
    const value = this.value;
    encode(value).then(
      (modules) => {
        if (this.value === value) this._modules = modules;
      },
      () => {
        // Offline before the encoder was cached: the number still finds the sale.
        this._modules = null;
      },
    );
  }

  override render() {
    const modules = this._modules;
    // A quiet zone of 4 modules around the code, as scanners expect.
    return html`
      ${
        modules === null
          ? nothing
          : html`<svg
              viewBox="-4 -4 ${modules.size + 8} ${modules.size + 8}"
              role="img"
              aria-label=${msg(str`Receipt code ${this.label}`)}
              data-testid="receipt.code"
              data-value=${this.value}
            >
              <rect
                x="-4"
                y="-4"
                width=${modules.size + 8}
                height=${modules.size + 8}
                fill="#fff"
              />
              ${svg`<path d=${modules.path} fill="#000" />`}
            </svg>`
      }
      <p>${this.label}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-receipt-code': PosReceiptCode;
  }
}
