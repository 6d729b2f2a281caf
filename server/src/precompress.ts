/**
 * Precompressed copies of the built app: beside each text file of `dist/` (scripts, styles,
 * HTML, SVG, the manifest, the decoder's .wasm) a `.br` (brotli, best quality) and a `.gz`
 * (gzip -9), written once at build time by the Vite plugin in vite.config.ts, so the server
 * never compresses a static file per request: `@fastify/static` with `preCompressed` sends
 * the one the browser accepts (routes/static.ts). Files under 1 KiB, source maps and copies
 * that would not be smaller are left out.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.webmanifest',
  '.json',
  '.wasm',
  '.txt',
]);
const MIN_BYTES = 1024;

export interface PrecompressedFile {
  readonly file: string;
  readonly bytes: number;
  readonly brotli: number | null;
  readonly gzip: number | null;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes `.br` and `.gz` beside every compressible file of `dir`; returns what it wrote. */
export function precompressDir(dir: string): PrecompressedFile[] {
  const written: PrecompressedFile[] = [];
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || path.includes(`${join(dir, '.vite')}`)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    const keepBr = br.length < body.length;
    const keepGz = gz.length < body.length;
    if (keepBr) writeFileSync(`${path}.br`, br);
    if (keepGz) writeFileSync(`${path}.gz`, gz);
    written.push({
      file: path.slice(dir.length + 1),
      bytes: body.length,
      brotli: keepBr ? br.length : null,
      gzip: keepGz ? gz.length : null,
    });
  }
  return written;
}
