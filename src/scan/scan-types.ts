/**
 * The shapes every part of scanning shares: what a decoder returns for one symbol, the
 * engine interface both decoders implement, and the names of the engines. Kept free of DOM
 * and Node types so the same module runs in the app's Worker, the bench page and vitest.
 */

/** Symbologies Aisle reads (the POS set from issue 3). */
export const ScanFormats = {
  ean13: 'ean13',
  ean8: 'ean8',
  upcA: 'upc_a',
  upcE: 'upc_e',
  code128: 'code128',
  code39: 'code39',
  itf: 'itf',
  dataMatrix: 'data_matrix',
  qr: 'qr',
} as const;
export type ScanFormat = (typeof ScanFormats)[keyof typeof ScanFormats];

/** One symbol read from one frame, already normalised (engine differences removed). */
export interface Decoded {
  readonly format: ScanFormat;
  /**
   * The data as a scanner would transmit it, without symbology identifier. EAN/UPC in their
   * natural digit count (EAN-13 13, UPC-A 12, EAN-8 and UPC-E 8). GS1 element strings keep
   * their FNC1 separators as ASCII GS (`\x1d`); a leading FNC1 is not in the text but in the
   * symbology identifier (`]C1`, `]d2`, `]Q3`).
   */
  readonly text: string;
  /** What a hardware scanner with AIM identifiers on would send: identifier + text. */
  readonly raw: string;
  /** AIM symbology identifier (`]E0`, `]C1`, `]d2`…), empty when the engine gives none. */
  readonly symbologyIdentifier: string;
  /** The GTIN-14 lookup key for EAN/UPC (and ITF-14) with a valid check digit, else null. */
  readonly gtin14: string | null;
  /** True when the symbol carries a GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR). */
  readonly gs1: boolean;
}

/** RGBA pixels, the shape of `ImageData` without requiring the DOM class. */
export interface Frame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * `zxing-wasm` and `zxing-js` are the two engines; `aisle` is the app's pipeline built from
 * them (zxing-wasm first, zxing-js for 2D symbols zxing-wasm could not read).
 */
export const EngineNames = {
  aisle: 'aisle',
  zxingWasm: 'zxing-wasm',
  zxingJs: 'zxing-js',
} as const;
export type EngineName = (typeof EngineNames)[keyof typeof EngineNames];

/** One decoding engine. `decode` never throws for "nothing found": it returns []. */
export interface BarcodeDecoder {
  readonly name: EngineName;
  decode(frame: Frame): Promise<Decoded[]>;
  dispose(): void;
}
