/**
 * Reads a folder tree in the layout of ZXing's blackbox corpus: one folder per set, images
 * `*.{png,jpg,jpeg,gif}`, ground truth in `<base>.txt` (UTF-8) or `<base>.bin` (bytes as
 * ISO-8859-1) where base is the file name up to its first dot; `thresholds.json` at the root
 * is optional. Folders named `falsepositives*` hold images without a barcode.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CorpusImage {
  readonly folder: string;
  readonly path: string;
  readonly file: string;
  readonly expected: string | null;
}

export interface CorpusFolder {
  readonly name: string;
  readonly falsePositives: boolean;
  readonly javaMustPass: readonly number[] | null;
  readonly images: readonly CorpusImage[];
}

const IMAGE = /\.(png|jpe?g|gif)$/i;

function expectedText(dir: string, file: string): string | null {
  const base = file.slice(0, file.indexOf('.'));
  const txt = join(dir, `${base}.txt`);
  if (existsSync(txt)) return readFileSync(txt, 'utf8');
  const bin = join(dir, `${base}.bin`);
  if (existsSync(bin)) return readFileSync(bin).toString('latin1');
  return null;
}

function readThresholds(root: string): Record<string, readonly number[]> {
  const file = join(root, 'thresholds.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    folders?: Record<string, { javaMustPass?: number[] }>;
  };
  const out: Record<string, readonly number[]> = {};
  for (const [name, entry] of Object.entries(parsed.folders ?? {})) {
    if (entry.javaMustPass !== undefined) out[name] = entry.javaMustPass;
  }
  return out;
}

/** Every folder under `root` (at any depth) that directly holds images, sorted by name. */
export function readCorpus(root: string): CorpusFolder[] {
  const thresholds = readThresholds(root);
  const folders: CorpusFolder[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir).sort();
    const imageFiles = entries.filter((f) => IMAGE.test(f) && statSync(join(dir, f)).isFile());
    if (imageFiles.length > 0) {
      const name = relative(root, dir) || '.';
      const falsePositives = /(^|\/)falsepositives[^/]*$/.test(name);
      folders.push({
        name,
        falsePositives,
        javaMustPass: thresholds[name] ?? null,
        // An image without ground truth in a positive folder cannot be judged: left out.
        images: imageFiles
          .map((file) => ({
            folder: name,
            path: join(dir, file),
            file,
            expected: falsePositives ? null : expectedText(dir, file),
          }))
          .filter((image) => falsePositives || image.expected !== null),
      });
    }
    for (const entry of entries) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return folders.sort((a, b) => a.name.localeCompare(b.name));
}
